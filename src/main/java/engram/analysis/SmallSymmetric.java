package engram.analysis;

import java.util.Arrays;

/**
 * Largest eigenvalues of small symmetric matrices in a tight loop, without allocation: Householder reduction to
 * tridiagonal form (Golub and Van Loan, Algorithm 8.3.1) and bisection on the Sturm sequence count (Algorithm 8.4.1)
 * to the last bits, O(m^3) with no iteration that can fail to converge. The sandwich form
 * {@code S^1/2 diag(g) S^1/2 / scale} (S positive semi-definite) goes through a semi-definite Cholesky factor
 * {@code S = L L^T}: {@code L^T diag(g) L} has the same non-zero eigenvalues as {@code diag(g) S}, so no square root of
 * S is needed. The caller owns a {@link Workspace} per thread.
 */
public final class SmallSymmetric {

    private SmallSymmetric() {
    }

    /** Scratch arrays for matrices up to m x m. */
    public static final class Workspace {
        final double[] a;
        final double[] l;
        final double[] d;
        final double[] e;
        final double[] v;
        final int capacity;

        public Workspace(int capacity) {
            this.capacity = capacity;
            this.a = new double[capacity * capacity];
            this.l = new double[capacity * capacity];
            this.d = new double[capacity];
            this.e = new double[capacity];
            this.v = new double[capacity];
        }
    }

    /** The largest eigenvalue of the symmetric m x m row-major matrix (read in full; not modified). */
    public static double largestEigenvalue(int m, double[] sym, Workspace w) {
        System.arraycopy(sym, 0, w.a, 0, m * m);
        tridiagonalise(m, w.a, w.d, w.e, w.v);
        return largestTridiagonal(m, w.d, w.e);
    }

