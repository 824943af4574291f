package engram.claim;

import java.util.Locale;

/**
 * The verdict of a check on one case: {@code metric} is the measured quantity named in the catalogue entry and
 * {@code margin} how far it is inside its tolerance (negative: violated). {@code detail} says what was measured. An
 * uninformative evaluation (a case where the check could not measure what it claims, e.g. errors below the oracle's
 * floor) is evidence of nothing: it neither holds nor violates, and the runner counts it as skipped.
 */
public record Evaluation(double metric, double margin, String detail, boolean informative) {

    public Evaluation(double metric, double margin, String detail) {
        this(metric, margin, detail, true);
    }

    public boolean holds() {
        return informative && margin >= 0;
    }

    /** Whether this case shows the claim violated. */
    public boolean violates() {
        return informative && !(margin >= 0);
    }

    /** Whether the metric and the margin are finite numbers (a control's violation must be). */
    public boolean finite() {
        return Double.isFinite(metric) && Double.isFinite(margin);
    }

    /** A metric that must not exceed {@code tolerance}. */
    public static Evaluation atMost(double metric, double tolerance, String detail) {
        double margin = Double.isNaN(metric) ? Double.NEGATIVE_INFINITY : tolerance - metric;
        return new Evaluation(metric, margin, detail);
    }

    /** A metric that must be at least {@code tolerance}. */
    public static Evaluation atLeast(double metric, double tolerance, String detail) {
        double margin = Double.isNaN(metric) ? Double.NEGATIVE_INFINITY : metric - tolerance;
        return new Evaluation(metric, margin, detail);
    }

    /** A case that could not decide anything; {@code detail} says why. */
    public static Evaluation uninformative(String detail) {
        return new Evaluation(Double.NaN, Double.NaN, "uninformative case: " + detail, false);
    }

    /** Three significant digits, for details. */
    public static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
