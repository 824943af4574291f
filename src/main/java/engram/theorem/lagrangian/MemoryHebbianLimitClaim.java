package engram.theorem.lagrangian;

import static engram.claim.Evaluation.fmt;

import engram.analysis.MemoryLearning;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import java.util.SplittableRandom;

/**
 * {@code memory.hebbian-limit}: Memory dynamics converge to softmax-weighted centroids, the Hebbian prescription when
 * the softmax is one-hot (properties/memory.hebbian-limit.properties; docs/theory.md section 4.5). The catalogue
 * entry states the hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class MemoryHebbianLimitClaim implements Claim<MemoryHebbianLimitClaim.Case> {

    /**
     * @param lambdaScale the scale of a random Gaussian bias Lambda
     * @param betaNv beta N_v, the softmax's sharpness on scores of order N_v
     * @param hebbianPrediction compare with Lambda + xi' whatever the temperature (the control)
     */
    public record Case(int nv, int nh, double tau, double sigma, double lambdaScale, double betaNv,
            boolean hebbianPrediction, long seed) {
    }

    @Override public String id() { return "memory.hebbian-limit"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N_v", 20, 60), d.integer("N_h", 2, 6), d.real("tau_Xi", 300, 1000),
                d.real("sigma", 0.1, 0.8), d.real("Lambda scale", 0, 1),
                Math.exp(d.real("log(beta N_v)", Math.log(5), Math.log(100))), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("N_v", 20, 60), d.integer("N_h", 2, 6), d.real("tau_Xi", 300, 1000),
                d.real("sigma", 0.1, 0.8), d.real("Lambda scale", 0, 1), d.real("beta N_v (control)", 0.5, 2), true,
                d.seed());
    }

    /** Horizons (time constants) double from tolerance.time-constants, at most this many times, while the memories move. */
    static final int MAX_DOUBLINGS = 3;

    @Override public Evaluation evaluate(Case c) {
        double[] lambda = Vectors.gaussian(c.nv() * c.nh(), c.lambdaScale(), new SplittableRandom(c.seed() + 3));
        // settled: the memories moved by less than the allowance, relative, over the last doubling of the horizon
        MemoryLearning.Settings s = null;
        MemoryLearning.Run r = null;
        double[] before = null;
        double moved = Double.POSITIVE_INFINITY;
        int steps = 0;
        for (int k = 0; k <= MAX_DOUBLINGS && !(moved * c.tau() <= tolerance()); k++) {
            steps = c.nh() * (int) Math.round((tolerance("time-constants") * c.tau()) * (1 << k));
            s = new MemoryLearning.Settings(c.nv(), c.nh(), c.tau(), c.betaNv() / c.nv(), c.sigma(), steps);
            r = MemoryLearning.run(s, c.seed(), false, lambda, steps);
            moved = before == null ? Double.POSITIVE_INFINITY : relativeDistance(r.memories(), before);
            before = r.memories();
        }
        if (!(moved * c.tau() <= tolerance())) {
            return Evaluation.uninformative("beta N_v " + fmt(c.betaNv()) + ": the memories still move by " + fmt(moved)
                    + " (relative) between " + steps / 2 + " and " + steps + " steps: not settled");
        }
        double[] predicted;
        if (c.hebbianPrediction()) {
            predicted = r.targets().clone();
            for (int k = 0; k < predicted.length; k++) {
                predicted[k] += lambda[k];
            }
        } else {
            predicted = MemoryLearning.softCentroids(r.memories(), r.targets(), lambda, c.nh(), c.nv(), s.beta());
        }
        double gap = relativeDistance(r.memories(), predicted);
        // the discrete cycle's orbit about the averaged fixed point is O(1/tau)
        double allowed = tolerance() / c.tau();
        return Evaluation.atMost(gap * c.tau(), tolerance(), "beta N_v " + fmt(c.betaNv()) + ", Lambda scale "
                + fmt(c.lambdaScale()) + ", after " + steps + " steps: |Xi - Xi*| / |Xi*| = " + fmt(gap) + " (allowed "
                + fmt(allowed) + ") with Xi* " + (c.hebbianPrediction() ? "the one-hot prediction Lambda + xi'"
                : "the softmax-weighted centroids") + "; |J - J_Hebb| / |J_Hebb| = " + fmt(r.hebbianError()));
    }

    /** |a - b|_F / |b|_F. */
    static double relativeDistance(double[] a, double[] b) {
        double num = 0, den = 0;
        for (int k = 0; k < a.length; k++) {
            num += (a[k] - b[k]) * (a[k] - b[k]);
            den += b[k] * b[k];
        }
        return Math.sqrt(num / den);
    }
}
