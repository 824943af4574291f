package engram.claim;

/**
 * The outcome of running one claim: every hypothesis case's worst margin, and whether the negative control found a
 * violation. The verdict is {@code HOLDS} only when no case failed and the control found its violation
 * ({@code VACUOUS} marks a check that could not fail).
 */
public record ClaimResult(String id, Verdict verdict, double worstMargin, double worstMetric, int cases, long seed,
        String worstCase, String worstDetail, int controlCases, String controlCase, String controlDetail, long millis) {

    /** The three verdicts. */
    public enum Verdict {
        HOLDS, FAILS, VACUOUS
    }

    public boolean holds() {
        return verdict == Verdict.HOLDS;
    }
}
