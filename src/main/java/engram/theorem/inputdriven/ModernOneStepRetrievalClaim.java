package engram.theorem.inputdriven;

import static engram.claim.Evaluation.fmt;

import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.memory.PatternSet;
import engram.model.ModernHopfield;
import java.util.SplittableRandom;

/**
 * {@code modern.one-step-retrieval}: A well-separated pattern is retrieved in one update
 * (properties/modern.one-step-retrieval.properties; docs/theory.md section 3.6). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class ModernOneStepRetrievalClaim implements Claim<ModernOneStepRetrievalClaim.Case> {

    /** @param factor beta over the separation bound's beta (>= 1 inside the hypotheses) */
    public record Case(int n, int p, double distance, double factor, long seed) {
    }

    @Override public String id() { return "modern.one-step-retrieval"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("d (dimension)", 8, 64), d.integer("P", 2, 20),
                d.real("|e| / (Delta / 4M)", 0, 1), d.real("beta over the separation bound", 1, 3), d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("d (dimension)", 8, 64), d.integer("P", 2, 20),
                d.real("|e| / (Delta / 4M)", 0, 1), d.real("beta over the separation bound", 0.05, 0.3), d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n(), p = c.p();
        double[] data = Vectors.gaussian(n * p, 1, rng);
        PatternSet x = new PatternSet(n, p, data, "gaussian");
        double m = new ModernHopfield(x, 1).maxNorm();
        int target = 0;
        double[] xi0 = x.pattern(target);
        double self = dot(xi0, xi0), other = Double.NEGATIVE_INFINITY;
        for (int j = 1; j < p; j++) {
            other = Math.max(other, dot(xi0, x.pattern(j)));
        }
        double delta = self - other;
        if (delta <= 0) {
            return Evaluation.uninformative("pattern 0 is not separated (Delta " + fmt(delta) + ")");
        }
        double[] e = Vectors.unit(n, rng);
        double radius = c.distance() * delta / (4 * m);
        double eps = tolerance("eps") * m;
        double beta = c.factor() * Math.log(2 * (p - 1) * m / eps) / (delta - 2 * m * radius);
        double[] xi = xi0.clone();
        for (int i = 0; i < n; i++) {
            xi[i] += radius * e[i];
        }
        double[] next = new double[n];
        new ModernHopfield(x, beta).update(xi, next);
        double error = 0;
        for (int i = 0; i < n; i++) {
            error += (next[i] - xi0[i]) * (next[i] - xi0[i]);
        }
        error = Math.sqrt(error);
        double bound = 2 * (p - 1) * m * Math.exp(-beta * (delta - 2 * m * radius));
        double metric = Math.max(error / eps, error / bound);
        return Evaluation.atMost(metric, tolerance(), "Delta " + fmt(delta) + ", M " + fmt(m) + ", |e| " + fmt(radius)
                + ", beta " + fmt(beta) + ": one-step error " + fmt(error) + ", derived bound " + fmt(bound) + ", eps "
                + fmt(eps));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
