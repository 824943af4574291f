package engram.claim;

import engram.Engram;

/**
 * The two assertions every claim gets, through the same {@link ClaimRunner} the report uses (QuickTheories cases from
 * a fixed seed): the property over its hypothesis cases (a failure is re-run with shrinking and reported with the
 * shrunk case and the seed; too few informative cases fail too), and the negative control (a violation must be found
 * outside the hypotheses). Each result is handed to {@link TestSessionReport}, which writes {@code reports/latest/}
 * when the test run ends. Knobs, as system properties: {@code engram.seed} (default {@link Engram#DEFAULT_SEED}),
 * {@code engram.examples} (0: the claim's own count), {@code engram.depth} (quick or deep: deep runs ten times the
 * cases).
 */
public final class PropertyChecks {

    private PropertyChecks() {
    }

    public static long seed() {
        String s = System.getProperty("engram.seed", "");
        return s.isBlank() ? Engram.DEFAULT_SEED : Long.parseLong(s.trim());
    }

    public static int forcedExamples() {
        String s = System.getProperty("engram.examples", "");
        return s.isBlank() ? 0 : Integer.parseInt(s.trim());
    }

    public static int examples(Claim<?> claim) {
        int forced = forcedExamples();
        return forced > 0 ? forced : depth().examples(claim);
    }

    public static Depth depth() {
        String s = System.getProperty("engram.depth", "");
        return Depth.parse(s.isBlank() ? "quick" : s);
    }

    /** Whether this run uses the knobs the committed baseline was made with. */
    public static boolean defaultKnobs() {
        return seed() == Engram.DEFAULT_SEED && forcedExamples() == 0 && depth() == Depth.QUICK;
    }

    /** Asserts the claim on generated cases; a failure reports the shrunk case, its evaluation and the seed. */
    public static <C> void assertHolds(Claim<C> claim) {
        ClaimResult r = TestSessionReport.result(claim, seed(), examples(claim));
        if (r.verdict() == ClaimResult.Verdict.FAILS) {
            ClaimRunner.shrinkFailure(claim, seed(), examples(claim));
            throw new AssertionError(claim.id() + " failed on " + r.worstCase() + ": " + r.worstDetail() + "; seed " + seed());
        }
        if (r.verdict() == ClaimResult.Verdict.INCONCLUSIVE) {
            throw new AssertionError(claim.id() + ": only " + (r.cases() - r.skipped()) + " of " + r.cases()
                    + " cases were informative; seed " + seed());
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
