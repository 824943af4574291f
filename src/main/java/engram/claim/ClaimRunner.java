package engram.claim;

import java.util.SplittableRandom;

/**
 * Runs a claim outside any test engine: draws cases from a seeded {@link RandomDraw}, evaluates them, keeps the
 * worst, then draws control cases until one violates. Deterministic in (seed, claim id, examples).
 */
public final class ClaimRunner {

    private ClaimRunner() {
    }

    /** The per-claim generator: the run seed mixed with the claim id, so claims do not share streams. */
    public static SplittableRandom streamFor(long seed, String id, String purpose) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (id + "/" + purpose).hashCode());
    }

    public static <C> ClaimResult run(Claim<C> claim, long seed, int examples) {
        long start = System.nanoTime();
        SplittableRandom cases = streamFor(seed, claim.id(), "hypotheses");
        double worstMargin = Double.POSITIVE_INFINITY;
        double worstMetric = Double.NaN;
        String worstCase = "";
        String worstDetail = "";
        boolean failed = false;
        for (int k = 0; k < examples; k++) {
            C c = claim.hypotheses().draw(new RandomDraw(cases.split()));
            Evaluation e = evaluateSafely(claim, c);
            if (!(e.margin() >= worstMargin)) {
                worstMargin = e.margin();
                worstMetric = e.metric();
                worstCase = String.valueOf(c);
                worstDetail = e.detail();
            }
            failed |= !e.holds();
        }
        Search control = searchControl(claim, seed);
        ClaimResult.Verdict verdict = failed ? ClaimResult.Verdict.FAILS
                : control.found() ? ClaimResult.Verdict.HOLDS : ClaimResult.Verdict.VACUOUS;
        return new ClaimResult(claim.id(), verdict, worstMargin, worstMetric, examples, seed, worstCase, worstDetail,
                control.tried(), control.found() ? control.caseText() : "", control.detail(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The result of looking for a violation among control cases. */
    public record Search(boolean found, int tried, String caseText, String detail) {
    }

    public static <C> Search searchControl(Claim<C> claim, long seed) {
        SplittableRandom controls = streamFor(seed, claim.id(), "control");
        String last = "";
        for (int k = 1; k <= claim.controlBudget(); k++) {
            C c = claim.control().draw(new RandomDraw(controls.split()));
            Evaluation e = evaluateSafely(claim, c);
            last = e.detail();
            if (!e.holds()) {
                return new Search(true, k, String.valueOf(c), e.detail());
            }
        }
        return new Search(false, claim.controlBudget(), "", last);
    }

    private static <C> Evaluation evaluateSafely(Claim<C> claim, C c) {
        try {
            return claim.evaluate(c);
        } catch (RuntimeException ex) {
            return new Evaluation(Double.NaN, Double.NEGATIVE_INFINITY, "check threw " + ex);
        }
    }
}
