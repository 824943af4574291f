package engram.claim;

/**
 * The two assertions every claim gets, through the same {@link ClaimRunner} the report uses (QuickTheories cases from
 * a fixed seed): the property over its hypothesis cases (a failure is re-run with shrinking and reported with the
 * shrunk case and the seed), and the negative control (a violation must be found outside the hypotheses). Each
 * result is handed to {@link TestSessionReport}, which writes {@code reports/latest/} when the test run ends.
 * Knobs, as system properties: {@code engram.seed} (default fixed), {@code engram.examples} (0: the claim's own
 * count), {@code engram.depth} (quick or deep: deep runs ten times the cases).
 */
public final class PropertyChecks {

    public static final long DEFAULT_SEED = 20261123L;

    private PropertyChecks() {
    }

    public static long seed() {
        return Long.getLong("engram.seed", DEFAULT_SEED);
    }

    public static int examples(Claim<?> claim) {
        int forced = Integer.getInteger("engram.examples", 0);
        return forced > 0 ? forced : depth().examples(claim);
    }

    public static Depth depth() {
        return Depth.parse(System.getProperty("engram.depth", "quick"));
    }

    /** Asserts the claim on generated cases; a failure reports the shrunk case, its evaluation and the seed. */
    public static <C> void assertHolds(Claim<C> claim) {
        ClaimResult r = TestSessionReport.result(claim, seed(), examples(claim));
        if (r.verdict() == ClaimResult.Verdict.FAILS) {
            ClaimRunner.shrinkFailure(claim, seed(), examples(claim));
            throw new AssertionError(claim.id() + " failed on " + r.worstCase() + ": " + r.worstDetail() + "; seed " + seed());
        }
    }

    /** Asserts that the check finds a violation among the claim's control cases. */
    public static <C> void assertControlFindsViolation(Claim<C> claim) {
        ClaimResult r = TestSessionReport.result(claim, seed(), examples(claim));
        if (r.controlCase().isEmpty()) {
            throw new AssertionError(claim.id() + ": negative control found no violation in " + r.controlCases()
                    + " cases (last: " + r.controlDetail() + "), so the check may be unable to fail; seed " + seed());
        }
    }
}
