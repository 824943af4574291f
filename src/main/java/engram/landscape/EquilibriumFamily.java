package engram.landscape;

import engram.kernel.Kernels;
import java.util.function.Supplier;

/**
 * A one-parameter family of vector fields {@code F(x, lambda)} whose equilibria {@code F = 0} are continued
 * ({@link Continuation}); the Jacobian comes in structured form (docs/theory.md section 9.4): a low-rank network gives
 * {@code D_x F = -diag(delta) + diag(left) F diag(w) F^T diag(right)} (r = P columns), a dense one the n x n matrix.
 */
public interface EquilibriumFamily {

    /** The state's dimension n. */
    int dimension();

    /** {@code out = F(x, lambda)}. */
    void field(double[] x, double lambda, double[] out);

    /** The Jacobian {@code D_x F(x, lambda)} in structured form. */
    Jacobian jacobian(double[] x, double lambda);

    /**
     * The low-rank part {@code diag(left) F diag(w) F^T diag(right)}: F is n x r row-major, {@code ft} its r x n
     * transpose (the layout the kernels' projections read), w the r weights; a null {@code left} or {@code right} is 1.
     * So {@code U = diag(left) F diag(w)}, {@code V = diag(right) F}, and {@code V^T diag(g) U = F^T diag(right g left)
     * F diag(w)}: every product the solver needs is a projection on F's rows or a weighted Gram matrix of them.
     */
    record LowRank(int r, double[] f, double[] ft, double[] w, double[] left, double[] right, double[] slopeGram) {

        public LowRank {
            int n = f.length / Math.max(1, r);
            if (r < 1 || f.length != n * r || ft.length != f.length || w.length != r || left != null && left.length != n
                    || right != null && right.length != n || slopeGram != null && slopeGram.length != r * r) {
                throw new IllegalArgumentException("a low-rank Jacobian needs an n x r factor, its transpose and r weights");
            }
        }

        /** Without the precomputed Gram matrix. */
        public LowRank(int r, double[] f, double[] ft, double[] w, double[] left, double[] right) {
            this(r, f, ft, w, left, right, null);
        }

        /** {@code F^T diag(left o right) F} (computed once per Jacobian and shared by the solves and the spectrum). */
        double[] productGram() {
            if (slopeGram != null) {
                return slopeGram;
            }
            int n = n();
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = left(i) * right(i);
            }
            return gram(g);
        }

        int n() {
            return f.length / r;
        }

        double left(int i) {
            return left == null ? 1 : left[i];
        }

        double right(int i) {
            return right == null ? 1 : right[i];
        }

        /** {@code F^T (g o v)} (g null: 1), r entries. */
        double[] project(double[] g, double[] v) {
            int n = n();
            double[] gv = v;
            if (g != null) {
                gv = new double[n];
                for (int i = 0; i < n; i++) {
                    gv[i] = g[i] * v[i];
                }
            }
            double[] h = new double[r];
            Kernels.get().project(ft, r, n, gv, h);
            return h;
        }

        /** {@code F^T diag(g) F}, r x r row-major (symmetric: r (r + 1) / 2 dot products of F's scaled rows). */
        public double[] gram(double[] g) {
            int n = n();
            double[] out = new double[r * r], row = new double[n];
            Kernels k = Kernels.get();
            for (int a = 0; a < r; a++) {
                for (int i = 0; i < n; i++) {
                    row[i] = ft[a * n + i] * g[i];
                }
                for (int b = a; b < r; b++) {
                    out[a * r + b] = k.dot(ft, b * n, row, n);
                    out[b * r + a] = out[a * r + b];
                }
            }
            return out;
        }

        /** {@code diag(left) F h}, n entries. */
        double[] combine(double[] h) {
            int n = n();
            double[] out = new double[n];
            Kernels.get().combine(ft, r, n, h, out);
            if (left != null) {
                for (int i = 0; i < n; i++) {
                    out[i] *= left[i];
                }
            }
            return out;
        }
    }

    /**
     * {@code D_x F = -diag(delta) + lowRank} (full null), or the dense n x n {@code full} (lowRank null); {@code similar}
     * supplies, on demand, a symmetric matrix of the same non-trivial spectrum where there is one (r x r: similar to
     * {@code V^T U}; n x n for a dense J), else null.
     */
    record Jacobian(double[] delta, LowRank lowRank, double[] full, Supplier<double[]> similar) {

        public Jacobian {
            int n = delta.length;
            if ((lowRank == null) == (full == null) || full != null && full.length != n * n
                    || lowRank != null && lowRank.n() != n) {
                throw new IllegalArgumentException("a structured Jacobian is low-rank or dense, of the state's size");
            }
        }

        /** The dimension n. */
        public int n() {
            return delta.length;
        }

        /** The rank of the low-rank part (0 for a dense Jacobian). */
        public int r() {
            return lowRank == null ? 0 : lowRank.r();
        }

        /** The symmetric similar matrix, or null. */
        double[] symmetric() {
            return similar == null ? null : similar.get();
        }

        /** Whether delta is one number (then the spectrum is -delta_0 and -delta_0 + eig(V^T U)). */
        public boolean constantDelta() {
            double d0 = delta[0];
            for (double d : delta) {
                if (Math.abs(d - d0) > 1e-15 * Math.abs(d0)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code V^T U = F^T diag(right o left) F diag(w)}, r x r. */
        double[] small() {
            int r = r();
            double[] m = lowRank.productGram().clone();
            for (int k = 0; k < r; k++) {
                for (int l = 0; l < r; l++) {
                    m[k * r + l] *= lowRank.w()[l];
                }
            }
            return m;
        }

        /** The dense n x n matrix, row-major (O(n^2 r) for a low-rank one). */
        public double[] dense() {
            if (full != null) {
                return full;
            }
            int n = n(), r = r();
            double[] j = new double[n * n], f = lowRank.f(), w = lowRank.w();
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < n; l++) {
                    double s = 0;
                    for (int k = 0; k < r; k++) {
                        s += f[i * r + k] * w[k] * f[l * r + k];
                    }
                    j[i * n + l] = lowRank.left(i) * s * lowRank.right(l) - (i == l ? delta[i] : 0);
                }
            }
            return j;
        }
    }
}
