package engram.theorem.capacity;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Capacity;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * {@code capacity.mceliece}: All memories are fixed points at N/(4 ln N); at P = cN the fixed fraction falls
 * (properties/capacity.mceliece.properties; docs/theory.md section 5.5). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class CapacityMcelieceClaim implements Claim<CapacityMcelieceClaim.Case> {

    static final int TRIALS = 30;

    /** Networks for the unit count. */
    static final int UNIT_TRIALS = 100;

    /** Sizes at which the trend of the exact expectation at the all-memories scale is read. */
    static final int[] TREND = {100, 1_000, 10_000, 100_000};

    /**
     * @param c the load of the falling-fraction check
     * @param unitLoad the load of the unit count (many unstable units per network)
     * @param allScale the divisor k in P = N / (k ln N) for the all-memories check (4 inside the hypotheses)
     * @param probabilityFactor the unit probability as predicted, over the exact one (1; a planted error otherwise)
     */
    public record Case(int n0, double c, double unitLoad, double allScale, double probabilityFactor, long seed) {
    }

    @Override public String id() { return "capacity.mceliece"; }

    @Override public int examples() { return 4; }

    @Override public int controlBudget() { return 3; }

    private static CaseSpace<Case> cases(double scale) {
        return d -> new Case(d.integer("N_0", 100, 200), d.real("c (P = c N)", 0.1, 0.15),
                d.real("unit-count load", 0.25, 0.3), scale, 1, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(4); }

    @Override public CaseSpace<Case> control() { return cases(2); }

    static int allMemories(int n, double scale) {
        return Math.max(1, (int) Math.floor(n / (scale * Math.log(n))));
    }

    /** The exact expected number of unstable units of a network, {@code N P p(N, P)}. */
    static double expectedUnstable(int n, int p) {
        return (double) n * p * Capacity.unstableProbability(n, p);
    }

    @Override public Evaluation evaluate(Case c) {
        StringBuilder detail = new StringBuilder();
        double margin = Double.POSITIVE_INFINITY;
        // (2) the exact expectation at the all-memories scale, then the simulated networks against the union bound
        double largest = 0;
        detail.append("E[unstable units] at N/(").append(fmt(c.allScale())).append(" ln N), N = 1e2..1e5:");
        for (int n : TREND) {
            double e = expectedUnstable(n, allMemories(n, c.allScale()));
            largest = Math.max(largest, e);
            detail.append(' ').append(fmt(e));
        }
        detail.append("; ");
        margin = Math.min(margin, tolerance("expected") - largest);
        int[] sizes = {c.n0(), 4 * c.n0()};
        for (int n : sizes) {
            int p = allMemories(n, c.allScale());
            Capacity.FixedPoints fp = Capacity.fixedPoints(n, p, TRIALS, c.seed(), false);
            double bound = Math.min(1, expectedUnstable(n, p));
            int failed = TRIALS - fp.allFixedTrials();
            // failures allowed under P(a network fails) <= E at false-alarm level tolerance("union")
            int allowed = new BinomialDistribution(TRIALS, bound)
                    .inverseCumulativeProbability(1 - tolerance("union"));
            margin = Math.min(margin, allowed - failed);
            detail.append("N ").append(n).append(", P ").append(p).append(": ").append(failed)
                    .append(" networks with an unstable memory (union bound E = ").append(fmt(bound)).append(", allowed ")
                    .append(allowed).append("); ");
        }
        // (3) the falling fraction at P = c N
        Capacity.FixedPoints[] loaded = new Capacity.FixedPoints[2];
        for (int k = 0; k < 2; k++) {
            loaded[k] = Capacity.fixedPoints(sizes[k], (int) Math.round(c.c() * sizes[k]), TRIALS, c.seed(), false);
        }
        double falls = wilson(loaded[0])[0] - wilson(loaded[1])[1];
        margin = Math.min(margin, falls);
        detail.append("at P = ").append(fmt(c.c())).append(" N the fixed fraction falls from ")
                .append(fmt(loaded[0].fixedMemoryRate())).append(" to ").append(fmt(loaded[1].fixedMemoryRate()))
                .append(" (95% intervals apart by ").append(fmt(falls)).append("); ");
        // (1) the unit count against its exact expectation
        int n = 4 * c.n0(), p = (int) Math.round(c.unitLoad() * n);
        Capacity.FixedPoints units = Capacity.fixedPoints(n, p, UNIT_TRIALS, c.seed() + 1, false);
        double expected = c.probabilityFactor() * Capacity.unstableProbability(n, p) * units.units();
        double z = Math.abs(units.unstableUnits() - expected) / units.unstableStandardError();
        margin = Math.min(margin, tolerance() - z);
        detail.append("N ").append(n).append(", P ").append(p).append(": ").append(units.unstableUnits())
                .append(" unstable units vs exact expectation ").append(fmt(expected)).append(" (z ").append(fmt(z))
                .append(")");
        return new Evaluation(z, margin, detail.toString());
    }

    private static double[] wilson(Capacity.FixedPoints fp) {
        return new Capacity.Load(0, (int) fp.memories(), (int) fp.fixedMemories(), 0, 0).wilson(0.95);
    }
}
