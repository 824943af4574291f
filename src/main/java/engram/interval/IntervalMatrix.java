package engram.interval;

/**
 * An interval matrix in midpoint-radius form (Rump 1999): entry (i, j) holds every real in
 * {@code [mid - rad, mid + rad]}, row-major. A product with a point matrix costs three floating-point products: the
 * midpoint {@code fl(A Bm)}, and the radius {@code |A| Br} plus the a-priori bound of the midpoint's rounding error
 * (round to nearest, no fused multiply-add, inner dimension k): {@code |fl(x.y) - x.y| <= gamma_k |x|.|y| + k eta},
 * {@code gamma_k = k u / (1 - k u)}, u = 2^-53, eta = 2^-1074 (Higham, Accuracy and Stability, section 3.1). The radius
 * is itself computed in floating point, so it is enlarged by {@code (1 + 3 gamma_(k+2))} and {@code (4k + 8) eta},
 * which covers the rounding of its own sums of non-negative terms.
 */
public record IntervalMatrix(int rows, int cols, double[] mid, double[] rad) {

    private static final double U = 0x1p-53;
    private static final double ETA = Double.MIN_VALUE;

    public IntervalMatrix {
        if (rows < 1 || cols < 1 || mid.length != rows * cols || rad.length != rows * cols) {
            throw new IllegalArgumentException("an interval matrix needs rows x cols midpoints and radii, got " + rows
                    + " x " + cols + " with " + mid.length + " and " + rad.length);
        }
    }

    /** A point matrix (radius 0). */
    public static IntervalMatrix point(int rows, int cols, double[] a) {
        return new IntervalMatrix(rows, cols, a.clone(), new double[rows * cols]);
    }

    /** A matrix of intervals, row-major. */
    public static IntervalMatrix of(int rows, int cols, Interval[] entries) {
        double[] m = new double[rows * cols], r = new double[rows * cols];
        for (int k = 0; k < entries.length; k++) {
            m[k] = entries[k].lo() / 2 + entries[k].hi() / 2;
            r[k] = Math.nextUp(Math.nextUp(Math.max(entries[k].hi() - m[k], m[k] - entries[k].lo())));
        }
        return new IntervalMatrix(rows, cols, m, r);
    }

    public Interval get(int i, int j) {
        return Interval.around(mid[i * cols + j], rad[i * cols + j]);
    }

    /** {@code gamma_k} rounded up (k u stays below 2^-22 for any int k, so the formula never breaks down). */
    static double gamma(int k) {
        double ku = k * U;
        return Math.nextUp(Math.nextUp(ku / (1 - ku)));
    }

    /** The enclosure of {@code A B} for a point matrix A (m x k, row-major) and this-shaped interval matrix B (k x n). */
    public static IntervalMatrix times(double[] a, int m, IntervalMatrix b) {
        int k = b.rows, n = b.cols;
        if (a.length != m * k) {
            throw new IllegalArgumentException("A is not " + m + " x " + k);
        }
        double[] c = new double[m * n], p = new double[m * n], q = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < k; l++) {
                double x = a[i * k + l], ax = Math.abs(x);
                if (x == 0) {
                    continue;
                }
                int row = l * n, out = i * n;
                for (int j = 0; j < n; j++) {
                    c[out + j] += x * b.mid[row + j];
                    p[out + j] += ax * b.rad[row + j];
                    q[out + j] += ax * Math.abs(b.mid[row + j]);
                }
            }
        }
        return new IntervalMatrix(m, n, c, radius(p, q, k));
    }

    /** The enclosure of {@code A B} for this-shaped interval matrix A (m x k) and a point matrix B (k x n, row-major). */
    public static IntervalMatrix times(IntervalMatrix a, double[] b, int n) {
        int m = a.rows, k = a.cols;
        if (b.length != k * n) {
            throw new IllegalArgumentException("B is not " + k + " x " + n);
        }
        double[] c = new double[m * n], p = new double[m * n], q = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < k; l++) {
                double x = a.mid[i * k + l], r = a.rad[i * k + l], ax = Math.abs(x);
                if (x == 0 && r == 0) {
                    continue;
                }
                int row = l * n, out = i * n;
                for (int j = 0; j < n; j++) {
                    double y = b[row + j], ay = Math.abs(y);
                    c[out + j] += x * y;
                    p[out + j] += r * ay;
                    q[out + j] += ax * ay;
                }
            }
        }
        return new IntervalMatrix(m, n, c, radius(p, q, k));
    }

    /** The rigorous radius from the floating sums p = |A| Br (or Ar |B|) and q = |Am| |Bm|, inner dimension k. */
    private static double[] radius(double[] p, double[] q, int k) {
        double g = gamma(k + 2), grow = Math.nextUp(1 + 3 * g), floor = (4.0 * k + 8) * ETA;
        double[] r = new double[p.length];
        for (int t = 0; t < r.length; t++) {
            r[t] = Math.nextUp(Math.nextUp(p[t] + 2 * g * q[t]) * grow) + floor;
        }
        return r;
    }

    /** The transpose of a point matrix (rows x cols, row-major). */
    public static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    /**
     * A lower bound on the largest eigenvalue of every symmetric matrix this square interval matrix holds: the Rayleigh
     * quotient {@code v^T A v / v^T v} of a vector v, enclosed over the whole family.
     */
    public double rayleighLowerBound(double[] v) {
        IntervalMatrix av = times(this, v, 1);
        IntervalMatrix q = times(v, 1, av);
        Interval vv = Interval.ZERO;
        for (double x : v) {
            vv = vv.add(Interval.of(x).sqr());
        }
        if (vv.lo() <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return q.get(0, 0).div(vv).lo();
    }
}
