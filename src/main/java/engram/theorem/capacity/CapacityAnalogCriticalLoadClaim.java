package engram.theorem.capacity;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.HardTanh;
import engram.activation.Logistic;
import engram.activation.Tanh;
import engram.analysis.Capacity;
import engram.analysis.Scsna;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code capacity.analog-critical-load}: Simulated analog critical loads extrapolate to the SCSNA capacity
 * (properties/capacity.analog-critical-load.properties; docs/theory.md section 5.3). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class CapacityAnalogCriticalLoadClaim implements Claim<CapacityAnalogCriticalLoadClaim.Case> {

    static final int[] SIZES = {250, 500, 1000};
    static final int TRIALS = 20;
    static final int LOADS = 12;

    public enum Unit { TANH, HARD_TANH, LOGISTIC }

    /**
     * @param theoryFactor a factor on the theory's alpha_c, 1 for the claim (other values plant an error in tests)
     */
    public record Case(Unit unit, double gain, boolean reaction, double theoryFactor, long seed) {

        public Case {
            if (!(theoryFactor > 0)) {
                throw new IllegalArgumentException("theoryFactor must be positive, got " + theoryFactor);
            }
        }

        Activation activation() {
            return switch (unit) {
                case TANH -> new Tanh(gain);
                case HARD_TANH -> new HardTanh(gain);
                case LOGISTIC -> new Logistic(gain, 0);
            };
        }
    }

    @Override public String id() { return "capacity.analog-critical-load"; }

    @Override public int examples() { return 1; }

    @Override public int controlBudget() { return 1; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            Unit u = d.choice("unit", List.of(Unit.TANH, Unit.HARD_TANH, Unit.LOGISTIC));
            double gain = switch (u) {
                case TANH -> d.real("gain (tanh)", 2, 5);
                case HARD_TANH -> d.real("gain (hard-tanh)", 2, 4);
                case LOGISTIC -> d.real("gain (logistic)", 6, 10);
            };
            return new Case(u, gain, true, 1, d.seed());
        };
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(Unit.TANH, d.real("gain (tanh)", 2, 5), false, 1, d.seed());
    }

    /**
     * The transitions at {@link #SIZES}, each over {@value #LOADS} loads from 0.6 to 1.5 times the SCSNA alpha_c (the
     * grid is only placed by the theory: a transition outside it is not located, and the check fails).
     */
    static List<Capacity.Transition> measure(Activation f, double alphaC, long seed) {
        double[] loads = new double[LOADS];
        for (int j = 0; j < LOADS; j++) {
            loads[j] = alphaC * (0.6 + 0.9 * j / (LOADS - 1));
        }
        List<Capacity.Transition> out = new ArrayList<>();
        for (int n : SIZES) {
            out.add(Capacity.analogTransition(f, n, loads, TRIALS, 0, seed, null));
        }
        return out;
    }

    @Override public Evaluation evaluate(Case c) {
        Activation f = c.activation();
        double alphaC = Scsna.criticalLoad(f, true, 1e-4);
        double predicted = c.theoryFactor() * (c.reaction() ? alphaC : Scsna.criticalLoad(f, false, 1e-4));
        return check(measure(f, alphaC, c.seed()), predicted, tolerance(), c.unit() + " gain " + fmt(c.gain())
                + ", theory" + (c.reaction() ? "" : " without the reaction term"));
    }

    /** The measured transitions against a predicted alpha_c: the nearer extrapolation in standard errors. */
    static Evaluation check(List<Capacity.Transition> ts, double predicted, double tolerance, String label) {
        StringBuilder detail = new StringBuilder(label + " " + fmt(predicted) + "; alpha_c(N)");
        boolean located = true;
        for (Capacity.Transition t : ts) {
            detail.append(" N ").append(t.n()).append(' ').append(fmt(t.alphaC())).append(" [").append(fmt(t.low()))
                    .append(", ").append(fmt(t.high())).append(']').append(t.located() ? "" : " (not located)");
            located &= t.located();
        }
        double z = Double.POSITIVE_INFINITY;
        for (double power : new double[] {1, 0.5}) {
            Capacity.Intercept a = Capacity.intercept(ts, power);
            z = Math.min(z, a.z(predicted));
            detail.append("; N^-").append(fmt(power)).append(" fit: ").append(fmt(a.value())).append(" (se ")
                    .append(fmt(a.standardError())).append(", chi^2/dof ").append(fmt(a.chiSquarePerDof()))
                    .append(')');
        }
        detail.append("; the nearer fit is ").append(fmt(z)).append(" standard errors away");
        if (!located) {
            return new Evaluation(z, -1, detail + "; a transition lies outside the loads");
        }
        return Evaluation.atMost(z, tolerance, detail.toString());
    }
}
