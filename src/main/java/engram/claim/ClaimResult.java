package engram.claim;

/**
 * The outcome of running one claim: every hypothesis case's worst margin, how many cases were uninformative
 * ({@code skipped}), and whether the negative control found a violation. The verdict is {@code HOLDS} only when no
 * case failed, enough cases were informative, and the control found its violation ({@code VACUOUS} marks a check that
 * could not fail, {@code INCONCLUSIVE} one that too seldom measured anything).
 */
public record ClaimResult(String id, Verdict verdict, double worstMargin, double worstMetric, int cases, int skipped,
        long seed, String worstCase, String worstDetail, int controlCases, String controlCase, String controlDetail,
        long millis) {

    /** The verdicts. */
    public enum Verdict {
        HOLDS, FAILS, VACUOUS, INCONCLUSIVE
    }

    public boolean holds() {
        return verdict == Verdict.HOLDS;
    }
}
