package engram.theorem.foundation;

import static engram.claim.Evaluation.fmt;

import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.memory.Couplings;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.Patterns;
import engram.model.DiscreteHopfield;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hopfield 1982 ({@code discrete.energy-monotone}): asynchronous sign updates with symmetric, zero-diagonal W never
 * increase {@code -1/2 s^T W s} and stop at a fixed point after finitely many flips. Control: asymmetric W.
 */
public final class DiscreteEnergyMonotoneClaim implements Claim<DiscreteEnergyMonotoneClaim.Case> {

    /** Sweeps allowed before "did not converge" counts as a violation. */
    public static final int MAX_SWEEPS = 500;

    /** Which W a case uses. */
    public enum Kind {
        HEBBIAN, SYMMETRIC, ASYMMETRIC;

        @Override public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param couplings hebbian, symmetric (random, zero diagonal) or asymmetric (control) */
    public record Case(int n, int p, Kind couplings, long seed) {

        Couplings w() {
            SplittableRandom rng = new SplittableRandom(seed);
            return switch (couplings) {
                case HEBBIAN -> DenseCouplings.of(LowRankCouplings.hebbian(Patterns.randomBinary(n, p, rng), true));
                case SYMMETRIC -> DenseCouplings.randomSymmetric(n, 1, true, rng);
                case ASYMMETRIC -> {
                    double[] w = DenseCouplings.randomGeneral(n, 1, rng).toDense();
                    for (int i = 0; i < n; i++) {
                        w[i * n + i] = 0;
                    }
                    yield new DenseCouplings(n, w);
                }
            };
        }
    }

    @Override public String id() { return "discrete.energy-monotone"; }

    @Override public int examples() { return 40; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 2, 60), d.integer("P (hebbian)", 1, 8),
                d.choice("W", List.of(Kind.HEBBIAN, Kind.SYMMETRIC)), d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("N", 4, 60), 1, Kind.ASYMMETRIC, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        Couplings w = c.w();
        SplittableRandom rng = new SplittableRandom(c.seed() + 7);
        double[] s = new double[c.n()];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextBoolean() ? 1 : -1;
        }
        DiscreteHopfield.Run run = new DiscreteHopfield(w).run(s, rng, MAX_SWEEPS);
        double[] e = run.energies();
        double scale = 1 + Math.abs(e[0]);
        double rise = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < e.length; k++) {
            rise = Math.max(rise, (e[k] - e[k - 1]) / scale);
        }
        if (e.length == 1) {
            rise = 0;
        }
        if (!run.converged()) {
            return new Evaluation(rise, -1, "no fixed point after " + MAX_SWEEPS + " sweeps (" + run.flips() + " flips)");
        }
        return Evaluation.atMost(rise, tolerance(), run.flips() + " flips in " + run.sweeps()
                + " sweeps, largest relative energy rise per flip " + fmt(rise));
    }
}
