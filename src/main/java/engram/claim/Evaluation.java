package engram.claim;

/**
 * The verdict of a check on one case: {@code metric} is the measured quantity named in the catalogue entry and
 * {@code margin} how far it is inside its tolerance (negative: violated). {@code detail} says what was measured.
 */
public record Evaluation(double metric, double margin, String detail) {

    public boolean holds() {
        return margin >= 0;
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
}
