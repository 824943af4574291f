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
import java.util.List;

/**
 * {@code capacity.analog-overlap}: Simulated analog retrieval overlaps follow the SCSNA below capacity
 * (properties/capacity.analog-overlap.properties; docs/theory.md section 5.3). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class CapacityAnalogOverlapClaim implements Claim<CapacityAnalogOverlapClaim.Case> {

    static final int N = 3000;
    static final int TRIALS = 48;
    /** How far (in allowances) the wrong answers must lie from the theory for a case to decide. */
    static final double DISCRIMINATION = 1.5;

    public enum Unit { TANH, HARD_TANH, LOGISTIC }

    public record Case(Unit unit, double gain, double loadFraction, boolean reaction, long seed) {

        Activation activation() {
            return switch (unit) {
                case TANH -> new Tanh(gain);
                case HARD_TANH -> new HardTanh(gain);
                case LOGISTIC -> new Logistic(gain, 0);
            };
        }
    }

    @Override public String id() { return "capacity.analog-overlap"; }

    @Override public int examples() { return 4; }

    @Override public int controlBudget() { return 3; }

    /** Near the edges of the gain ranges a case may not decide: see the catalogue. */
    @Override public double minimumInformative() { return 0.5; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            Unit u = d.choice("unit", List.of(Unit.TANH, Unit.HARD_TANH));
            double gain = u == Unit.TANH ? d.real("gain (tanh)", 1.3, 1.8) : d.real("gain (hard-tanh)", 1.1, 1.15);
            return new Case(u, gain, d.real("load / alpha_c", 0.6, 0.7), true, d.seed());
        };
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(Unit.TANH, d.real("gain (tanh)", 1.3, 1.8), d.real("load / alpha_c", 0.6, 0.7), false,
                d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        Activation f = c.activation();
        double alphaC = Scsna.criticalLoad(f, true, 1e-3);
        double alpha = c.loadFraction() * alphaC;
        double m0 = Capacity.singleMemoryOverlap(f);
        double theory = Scsna.solve(f, alpha, c.reaction()).m();
        double other = Scsna.solve(f, alpha, !c.reaction()).m();
        Capacity.Load load = Capacity.analog(f, N, alpha, TRIALS, 0, c.seed());
        double gap = Math.abs(load.meanOverlap() - theory) / m0;
        // the finite-size allowance plus the trial mean's sampling error (Student's t with TRIALS - 1 degrees of freedom)
        double standardError = load.sdOverlap() / Math.sqrt(TRIALS) / m0;
        double allowed = tolerance() + tolerance("t") * standardError;
        // the check decides only where the two plausible wrong answers (the other theory, and m = m_0) lie at least
        // 1.5 times the allowance away from the theory
        double discrimination = Math.min(Math.abs(theory - other), Math.abs(m0 - theory)) / m0;
        if (discrimination < DISCRIMINATION * allowed) {
            return Evaluation.uninformative("the theory with and without the reaction term and m_0 differ by "
                    + fmt(discrimination) + " m_0, under " + DISCRIMINATION + " times the allowance " + fmt(allowed));
        }
        return Evaluation.atMost(gap, allowed, c.unit() + " gain " + fmt(c.gain()) + ", alpha " + fmt(alpha)
                + " (alpha_c " + fmt(alphaC) + "): simulated overlap " + fmt(load.meanOverlap()) + " (sd "
                + fmt(load.sdOverlap()) + " over " + TRIALS + " trials, N " + N + ") vs theory " + fmt(theory)
                + (c.reaction() ? "" : " without the reaction term") + ", m_0 " + fmt(m0) + "; gap / m_0 " + fmt(gap)
                + " against " + fmt(tolerance()) + " + " + fmt(tolerance("t")) + " x " + fmt(standardError));
    }
}
