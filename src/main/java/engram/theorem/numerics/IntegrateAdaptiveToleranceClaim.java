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
 * {@code integrate.adaptive-tolerance}: The adaptive Dormand-Prince 5(4) pair meets its tolerance and saves work when
 * it loosens (properties/integrate.adaptive-tolerance.properties; docs/theory.md section 6.3). The catalogue entry
 * states the hypotheses, metric, tolerances and control; this class draws the cases and measures.
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
