package engram.theorem.foundation;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.Measurements;
import engram.claim.Calibrated;
import engram.claim.CaseSpace;
import engram.claim.Catalogue;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.claim.OneNetworkClaim;
import engram.claim.cases.TimeConstant;
import engram.claim.cases.Vectors;
import engram.memory.DenseCouplings;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.network.IntegratorKind;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * {@code rate.positivity}: Firing rates stay non-negative (and in [0,1]) (properties/rate.positivity.properties;
 * docs/theory.md section 1.4). The catalogue entry states the hypotheses, metric, tolerances and control; this class
 * draws the cases and measures.
 */
public final class RatePositivityClaim implements Claim<RatePositivityClaim.Case>, OneNetworkClaim, Calibrated<RatePositivityClaim.Case> {

    /**
     * @param integrator euler or dp853 (the oracle)
     * @param stepRatio h / tau for Euler
     * @param bias mean of W's entries (negative: inhibition)
     */
    public record Case(int n, ActivationKind activation, double gain, double threshold, double scale, double bias,
            IntegratorKind integrator, double stepRatio, double tau, long seed) {

        FiringRateModel model() {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] w = DenseCouplings.randomGeneral(n, scale, rng).toDense();
            for (int k = 0; k < w.length; k++) {
                w[k] += bias / n;
            }
            return new FiringRateModel(tau, new DenseCouplings(n, w), activation.of(gain, threshold),
                    Input.constant(Vectors.gaussian(n, 0.5, rng)));
        }
    }

    /** A start in [0,1]^N with about a quarter of the units at 0 (on the face of the orthant). */
    static double[] start(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed + 3);
        double[] r = Vectors.uniform(n, 0, 1, rng);
        for (int i = 0; i < n; i++) {
            if (rng.nextInt(4) == 0) {
                r[i] = 0;
            }
        }
        return r;
    }

    /** The check shared with {@code fr.positivity}: the excursion outside the invariant set, judged by integrator. */
    public static Evaluation excursion(Claim<?> claim, FiringRateModel model, int n, IntegratorKind integrator,
            double stepRatio, long seed) {
        boolean euler = integrator == IntegratorKind.EULER;
        double worst = Measurements.invariantSetExcursion(model, start(n, seed), euler, stepRatio);
        boolean boxed = model.activation().rangeMax() <= 1;
        double allowed = euler ? claim.tolerance("euler") : claim.tolerance() * oracleAccuracy(model.activation());
        return Evaluation.atMost(worst, allowed, "largest excursion outside " + (boxed ? "[0,1]" : "[0,inf)") + " = "
                + fmt(worst) + " (" + integrator + (euler ? "" : ", oracle accuracy " + fmt(allowed)) + ")");
    }

    /**
     * The oracle's accuracy on a field built on {@code phi}, as claim {@code oracle.accuracy} states and checks it:
     * its tolerance on smooth fields, its {@code tolerance.kinked} where phi has a kink (the step control crosses a kink
     * without locating it). The exact flow cannot leave the invariant set, so an oracle excursion within this is the
     * oracle's own error, not evidence against the theorem.
     */
    static double oracleAccuracy(Activation phi) {
        return Catalogue.tolerance("oracle.accuracy", phi.smooth() ? null : "kinked");
    }

    @Override public String id() { return "rate.positivity"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            int n = d.integer("N", 1, 20);
            ActivationKind act = d.choice("Phi", List.of(ActivationKind.LOGISTIC, ActivationKind.RECTIFIED_TANH,
                    ActivationKind.RELU));
            double gain = d.real("slope", 0.2, 5);
            double threshold = d.real("threshold", -0.5, 1);
            // relu is unbounded: keep gain * ||W|| below 1 so that trajectories stay finite
            double scale = act == ActivationKind.RELU ? d.real("gain x scale of W (relu)", 0, 0.3) / gain
                    : d.real("scale of W", 0, 3);
            double bias = act == ActivationKind.RELU ? -d.real("-bias (relu)", 0, 2) : d.real("bias", -3, 3);
            IntegratorKind integrator = d.choice("integrator", List.of(IntegratorKind.EULER, IntegratorKind.DP853));
            return new Case(n, act, gain, threshold, scale, bias, integrator, d.real("h / tau", 0.05, 1),
                    TimeConstant.draw(d), d.seed());
        };
    }

    @Override public CaseSpace<Case> control() { return outside(d -> d.real("h / tau", 1.5, 3)); }

    /** Strong inhibition, explicit Euler, with the step ratio h / tau given by {@code stepRatio}. */
    private static CaseSpace<Case> outside(ToDoubleFunction<Draw> stepRatio) {
        return d -> new Case(d.integer("N", 1, 20), d.choice("Phi", List.of(ActivationKind.LOGISTIC,
                ActivationKind.RECTIFIED_TANH)), d.real("slope", 1, 5), d.real("threshold", 0, 1),
                d.real("scale of W", 0, 1), -d.real("-bias", 2, 6), IntegratorKind.EULER, stepRatio.applyAsDouble(d),
                TimeConstant.draw(d), d.seed());
    }

    @Override public String departure() { return "h / tau - 1 (explicit Euler)"; }

    @Override public double controlDeparture() { return 0.5; }

    @Override public CaseSpace<Case> at(double departure) { return outside(d -> 1 + departure); }

    @Override public Evaluation evaluate(Case c) {
        return excursion(this, c.model(), c.n(), c.integrator(), c.stepRatio(), c.seed());
    }

    @Override public String notApplicable(Network net) {
        String model = OneNetworkClaim.needsModel(net, false);
        if (model != null) {
            return model;
        }
        return net.activation().rangeMin() >= 0 ? null : "the activation's range starts at "
                + Evaluation.fmt(net.activation().rangeMin()) + " < 0";
    }

    @Override public String needs() { return "activation with non-negative range"; }

    @Override public Measured measure(Network net, double[] x0, SplittableRandom rng) {
        double metric = Measurements.invariantSetExcursion((FiringRateModel) net.field(), x0,
                false, 1);
        return new Measured(metric, "largest excursion outside the range " + Evaluation.fmt(metric));
    }
}
