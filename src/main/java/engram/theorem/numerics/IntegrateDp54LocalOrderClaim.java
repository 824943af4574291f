package engram.theorem.numerics;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Fits;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.DormandPrince54;
import engram.integrate.RungeKutta4;
import engram.kernel.Norms;
import engram.oracle.ExactProblem;
import engram.oracle.TestProblems;
import java.util.Arrays;
import java.util.List;

/**
 * {@code integrate.dp54-local-order}: One Dormand-Prince 5(4) step has local error O(h^6) and an error estimate
 * O(h^5) (properties/integrate.dp54-local-order.properties; docs/theory.md section 6.3). The catalogue entry states
 * the hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class IntegrateDp54LocalOrderClaim implements Claim<IntegrateDp54LocalOrderClaim.Case> {

    private static final int LEVELS = 10;
    /** Relative local errors below this are rounding. */
    private static final double FLOOR = 5e-15;

    /**
     * @param problem a {@link TestProblems} name
     * @param start where on the problem's interval the step starts, as a fraction of it
     * @param h0 the largest step
     * @param rk4 measure RK4 instead (the control)
     */
    public record Case(String problem, double start, double h0, boolean rk4) {
    }

    @Override public String id() { return "integrate.dp54-local-order"; }

    private static CaseSpace<Case> cases(boolean rk4) {
        return d -> new Case(d.choice("problem", List.of("forced-decay", "rotation", "gaussian")),
                d.real("start (fraction of the interval)", 0, 0.8), d.real("largest step h0", 0.1, 0.3), rk4);
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(false); }

    @Override public CaseSpace<Case> control() { return cases(true); }

    /** Local errors and estimates at each step size, relative to the size of the solution. */
    record Local(double[] steps, double[] errors, double[] estimates) {
    }

    static Local measure(Case c) {
        ExactProblem p = TestProblems.named(c.problem());
        int n = p.dimension();
        double t = p.t0() + c.start() * (p.t1() - p.t0());
        double[] steps = new double[LEVELS], errors = new double[LEVELS], estimates = new double[LEVELS];
        DormandPrince54 dp = new DormandPrince54(n, 1, 1);
        RungeKutta4 rk4 = new RungeKutta4(n);
        for (int k = 0; k < LEVELS; k++) {
            double h = c.h0() / (1 << k);
            double[] x = p.exact(t);
            steps[k] = h;
            if (c.rk4()) {
                rk4.step(p, t, x, h);
            } else {
                estimates[k] = dp.singleStep(p, t, x, h);
            }
            double[] exact = p.exact(t + h);
            double scale = Math.max(Norms.maxAbs(exact), 1e-3);
            errors[k] = Norms.maxAbsDiff(x, exact) / scale;
            estimates[k] /= scale;
        }
        return new Local(steps, errors, estimates);
    }

    /** The order fitted over the three smallest steps whose values are above the floor; NaN if fewer than three. */
    static double order(double[] steps, double[] values) {
        int end = 0;
        for (int k = 0; k < values.length; k++) {
            if (values[k] >= FLOOR) {
                end = k + 1;
            }
        }
        return end < 3 ? Double.NaN
                : Fits.order(Arrays.copyOfRange(steps, end - 3, end), Arrays.copyOfRange(values, end - 3, end));
    }

    @Override public Evaluation evaluate(Case c) {
        Local m = measure(c);
        double pSolution = order(m.steps(), m.errors());
        if (Double.isNaN(pSolution)) {
            return Evaluation.uninformative("fewer than three local errors above " + fmt(FLOOR));
        }
        double devSolution = Math.abs(pSolution - 6);
        if (c.rk4()) {
            return Evaluation.atMost(devSolution, tolerance(), c.problem() + ": RK4 local order " + fmt(pSolution)
                    + " measured against the pair's 6");
        }
        double pEstimate = order(m.steps(), m.estimates());
        double devEstimate = Double.isNaN(pEstimate) ? Double.POSITIVE_INFINITY : Math.abs(pEstimate - 5);
        return Evaluation.atMost(Math.max(devSolution, devEstimate), tolerance(), c.problem() + ": local error order "
                + fmt(pSolution) + " (6), estimate order " + fmt(pEstimate) + " (5), errors " + fmt(m.errors()[0]) + " .. "
                + fmt(m.errors()[LEVELS - 1]));
    }
}
