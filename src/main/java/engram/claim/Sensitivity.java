package engram.claim;

import java.util.SplittableRandom;
import java.util.function.DoublePredicate;

/**
 * The calibrated sensitivity of a {@link Calibrated} claim: the smallest departure from its hypotheses' boundary at
 * which its check finds a violation among {@code cases} cases drawn at that departure. Found by bisection in log
 * scale between {@code maxDeparture * 1e-4} and {@code maxDeparture}, after checking that the check detects at the top
 * (else the claim is reported as not detecting anything up to there). The same case seeds are drawn at every departure
 * (common random numbers), so detection is a function of the departure alone, and the search is deterministic in
 * (seed, claim id). A claim is <b>weak</b> when it detects only beyond a relative departure of {@link #WEAK}: its check
 * fails only far from its boundary.
 *
 * @param threshold the smallest detecting departure found (within a factor {@code 1 + resolution}), or +infinity
 * @param below whether the check already detects at the bottom of the searched range ({@code threshold} is then that
 *     bottom, an upper bound)
 */
public record Sensitivity(String id, String departure, double threshold, boolean below, double controlDeparture,
        double maxDeparture, int cases, int evaluations, String detail) {

    /** Detection only beyond this relative departure marks a weak check. */
    public static final double WEAK = 0.5;

    /** Bisection steps in log scale: a factor 1e4 halved ten times, a resolution of about 1 %. */
    private static final int STEPS = 10;
    private static final double RANGE = 1e4;

    public boolean weak() {
        return !(threshold <= WEAK);
    }

    public boolean detected() {
        return Double.isFinite(threshold);
    }

    /** One line for the report. */
    public String text() {
        if (!detected()) {
            return "no violation up to " + Evaluation.fmt(maxDeparture) + " (WEAK)";
        }
        return (below ? "<= " : "") + Evaluation.fmt(threshold) + (weak() ? " (WEAK)" : "");
    }

    public static <C> Sensitivity of(Claim<C> claim, long seed, int cases) {
        if (!(claim instanceof Calibrated<?>)) {
            throw new IllegalArgumentException(claim.id() + " has no continuous boundary to calibrate");
        }
        @SuppressWarnings("unchecked")
        Calibrated<C> cal = (Calibrated<C>) claim;
        long stream = ClaimRunner.seedFor(seed, claim.id(), "sensitivity");
        int[] evaluations = {0};
        String[] lastDetail = {""};
        DoublePredicate detects = eps -> {
            SplittableRandom rng = new SplittableRandom(stream);
            for (int k = 0; k < cases; k++) {
                C c = cal.at(eps).draw(new RandomDraw(rng.split()));
                evaluations[0]++;
                Evaluation e;
                try {
                    e = claim.evaluate(c);
                } catch (RuntimeException ex) {
                    continue; // a crash is not a detection
                }
                if (e.violates() && Double.isFinite(e.metric())) {
                    lastDetail[0] = c + ": " + e.detail();
                    return true;
                }
            }
            return false;
        };
        double hi = cal.maxDeparture();
        double lo = hi / RANGE;
        if (!detects.test(hi)) {
            return new Sensitivity(claim.id(), cal.departure(), Double.POSITIVE_INFINITY, false, cal.controlDeparture(), hi,
                    cases, evaluations[0], "no violation found in " + cases + " cases at departure " + Evaluation.fmt(hi));
        }
        String atHi = lastDetail[0];
        if (detects.test(lo)) {
            return new Sensitivity(claim.id(), cal.departure(), lo, true, cal.controlDeparture(), hi, cases,
                    evaluations[0], lastDetail[0]);
        }
        String atThreshold = atHi;
        for (int s = 0; s < STEPS; s++) {
            double mid = Math.sqrt(lo * hi);
            if (detects.test(mid)) {
                hi = mid;
                atThreshold = lastDetail[0];
            } else {
                lo = mid;
            }
        }
        return new Sensitivity(claim.id(), cal.departure(), hi, false, cal.controlDeparture(), cal.maxDeparture(), cases,
                evaluations[0], atThreshold);
    }
}
