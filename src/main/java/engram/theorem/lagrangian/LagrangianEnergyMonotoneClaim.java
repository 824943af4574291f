package engram.theorem.lagrangian;

import static engram.claim.Evaluation.fmt;

import engram.activation.ActivationKind;
import engram.analysis.Measurements;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.memory.PatternSet;
import engram.model.Lagrangian;
import engram.model.TwoLayerNetwork;
import engram.oracle.Oracle;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code lagrangian.energy-monotone}: The two-layer Lagrangian energy never increases for convex Lagrangians
 * (properties/lagrangian.energy-monotone.properties; docs/theory.md section 4.1). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class LagrangianEnergyMonotoneClaim implements Claim<LagrangianEnergyMonotoneClaim.Case> {

    /** The Lagrangians of the family. */
    public enum Kind {
        QUADRATIC, LOG_SUM_EXP, TANH, LOGISTIC, RELU, INDEFINITE;

        Lagrangian of(int n, double gain, SplittableRandom rng) {
            return switch (this) {
                case QUADRATIC -> Lagrangian.quadratic(Vectors.uniform(n, 0.2, 2, rng));
                case LOG_SUM_EXP -> Lagrangian.logSumExp(gain);
                case TANH -> Lagrangian.additive(ActivationKind.TANH.of(gain, 0));
                case LOGISTIC -> Lagrangian.additive(ActivationKind.LOGISTIC.of(gain, 0));
                case RELU -> Lagrangian.additive(ActivationKind.RELU.of(gain, 0));
                case INDEFINITE -> {
                    double[] w = Vectors.uniform(n, -2, 2, rng);
                    w[0] = -Math.abs(w[0]) - 0.5;
                    yield Lagrangian.quadratic(w);
                }
            };
        }

        @Override public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public record Case(int nv, int nh, Kind visible, Kind hidden, double gain, double tauH, long seed) {
    }

    private static final List<Kind> VISIBLE = List.of(Kind.QUADRATIC, Kind.TANH, Kind.LOGISTIC, Kind.RELU);
    private static final List<Kind> HIDDEN = List.of(Kind.QUADRATIC, Kind.LOG_SUM_EXP, Kind.TANH, Kind.LOGISTIC);

    @Override public String id() { return "lagrangian.energy-monotone"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N_v", 2, 12), d.integer("N_h", 1, 6), d.choice("L_v", VISIBLE),
                d.choice("L_h", HIDDEN), d.real("gain or beta", 0.5, 3), d.real("tau_h / tau_v", 0.05, 2), d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("N_v", 2, 12), d.integer("N_h", 2, 6), d.choice("L_v", VISIBLE), Kind.INDEFINITE,
                d.real("gain or beta", 0.5, 3), d.real("tau_h / tau_v", 0.05, 2), d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        PatternSet x = new PatternSet(c.nv(), c.nh(), Vectors.gaussian(c.nv() * c.nh(), 1 / Math.sqrt(c.nv()), rng),
                "gaussian");
        Lagrangian lv = c.visible().of(c.nv(), c.gain(), rng), lh = c.hidden().of(c.nh(), c.gain(), rng);
        TwoLayerNetwork net = new TwoLayerNetwork(x, lv, lh, 1.0, c.tauH(), Vectors.gaussian(c.nv(), 0.3, rng));
        double[] s0 = Vectors.gaussian(c.nv() + c.nh(), 1, rng);
        Trajectory tr = Oracle.dp853().sample(net, 0, s0, 5, 0.05);
        Measurements.Rise rise = Measurements.largestEnergyRise(net, tr);
        double scale = 1 + Math.abs(rise.initialEnergy()), rate = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < tr.size(); k++) {
            rate = Math.max(rate, net.energyRate(tr.state(k)) / scale);
        }
        double metric = Math.max(rise.relative(), rate);
        return Evaluation.atMost(metric, tolerance(), "L_v " + c.visible() + ", L_h " + c.hidden()
                + ": largest relative energy rise " + fmt(rise.relative()) + " at t=" + fmt(rise.time())
                + ", largest Hessian-predicted dE/dt " + fmt(rate));
    }
}
