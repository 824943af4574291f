package engram;

import java.util.Locale;

/**
 * What a run may allocate. A command estimates the memory its sizes need before it allocates anything and refuses,
 * naming the sizes and the amount, when that exceeds what this JVM can hold ({@link #check}); sizes whose element count
 * does not fit a Java array are refused the same way ({@link #elements}). The alternative was an OutOfMemoryError
 * after seconds of work, or a negative array size.
 */
public final class Heap {

    /** The share of the maximum heap one estimate may take (the rest is the JVM's, the figures' and the output's). */
    static final double SHARE = 0.8;

    /** The largest element count of a Java array (a little below Integer.MAX_VALUE on every JVM). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Heap() {
    }

    /**
     * The product of {@code factors} as an element count for one array; refused (IllegalArgumentException naming
     * {@code what}) when it overflows or exceeds {@link #MAX_ARRAY}.
     */
    public static long elements(String what, long... factors) {
        long count = 1;
        for (long f : factors) {
            if (f < 0) {
                throw new IllegalArgumentException(what + ": negative size " + f);
            }
            try {
                count = Math.multiplyExact(count, f);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(what + ": too large (the element count overflows)");
            }
        }
        if (count > MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %,d elements, more than a Java array holds (%,d)", what, count, MAX_ARRAY));
        }
        return count;
    }

    /** Refuses {@code bytes} (IllegalArgumentException naming {@code what}) beyond this JVM's share of its heap. */
    public static void check(String what, double bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > SHARE * max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s needs about %s, more than this JVM can hold (%s of heap; raise it with java -Xmx or choose "
                            + "smaller sizes)", what, size(bytes), size(max)));
        }
    }

    /** {@code doubles} 8-byte values. */
    public static void checkDoubles(String what, double doubles) {
        check(what, 8 * doubles);
    }

    /** A byte count for people: {@code 16.0 GB}. */
    public static String size(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    }
}