    /**
     * The largest eigenvalue of {@code S^1/2 diag(g) S^1/2 / scale} for S symmetric positive semi-definite (m x m,
     * only its upper triangle read).
     */
    public static double largestSandwichEigenvalue(int m, double[] s, double[] g, double scale, Workspace w) {
        double[] l = w.l;
        Arrays.fill(l, 0, m * m, 0);
        double trace = 0;
        for (int a = 0; a < m; a++) {
            trace += Math.abs(s[a * m + a]);
        }
        double tiny = 1e-15 * Math.max(trace, Double.MIN_NORMAL);
        // L lower triangular, S = L L^T; a pivot at round-off level means the rest of that column is zero (S >= 0)
        for (int j = 0; j < m; j++) {
            double piv = s[j * m + j];
            for (int k = 0; k < j; k++) {
                piv -= l[j * m + k] * l[j * m + k];
            }
            if (piv <= tiny) {
                continue;
            }
            double root = Math.sqrt(piv);
            l[j * m + j] = root;
            for (int i = j + 1; i < m; i++) {
                double sum = s[j * m + i];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * m + k] * l[j * m + k];
                }
                l[i * m + j] = sum / root;
            }
        }
        double[] k = w.a;
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double sum = 0;
                for (int r = Math.max(a, b); r < m; r++) {
                    sum += l[r * m + a] * g[r] * l[r * m + b];
                }
                k[a * m + b] = sum / scale;
                k[b * m + a] = sum / scale;
            }
        }
        tridiagonalise(m, k, w.d, w.e, w.v);
        return largestTridiagonal(m, w.d, w.e);
    }

    /**
     * Householder reduction of the symmetric a (destroyed) to diagonal d and off-diagonal e (e[0] unused). Long: one
     * textbook algorithm (Golub and Van Loan, 8.3.1) whose steps share the reflector and the trailing block.
     */
    static void tridiagonalise(int m, double[] a, double[] d, double[] e, double[] v) {
        for (int k = 0; k < m - 2; k++) {
            // the column scaled by its largest entry, so that squares neither underflow nor overflow (H does not
            // depend on v's scale)
            double scale = 0;
            for (int i = k + 1; i < m; i++) {
                scale = Math.max(scale, Math.abs(a[i * m + k]));
            }
            if (scale == 0) {
                continue;
            }
            double alpha = 0;
            for (int i = k + 1; i < m; i++) {
                double x = a[i * m + k] / scale;
                alpha += x * x;
            }
            alpha = Math.sqrt(alpha);
            double x0 = a[(k + 1) * m + k];
            if (x0 > 0) {
                alpha = -alpha;
            }
            // v = x / scale - alpha e1 over rows k+1..m-1, H = I - 2 v v^T / (v^T v)
            double vv = 0;
            for (int i = k + 1; i < m; i++) {
                v[i] = a[i * m + k] / scale;
            }
            v[k + 1] -= alpha;
            alpha *= scale;
            for (int i = k + 1; i < m; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0) {
                continue;
            }
            // A <- H A H on the trailing block: p = A v * 2 / vv, w = p - (v^T p / vv) v, A -= v w^T + w v^T
            double[] p = d; // d is free until the end: use it as the p/w buffer
            double vp = 0;
            for (int i = k + 1; i < m; i++) {
                double sum = 0;
                for (int j = k + 1; j < m; j++) {
                    sum += a[i * m + j] * v[j];
                }
                p[i] = 2 * sum / vv;
                vp += v[i] * p[i];
            }
            double c = vp / vv;
            for (int i = k + 1; i < m; i++) {
                p[i] -= c * v[i];
            }
            for (int i = k + 1; i < m; i++) {
                for (int j = k + 1; j < m; j++) {
                    a[i * m + j] -= v[i] * p[j] + p[i] * v[j];
                }
            }
            a[(k + 1) * m + k] = alpha;
            a[k * m + k + 1] = alpha;
            for (int i = k + 2; i < m; i++) {
                a[i * m + k] = 0;
                a[k * m + i] = 0;
            }
        }
        for (int i = 0; i < m; i++) {
            d[i] = a[i * m + i];
            e[i] = i > 0 ? a[i * m + i - 1] : 0;
        }
    }

    /**
     * The largest eigenvalue of the symmetric tridiagonal (d, e) by bisection on the Sturm count. d and e (scratch)
     * are first scaled by a power of two near their largest entry, exactly, so that the squares e_i^2 in the Sturm
     * recursion neither underflow nor overflow.
     */
    static double largestTridiagonal(int m, double[] d, double[] e) {
        double largest = 0;
        for (int i = 0; i < m; i++) {
            largest = Math.max(largest, Math.max(Math.abs(d[i]), i > 0 ? Math.abs(e[i]) : 0));
        }
        if (largest == 0 || !Double.isFinite(largest)) {
            return largest == 0 ? 0 : Double.NaN;
        }
        int shift = -Math.getExponent(largest);
        for (int i = 0; i < m; i++) {
            d[i] = Math.scalb(d[i], shift);
            e[i] = Math.scalb(e[i], shift);
        }
        return Math.scalb(largestScaled(m, d, e), -shift);
    }

    private static double largestScaled(int m, double[] d, double[] e) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double r = (i > 0 ? Math.abs(e[i]) : 0) + (i + 1 < m ? Math.abs(e[i + 1]) : 0);
            lo = Math.min(lo, d[i] - r);
            hi = Math.max(hi, d[i] + r);
        }
        double scale = Math.max(Math.abs(lo), Math.abs(hi));
        for (int it = 0; it < 200 && hi - lo > 2 * Math.ulp(scale); it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (countBelow(m, d, e, mid) == m) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The number of eigenvalues of (d, e) below x (Sturm sequence; a zero pivot is nudged to a tiny negative). */
    static int countBelow(int m, double[] d, double[] e, double x) {
        int count = 0;
        double q = 1;
        for (int i = 0; i < m; i++) {
            double off = i > 0 ? e[i] * e[i] / q : 0;
            q = d[i] - x - off;
            if (q == 0) {
                q = -Double.MIN_NORMAL;
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }
}
