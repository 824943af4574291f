package engram.theorem.foundation;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.claim.Calibrated;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.memory.DenseCouplings;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.SplittableRandom;

/**
 * {@code rate.voltage-equivalence}: Rate-voltage equivalence x(t) = W r(t) + u
 * (properties/rate.voltage-equivalence.properties; docs/theory.md section 1.3). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class RateVoltageEquivalenceClaim implements Claim<RateVoltageEquivalenceClaim.Case>,
        Calibrated<RateVoltageEquivalenceClaim.Case> {

    public record Case(int n, ActivationKind activation, double gain, double scale, double drift, long seed) {
    }

    @Override public String id() { return "rate.voltage-equivalence"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 1, 12), d.choice("psi", List.of(ActivationKind.TANH, ActivationKind.LOGISTIC)),
                d.real("gain", 0.3, 4), d.real("scale of W", 0.1, 3), 0.0, d.seed());
    }

    @Override public CaseSpace<Case> control() { return outside(d -> d.real("input drift", 0.1, 1)); }

    /** A drifting input u(t) = u0 + t rate with the rate's scale given by {@code drift}. */
    private static CaseSpace<Case> outside(ToDoubleFunction<Draw> drift) {
        return d -> new Case(d.integer("N", 1, 12), ActivationKind.TANH, d.real("gain", 0.3, 4), d.real("scale of W", 0.1, 3),
                drift.applyAsDouble(d), d.seed());
    }

    /** The input's scale: departures are drift rates relative to it. */
    private static final double INPUT_SCALE = 0.5;

    @Override public String departure() { return "input drift rate / scale of u (u constant inside the hypotheses)"; }

    @Override public double controlDeparture() { return 0.1 / INPUT_SCALE; }

    @Override public CaseSpace<Case> at(double departure) { return outside(d -> departure * INPUT_SCALE); }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        DenseCouplings w = DenseCouplings.randomGeneral(n, c.scale(), rng);
        double[] u = Vectors.gaussian(n, INPUT_SCALE, rng);
        double[] rate = c.drift() > 0 ? Vectors.gaussian(n, c.drift(), rng) : null;
        Input input = new Input(u, rate);
        Activation psi = c.activation().of(c.gain(), 0.1);
        double tau = 0.5 + rng.nextDouble();
        double[] r0 = Vectors.uniform(n, 0, 1, rng);
        double[] x0 = new double[n];
        w.multiply(r0, x0);
        for (int i = 0; i < n; i++) {
            x0[i] += u[i];
        }
        Trajectory rates = Oracle.dp853().sample(new FiringRateModel(tau, w, psi, input), 0, r0, 5, 0.1);
        Trajectory volts = Oracle.dp853().sample(new VoltageModel(tau, w, psi, input), 0, x0, 5, 0.1);
        double worst = 0;
        double[] mapped = new double[n];
        for (int k = 0; k < Math.min(rates.size(), volts.size()); k++) {
            w.multiply(rates.state(k), mapped);
            double[] x = volts.state(k);
            double scale = 1;
            for (int i = 0; i < n; i++) {
                scale = Math.max(scale, Math.abs(x[i]));
            }
            for (int i = 0; i < n; i++) {
                double predicted = mapped[i] + input.at(rates.time(k), i);
                worst = Math.max(worst, Math.abs(x[i] - predicted) / scale);
            }
        }
        return Evaluation.atMost(worst, tolerance(), "max |x(t) - (W r(t) + u)| / max(1,|x|) = " + fmt(worst));
    }
}
