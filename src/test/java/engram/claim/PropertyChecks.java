package engram.claim;

import static org.quicktheories.QuickTheory.qt;

/**
 * The two assertions every claim gets: its property over generated cases (QuickTheories, fixed seed, shrinking),
 * and its negative control (a violation must be found outside the hypotheses). Knobs, as system properties:
 * {@code engram.seed} (default fixed), {@code engram.examples} (0: the claim's own count),
 * {@code engram.depth} (quick or deep: deep runs ten times the cases).
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
        return forced > 0 ? forced : Depth.parse(System.getProperty("engram.depth", "quick")).examples(claim);
    }

    /** Asserts the claim on generated cases; a failure reports the shrunk case, its evaluation and the seed. */
    public static <C> void assertHolds(Claim<C> claim) {
        long seed = seed();
        qt().withFixedSeed(seed)
                .withExamples(examples(claim))
                .withShrinkCycles(40)
                .forAll(QuickTheoriesDraw.gen(claim.hypotheses()))
                .checkAssert(c -> {
                    Evaluation e = claim.evaluate(c);
                    if (!e.holds()) {
                        throw new AssertionError(claim.id() + " violated by " + c + ": " + e.detail() + " (margin "
                                + e.margin() + "); reproduce with mvn verify -Dengram.seed=" + seed);
                    }
                });
    }

    /** Asserts that the check finds a violation among the claim's control cases. */
    public static <C> void assertControlFindsViolation(Claim<C> claim) {
        ClaimRunner.Search search = ClaimRunner.searchControl(claim, seed());
        if (!search.found()) {
            throw new AssertionError(claim.id() + ": negative control found no violation in " + search.tried()
                    + " cases (last: " + search.detail() + "), so the check may be unable to fail; seed " + seed());
        }
    }
}
