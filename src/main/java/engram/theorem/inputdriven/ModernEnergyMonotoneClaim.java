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
 * {@code modern.energy-monotone}: The modern Hopfield update never increases its energy
 * (properties/modern.energy-monotone.properties; docs/theory.md section 3.6). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class ModernEnergyMonotoneClaim implements Claim<ModernEnergyMonotoneClaim.Case> {

    /** @param updateFactor the update's inverse temperature over the energy's (1 inside the hypotheses) */
    public record Case(int n, int p, double beta, double scale, double updateFactor, long seed) {
    }

    @Override public String id() { return "modern.energy-monotone"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("d (dimension)", 2, 32), d.integer("P", 2, 20), d.real("beta", 0.05, 5),
                d.real("pattern scale", 0.3, 2), 1, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("d (dimension)", 2, 32), d.integer("P", 2, 20), d.real("beta", 0.05, 5),
                d.real("pattern scale", 0.3, 2), 0.25, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        PatternSet x = new PatternSet(c.n(), c.p(), Vectors.gaussian(c.n() * c.p(), c.scale(), rng), "gaussian");
        ModernHopfield energy = new ModernHopfield(x, c.beta());
        ModernHopfield step = new ModernHopfield(x, c.beta() * c.updateFactor());
        double[] xi = Vectors.gaussian(c.n(), 2 * c.scale(), rng);
        double[] next = new double[c.n()];
        double e = energy.energy(xi), e0 = e, worst = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 10; k++) {
            step.update(xi, next);
            System.arraycopy(next, 0, xi, 0, xi.length);
            double e2 = energy.energy(xi);
            worst = Math.max(worst, (e2 - e) / (1 + Math.abs(e0)));
            e = e2;
        }
        return Evaluation.atMost(worst, tolerance(), "largest relative energy rise over 10 updates " + fmt(worst)
                + " (E " + fmt(e0) + " -> " + fmt(e) + ")");
    }
}
