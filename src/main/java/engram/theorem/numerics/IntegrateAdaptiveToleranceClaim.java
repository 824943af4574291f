package engram.theorem.numerics;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.RandomCouplings;
import engram.claim.cases.Vectors;
import engram.integrate.DormandPrince54;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.ExactProblem;
import engram.oracle.Oracle;
import engram.oracle.TestProblems;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Engram's adaptive Dormand-Prince 5(4) pair meets its tolerance and saves work as the tolerance loosens.
 * Derived bound: each accepted step keeps its estimated local error below 1 in the RMS norm weighted by
 * {@code tol (1 + |x_i|)} (rtol = atol = tol), so each component's local error is at most
 * {@code sqrt(n) tol (1 + max|x|)}; in a contracting system ({@code Lip(psi) ||W||_2 < 1}, one-sided Lipschitz
 * constant below 0) local errors are not amplified, so the global error at T is at most their sum:
 * {@code accepted * sqrt(n) * tol * (1 + max|x|)}. Metric: the global error against the DP853 oracle divided by
 * that bound, over tol = 10^-3 .. 10^-10; it must not exceed the catalogue tolerance (1), and loosening the tolerance
 * {@value #LOOSER}-fold must never cost more evaluations: with a local error O(h^5) per step the step count grows as
 * tol^-1/5, about 4-fold over that factor, far more than a rejected step or a shortened last step can undo (between
 * neighbouring decades, 1.6-fold, one rejected step can: the deep profile found 26 evaluations at 1e-4 and 32 at
 * 1e-3 on a two-unit network). Control: a mutant whose error estimate is understated 10^6-fold.
 */
public final class IntegrateAdaptiveToleranceClaim implements Claim<IntegrateAdaptiveToleranceClaim.Case> {

    /**
     * @param problem "voltage" (a contracting voltage model with n, gain and k, against the oracle) or a closed-form
     *     time-dependent {@link TestProblems} problem (non-expansive, against its exact solution)
     * @param k Lip(psi) ||W||_2 of the case
     */
    public record Case(String problem, int n, double gain, double k, boolean mutant, long seed) {
    }

    /** Tolerances compared for work are this many decades apart. */
    static final int DECADES = 3;
    static final int LOOSER = 1000;

    @Override public String id() { return "integrate.adaptive-tolerance"; }

    /** The same contracting models for both: only the integrator differs (the control's is the mutant). */
    private static CaseSpace<Case> cases(boolean mutant) {
        return d -> new Case(d.choice("problem", List.of("voltage", "forced-decay", "rotation", "gaussian")),
                d.integer("N", 1, 8), d.real("gain", 0.5, 3), d.real("k = Lip ||W||", 0.1, 0.95), mutant, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(false); }

    @Override public CaseSpace<Case> control() { return cases(true); }

    @Override public Evaluation evaluate(Case c) {
        VectorField model;
        double[] x0;
        double t0, t1;
        double[] reference;
        if (c.problem().equals("voltage")) {
            SplittableRandom rng = new SplittableRandom(c.seed());
            model = new VoltageModel(1.0, RandomCouplings.withNorm(c.n(), c.k(), c.gain(), rng), new Tanh(c.gain()),
                    Input.constant(Vectors.gaussian(c.n(), 0.5, rng)));
            x0 = Vectors.gaussian(c.n(), 1.5, rng);
            t0 = 0;
            t1 = 2;
            reference = Oracle.dp853().solve(model, t0, x0, t1);
        } else {
            ExactProblem p = TestProblems.named(c.problem());
            model = p;
            x0 = p.x0();
            t0 = p.t0();
            t1 = p.t1();
            reference = p.exact(t1);
        }
        int n = x0.length;
        double worstRatio = 0;
        int[] evaluations = new int[8];
        boolean monotone = true;
        StringBuilder evals = new StringBuilder();
        for (int e = 10; e >= 3; e--) {
            double tol = Math.pow(10, -e);
            double[] x = x0.clone();
            double[] peak = {0};
            DormandPrince54.Stats stats = new DormandPrince54(n, tol, tol, c.mutant() ? 1e-6 : 1)
                    .integrate(model, t0, x, t1, (t, y) -> peak[0] = Math.max(peak[0], Norms.maxAbs(y)));
            double bound = stats.accepted() * Math.sqrt(n) * tol * (1 + peak[0]);
            worstRatio = Math.max(worstRatio, Norms.maxAbsDiff(x, reference) / bound);
            int k = 10 - e;
            evaluations[k] = stats.evaluations();
            if (k >= DECADES) {
                monotone &= evaluations[k] <= evaluations[k - DECADES];
            }
            evals.append(stats.evaluations()).append(e > 3 ? "," : "");
        }
        double margin = monotone ? tolerance() - worstRatio : -1;
        return new Evaluation(worstRatio, margin, c.problem() + ": max global error / derived bound " + fmt(worstRatio)
                + ", evaluations for tol 1e-10..1e-3: " + evals + (monotone ? "" : " (a " + LOOSER + "-fold looser tolerance cost more)"));
    }
}
