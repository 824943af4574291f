package engram.theorem.landscape;

import static engram.claim.Evaluation.fmt;

import engram.activation.ActivationKind;
import engram.analysis.PhaseDiagram;
import engram.analysis.RateStability;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.landscape.Continuation;
import engram.landscape.NetworkFamily;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * {@code continue.fr-boundary}: Continuation finds the firing-rate stability boundary on the phase diagram's grid lines
 * (properties/continue.fr-boundary.properties; docs/theory.md section 9.4). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class ContinueFrBoundaryClaim implements Claim<ContinueFrBoundaryClaim.Case> {

    /** Sub-intervals of the reduced route's scan for sign changes along a grid line. */
    static final int SCAN = 400;
    /** Continuation steps per grid line (the largest step is the line's length over this). */
    static final int STEPS = 90;
    /** How far past a rectified activation's kink (threshold = a) a threshold line starts. */
    static final double PAST_KINK = 0.01;

    /**
     * One grid line of theory.md's phase diagram: {@code alongThreshold} (the threshold varies at the rho of grid index
     * {@code index}) or along rho (at the threshold of that index); {@code inhibitory}: a = -0.3, else a = 0.1;
     * {@code corrector}: {@link Continuation.Corrector#ARCLENGTH}, or the control's unguarded corrector.
     */
    public record Case(ActivationKind activation, boolean inhibitory, boolean alongThreshold, int index, int n,
            Continuation.Corrector corrector) {
    }

    @Override public String id() { return "continue.fr-boundary"; }

    @Override public int examples() { return 12; }

    private static Case draw(Draw d, Continuation.Corrector corrector) {
        return new Case(d.choice("Phi", PhaseDiagram.ACTIVATIONS), d.choice("inhibitory (a = -0.3; else a = 0.1)",
                List.of(true, false)), d.choice("line along the threshold (else along rho)", List.of(true, false)),
                d.integer("grid index of the fixed parameter", 1, PhaseDiagram.GRID - 1), 25 * d.integer("N / 25", 2, 4),
                corrector);
    }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> draw(d, Continuation.Corrector.ARCLENGTH);
    }

    @Override public CaseSpace<Case> control() {
        return d -> draw(d, Continuation.Corrector.UNGUARDED);
    }

    @Override public Evaluation evaluate(Case c) {
        double a = c.inhibitory() ? FiringRateDesign.REFERENCE_A : FiringRateDesign.EXCITATORY_A;
        double fixed = c.alongThreshold() ? PhaseDiagram.rhos(PhaseDiagram.GRID)[c.index()]
                : PhaseDiagram.thresholds(PhaseDiagram.GRID)[c.index()];
        double[] range = range(c, a);
        Line l = new Line(c.activation(), a, c.alongThreshold(), fixed, c.n());
        List<Double> predicted = l.boundary(range);
        Continuation.Result r = l.continued(range, c.corrector());
        List<Double> found = new ArrayList<>();
        for (Continuation.Bifurcation b : r.bifurcations()) {
            if (b.branch() == 0 && b.stability()) {
                found.add(b.value());
            }
        }
        double worst = found.size() == predicted.size() ? 0 : 1;
        for (int k = 0; k < Math.min(found.size(), predicted.size()); k++) {
            worst = Math.max(worst, Math.abs(found.get(k) - predicted.get(k)) / Math.max(1, Math.abs(predicted.get(k))));
        }
        String line = (c.alongThreshold() ? "threshold from " : "rho from ") + fmt(range[0]) + " to " + fmt(range[1])
                + " at " + (c.alongThreshold() ? "rho " : "threshold ") + fmt(fixed);
        return Evaluation.atMost(worst, tolerance(), line + ": the phase diagram's boundary at " + predicted
                + ", continuation's stability changes at " + found + " (" + r.branches().get(0).points().size()
                + " points, branch ended: " + r.branches().get(0).end() + ")");
    }

    /**
     * A line of the phase diagram: the firing-rate design on balanced memories (q = 0.2, b = 0.95, target field a)
     * redone at every value of the threshold (at slope {@code fixed}) or of the slope (at threshold {@code fixed}).
     */
    record Line(ActivationKind activation, double a, boolean alongThreshold, double fixed, int n) {

        FiringRateDesign design(PatternSet xi, double l) {
            return FiringRateDesign.independent(xi, alongThreshold ? activation.of(fixed, l) : activation.of(l, fixed), a,
                    FiringRateDesign.REFERENCE_B, FiringRateDesign.REFERENCE_Q);
        }

        PatternSet memories() {
            return Patterns.commonCore(n, FiringRateDesign.REFERENCE_Q);
        }

        /** The zeros of the phase diagram's largest eigenvalue (the reduced route) on the range. */
        List<Double> boundary(double[] range) {
            PatternSet xi = memories();
            return ContinueFrBoundaryClaim.boundary(l -> RateStability.maxEigenvalueOverMemories(design(xi, l)), range);
        }

        /** Memory 1's rescaled state continued over the range (largest step 1/{@value #STEPS} of it, no switching). */
        Continuation.Result continued(double[] range, Continuation.Corrector corrector) {
            PatternSet xi = memories();
            NetworkFamily f = new NetworkFamily(NetworkFamily.Model.RATE, n, l -> {
                FiringRateDesign d = design(xi, l);
                return new NetworkFamily.Network(d.couplings(), d.phi(), null);
            });
            return Continuation.run(f, design(xi, range[0]).rescaled(0), new Continuation.Settings(range[0], range[1],
                    (range[1] - range[0]) / STEPS, 20 * STEPS, false, 1, corrector),
                    x -> Arrays.stream(x).average().orElse(0));
        }
    }

    /**
     * The grid line's range: the threshold over [0, 0.9], past the kink of the rectified activation at threshold = a
     * (where Phi'(a) jumps and stability may change without a bifurcation), or rho over [0.2, 5].
     */
    static double[] range(Case c, double a) {
        if (!c.alongThreshold()) {
            return new double[] {PhaseDiagram.rhos(2)[0], PhaseDiagram.rhos(2)[1]};
        }
        double[] t = PhaseDiagram.thresholds(2);
        boolean kinked = c.activation() == ActivationKind.RECTIFIED_TANH && a >= t[0] && a < t[1];
        return new double[] {kinked ? a + PAST_KINK : t[0], t[1]};
    }

    /** The zeros of the reduced route's largest eigenvalue along the line: sign changes on a fine scan, then Brent. */
    static List<Double> boundary(DoubleUnaryOperator eigenvalue, double[] range) {
        List<Double> zeros = new ArrayList<>();
        double lo = range[0], prev = eigenvalue.applyAsDouble(lo);
        for (int k = 1; k <= SCAN; k++) {
            double hi = range[0] + (range[1] - range[0]) * k / SCAN, next = eigenvalue.applyAsDouble(hi);
            if (prev * next < 0) {
                zeros.add(new BrentSolver(1e-15, 1e-14).solve(200, eigenvalue::applyAsDouble, lo, hi));
            }
            lo = hi;
            prev = next;
        }
        return zeros;
    }
}
