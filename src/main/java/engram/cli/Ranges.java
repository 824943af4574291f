package engram.cli;

import java.util.List;
import java.util.Locale;

/**
 * The one range check of the command line: each refusal names the option, its valid range and the value given, in one
 * line (exit 2). Ranges are chosen so that a command at the edge of every range still ends in reasonable time, with
 * progress on stderr.
 */
final class Ranges {

    private Ranges() {
    }

    static int within(String option, int value, int low, int high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in [%d, %d], got %d", option, low,
                    high, value));
        }
        return value;
    }

    static long within(String option, long value, long low, long high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in [%d, %d], got %d", option, low,
                    high, value));
        }
        return value;
    }

    static double within(String option, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(option + " must be in [" + text(low) + ", " + text(high) + "], got "
                    + text(value));
        }
        return value;
    }

    /** A value in the half-open range (low, high]. */
    static double above(String option, double value, double low, double high) {
        if (!(value > low && value <= high)) {
            throw new IllegalArgumentException(option + " must be in (" + text(low) + ", " + text(high) + "], got "
                    + text(value));
        }
        return value;
    }

    /** A list option: at least one value, at most {@code max}; picocli leaves it empty for an argument like {@code ,}. */
    static <T> List<T> listOf(String option, List<T> values, int max) {
        if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null)) {
            throw new IllegalArgumentException(option + " needs at least one value (a comma-separated list), got none");
        }
        if (values.size() > max) {
            throw new IllegalArgumentException(option + " takes at most " + max + " values, got " + values.size());
        }
        return values;
    }

    /** Every value of a list option in a range. */
    static List<Double> eachWithin(String option, List<Double> values, double low, double high, int max) {
        for (double v : listOf(option, values, max)) {
            if (!(v >= low && v <= high)) {
                throw new IllegalArgumentException(option + " values must be in [" + text(low) + ", " + text(high)
                        + "], got " + text(v));
            }
        }
        return values;
    }

    static List<Integer> eachWithin(String option, List<Integer> values, int low, int high, int max) {
        for (int v : listOf(option, values, max)) {
            within(option + " values", v, low, high);
        }
        return values;
    }

    /** A number as people write it: 1e-06 as 1e-6, 1.0 as 1. */
    static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return parts[0].replaceAll("\\.?0+$", "") + "e" + Integer.parseInt(parts[1]);
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }
}
