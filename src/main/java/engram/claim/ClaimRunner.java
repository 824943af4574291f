package engram.claim;

import static org.quicktheories.QuickTheory.qt;

import java.util.SplittableRandom;

/**
 * Runs a claim: QuickTheories generates the hypothesis cases from a fixed seed and every one is evaluated and
 * recorded (the worst is kept; an exception or a NaN in a hypothesis case fails it); then control cases are drawn from
 * a seeded {@link RandomDraw} until one violates the claim's metric with finite numbers: an exception, a NaN or an
 * infinity in a control case is an error, not evidence that the check can fail.
 * The property tests call the same runner, so the report and the tests evaluate exactly the same cases; only when a
 * case fails do the tests re-run QuickTheories' throwing check to shrink it. Deterministic in (seed, claim id,
 * examples).
 */
public final class ClaimRunner {

    private ClaimRunner() {
    }

    /** The per-claim seed: the run seed mixed with the claim id, so claims do not share streams. */
    public static long seedFor(long seed, String id, String purpose) {
        return seed * 0x9E3779B97F4A7C15L ^ (id + "/" + purpose).hashCode();
    }

    /** The per-claim generator of control cases. */
    public static SplittableRandom streamFor(long seed, String id, String purpose) {
        return new SplittableRandom(seedFor(seed, id, purpose));
    }

    /** Running worst case. */
    private static final class Worst {
        double margin = Double.POSITIVE_INFINITY;
        double metric = Double.NaN;
        String caseText = "";
        String detail = "";
        int cases;
        int skipped;
        boolean failed;
    }

    public static <C> ClaimResult run(Claim<C> claim, long seed, int examples) {
        return run(claim, seed, examples, true);
    }

    /**
     * The hypothesis cases only, without the negative control: its verdict is HOLDS, FAILS or INCONCLUSIVE (what a
     * false-failure measurement needs).
     */
    public static <C> ClaimResult runHypotheses(Claim<C> claim, long seed, int examples) {
        return run(claim, seed, examples, false);
    }

    private static <C> ClaimResult run(Claim<C> claim, long seed, int examples, boolean withControl) {
        long start = System.nanoTime();
        Worst worst = new Worst();
        qt().withFixedSeed(seedFor(seed, claim.id(), "hypotheses"))
                .withExamples(quickTheoriesExamples(examples))
                .withShrinkCycles(0)
                .forAll(QuickTheoriesDraw.gen(claim.hypotheses()))
                .checkAssert(c -> {
                    if (worst.cases >= examples) {
                        return; // QuickTheories may offer one more than asked for; exactly `examples` are evaluated
                    }
                    Evaluation e = evaluateSafely(claim, c);
                    worst.cases++;
                    if (!e.informative()) {
                        worst.skipped++;
                        return;
                    }
                    if (!(e.margin() >= worst.margin)) {
                        worst.margin = e.margin();
                        worst.metric = e.metric();
                        worst.caseText = String.valueOf(c);
                        worst.detail = e.detail();
                    }
                    worst.failed |= e.violates();
                });
        Search control = withControl ? searchControl(claim, seed) : new Search(true, 0, "", "not searched");
        boolean enough = worst.cases - worst.skipped >= Math.max(1, Math.ceil(claim.minimumInformative() * worst.cases));
        ClaimResult.Verdict verdict = worst.failed ? ClaimResult.Verdict.FAILS
                : !enough ? ClaimResult.Verdict.INCONCLUSIVE
                : control.found() ? ClaimResult.Verdict.HOLDS : ClaimResult.Verdict.VACUOUS;
        return new ClaimResult(claim.id(), verdict, worst.margin, worst.metric, worst.cases, worst.skipped, seed,
                worst.caseText,
                worst.detail, control.tried(), control.found() ? control.caseText() : "", control.detail(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Re-runs the hypothesis cases with a throwing check so that QuickTheories shrinks a failure; the error message
     * names the shrunk case, the measurement and the seed.
     */
    public static <C> void shrinkFailure(Claim<C> claim, long seed, int examples) {
        qt().withFixedSeed(seedFor(seed, claim.id(), "hypotheses"))
                .withExamples(quickTheoriesExamples(examples))
                .withShrinkCycles(40)
                .forAll(QuickTheoriesDraw.gen(claim.hypotheses()))
                .checkAssert(c -> {
                    Evaluation e = claim.evaluate(c);
                    if (e.violates()) {
                        throw new AssertionError(claim.id() + " violated by " + c + ": " + e.detail() + " (margin "
                                + e.margin() + "); reproduce with -Dengram.seed=" + seed + " or engram report --seed "
                                + seed + " --claim " + claim.id());
                    }
                });
    }

    /**
     * What to ask QuickTheories for so that it offers at least {@code cases} cases: it usually offers
     * {@code max(1, n - 1)} when asked for n, sometimes n; the run evaluates the first {@code cases} it offers
     * ({@code ClaimRunnerTest} holds the count).
     */
    static int quickTheoriesExamples(int cases) {
        if (cases < 1) {
            throw new IllegalArgumentException("need at least one case, got " + cases);
        }
        return cases + 1;
    }

    /** The result of looking for a violation among control cases. */
    public record Search(boolean found, int tried, String caseText, String detail) {
    }

    public static <C> Search searchControl(Claim<C> claim, long seed) {
        SplittableRandom controls = streamFor(seed, claim.id(), "control");
        String last = "";
        int crashed = 0, nonFinite = 0;
        for (int k = 1; k <= claim.controlBudget(); k++) {
            C c = claim.control().draw(new RandomDraw(controls.split()));
            Evaluation e = evaluateSafely(claim, c);
            last = e.detail();
            if (e.detail().startsWith(THREW)) {
                crashed++;
            } else if (e.violates() && !e.finite()) {
                nonFinite++;
            } else if (e.violates()) {
                return new Search(true, k, String.valueOf(c), e.detail());
            }
        }
        return new Search(false, claim.controlBudget(), "", (crashed + nonFinite > 0 ? crashed + " control case(s) threw and "
                + nonFinite + " gave non-finite numbers, which are not evidence of a violation; last: " : "") + last);
    }

    private static final String THREW = "check threw ";

    private static <C> Evaluation evaluateSafely(Claim<C> claim, C c) {
        try {
            return claim.evaluate(c);
        } catch (RuntimeException ex) {
            return new Evaluation(Double.NaN, Double.NEGATIVE_INFINITY, THREW + ex);
        }
    }
}
