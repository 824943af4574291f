package engram.kernel;

/** Norms of flat vectors: the sup norm, the sup-norm distance and the Euclidean norm. */
public final class Norms {

    private Norms() {
    }

    /** {@code max_i |a_i - b_i|}. */
    public static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** {@code max_i |a_i|}. */
    public static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** {@code sqrt(sum_i a_i^2)}. */
    public static double norm2(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
