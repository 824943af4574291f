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
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code discrete.energy-monotone}: Discrete Hopfield: energy descent and finite convergence
 * (properties/discrete.energy-monotone.properties; docs/theory.md section 1.5). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class DiscreteEnergyMonotoneClaim implements Claim<DiscreteEnergyMonotoneClaim.Case> {

    /** Sweeps allowed before "did not converge" counts as a violation. */
    public static final int MAX_SWEEPS = 500;

    /** Which W a case uses. */
    public enum Kind {
        HEBBIAN, SYMMETRIC, ASYMMETRIC;

        @Override public String toString() {
            return name().toLowerCase(Locale.ROOT);
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
        double[] start = s.clone();
        return check(w, start, new DiscreteHopfield(w).run(s, rng, MAX_SWEEPS), tolerance(), tolerance("definition"));
    }

    /**
     * A run from {@code start} against the energy's definition: no relative rise above {@code tolerance}, and every
     * reported energy and per-flip change within {@code definitionTolerance} of {@code -s^T W s / 2} and
     * {@code -2 |h_i|}.
     */
    public static Evaluation check(Couplings w, double[] start, DiscreteHopfield.Run run, double tolerance,
            double definitionTolerance) {
        double[] replay = start.clone();
        double[] e = run.energies();
        double scale = 1 + Math.abs(e[0]);
        double rise = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < e.length; k++) {
            rise = Math.max(rise, (e[k] - e[k - 1]) / scale);
        }
        if (e.length == 1) {
            rise = 0;
        }
        // the reported energies against the definition, and each flip's change against the unit's field
        double definition = Math.abs(e[0] - energy(w, replay)) / scale;
        for (int k = 0; k < run.flips(); k++) {
            int i = run.flippedUnits()[k];
            double h = 0;
            for (int j = 0; j < replay.length; j++) {
                h += j == i ? 0 : w.entry(i, j) * replay[j];
            }
            replay[i] = -replay[i];
            definition = Math.max(definition, Math.abs(e[k + 1] - energy(w, replay)) / scale);
            definition = Math.max(definition, Math.abs((e[k + 1] - e[k]) + 2 * Math.abs(h)) / scale);
        }
        if (!run.converged()) {
            return new Evaluation(rise, -1, "no fixed point after " + MAX_SWEEPS + " sweeps (" + run.flips() + " flips)");
        }
        return new Evaluation(rise, Math.min(tolerance - rise, definitionTolerance - definition), run.flips() + " flips in "
                + run.sweeps() + " sweeps, largest relative energy rise per flip " + fmt(rise) + "; reported energies "
                + "and per-flip changes against -s^T W s / 2 and -2 |h_i|: largest gap " + fmt(definition));
    }

    /** {@code -1/2 sum_ij W_ij s_i s_j} from W's entries. */
    private static double energy(Couplings w, double[] s) {
        double e = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                e -= 0.5 * w.entry(i, j) * s[i] * s[j];
            }
        }
        return e;
    }
}
