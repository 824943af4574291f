package engram.cli;

import java.util.Locale;

/**
 * Progress of a long run on stderr: nothing for the first {@value #QUIET_SECONDS} seconds (a quick run stays silent),
 * then one line at most every {@value #EVERY_SECONDS} seconds with the fraction done, the time spent and an estimate of
 * the time left. stdout is untouched, so {@code --json} output stays one object.
 */
final class Progress {

    static final double QUIET_SECONDS = 2;
    static final double EVERY_SECONDS = 5;

    private final String what;
    private final long start = System.nanoTime();
    private double lastPrinted = Double.NEGATIVE_INFINITY;

    Progress(String what) {
        this.what = what;
    }

    /** Reports that {@code fraction} (0 to 1) of the work is done; {@code detail} may be empty. */
    void at(double fraction, String detail) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (elapsed < QUIET_SECONDS || elapsed - lastPrinted < EVERY_SECONDS) {
            return;
        }
        lastPrinted = elapsed;
        double f = Math.max(0, Math.min(1, fraction));
        String left = f > 0.01 ? String.format(Locale.ROOT, ", about %.0f s left", elapsed * (1 - f) / f) : "";
        System.err.printf(Locale.ROOT, "engram %s: %.0f%%%s, %.0f s%s%n", what, 100 * f,
                detail.isEmpty() ? "" : " (" + detail + ")", elapsed, left);
    }

    void at(double fraction) {
        at(fraction, "");
    }
}
