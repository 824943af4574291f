package engram.theorem.capacity;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Capacity;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;

/**
 * {@code capacity.mceliece} (McEliece, Posner, Rodemich and Venkatesh 1987; theory.md section 5): with
 * {@code P = N / (4 ln N)} every memory is an exact fixed point of the sign dynamics with high probability, while at
 * a load {@code P = c N} the fraction of memories that are exact fixed points falls with N (toward 0). Sizes N_0 and
 * 4 N_0, 30 networks each. The number of units of stored memories that are unstable at P = c N, pooled over both
 * sizes, matches its exact expectation from the binomial probability ({@link Capacity#unstableProbability}), as a
 * z-score against an over-dispersed count. Control: {@code P = N / (2 ln N)}, McEliece's scale for one given memory,
 * at which not all memories are fixed points.
 */
public final class CapacityMcelieceClaim implements Claim<CapacityMcelieceClaim.Case> {

    static final int TRIALS = 30;

    /**
     * Variance over mean of the unstable-unit count: units of one memory are uncorrelated, but networks differ, so
     * counts are over-dispersed against Poisson (measured 2.2 to 2.9 over 400 networks at five (N, P)).
     */
    static final double DISPERSION = 3;

    /** @param allScale the divisor k in P = N / (k ln N) for the all-memories check (4 inside the hypotheses) */
    public record Case(int n0, double c, double allScale, long seed) {
    }

    @Override public String id() { return "capacity.mceliece"; }

    @Override public int examples() { return 4; }

    @Override public int controlBudget() { return 3; }

    private static CaseSpace<Case> cases(double scale) {
        return d -> new Case(d.integer("N_0", 100, 200), d.real("c (P = c N)", 0.1, 0.15), scale, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(4); }

    @Override public CaseSpace<Case> control() { return cases(2); }

    static int allMemories(int n, double scale) {
        return Math.max(1, (int) Math.floor(n / (scale * Math.log(n))));
    }

    @Override public Evaluation evaluate(Case c) {
        int[] sizes = {c.n0(), 4 * c.n0()};
        double worstAll = 1;
        StringBuilder detail = new StringBuilder();
        for (int n : sizes) {
            int p = allMemories(n, c.allScale());
            Capacity.FixedPoints fp = Capacity.fixedPoints(n, p, TRIALS, c.seed(), false);
            worstAll = Math.min(worstAll, fp.allFixedRate());
            detail.append("N ").append(n).append(", P ").append(p).append(": all memories fixed in ")
                    .append(fmt(fp.allFixedRate())).append(" of networks; ");
        }
        Capacity.FixedPoints[] loaded = new Capacity.FixedPoints[2];
        double observed = 0, expected = 0;
        for (int k = 0; k < 2; k++) {
            int n = sizes[k], p = (int) Math.round(c.c() * n);
            loaded[k] = Capacity.fixedPoints(n, p, TRIALS, c.seed(), false);
            double exact = Capacity.unstableProbability(n, p);
            observed += loaded[k].unstableUnits();
            expected += exact * loaded[k].units();
            detail.append("N ").append(n).append(", P ").append(p).append(": ").append(fmt(loaded[k].fixedMemoryRate()))
                    .append(" of memories fixed, unstable units ").append(fmt(loaded[k].unstableUnitRate()))
                    .append(" vs exact ").append(fmt(exact)).append("; ");
        }
        double z = Math.abs(observed - expected) / Math.sqrt(DISPERSION * expected);
        detail.append("unstable units in all ").append((long) observed).append(" vs exact expectation ")
                .append(fmt(expected)).append(" (z ").append(fmt(z)).append("); ");
        double[] small = wilson(loaded[0]), large = wilson(loaded[1]);
        double falls = small[0] - large[1];
        detail.append("fixed fraction falls by ").append(fmt(loaded[0].fixedMemoryRate() - loaded[1].fixedMemoryRate()))
                .append(" (95% intervals apart by ").append(fmt(falls)).append(')');
        double margin = Math.min(worstAll - (1 - tolerance()), Math.min(falls, tolerance("exact") - z));
        return new Evaluation(worstAll, margin, detail.toString());
    }

    private static double[] wilson(Capacity.FixedPoints fp) {
        return new Capacity.Load(0, (int) fp.memories(), (int) fp.fixedMemories(), 0, 0).wilson(0.95);
    }
}
