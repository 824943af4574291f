package engram.landscape;

import engram.kernel.Kernels;

/**
 * The low-rank part {@code diag(left) F diag(w) F^T diag(right)} of a structured Jacobian
 * ({@link EquilibriumFamily.Jacobian}): F is n x r row-major, {@code ft} its r x n transpose (the layout the kernels'
 * projections read), w the r weights; a null {@code left} or {@code right} is 1.
 * So {@code U = diag(left) F diag(w)}, {@code V = diag(right) F}, and {@code V^T diag(g) U = F^T diag(right g left)
 * F diag(w)}: every product the solver needs is a projection on F's rows or a weighted Gram matrix of them.
 */
public record LowRankPart(int r, double[] f, double[] ft, double[] w, double[] left, double[] right, double[] slopeGram) {

    public LowRankPart {
        int n = f.length / Math.max(1, r);
        if (r < 1 || f.length != n * r || ft.length != f.length || w.length != r || left != null && left.length != n
                || right != null && right.length != n || slopeGram != null && slopeGram.length != r * r) {
            throw new IllegalArgumentException("a low-rank Jacobian needs an n x r factor, its transpose and r weights");
        }
    }

    /** Without the precomputed Gram matrix. */
    public LowRankPart(int r, double[] f, double[] ft, double[] w, double[] left, double[] right) {
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

    /** {@code V^T U = F^T diag(right o left) F diag(w)}, r x r. */
    double[] vtu() {
        double[] m = productGram().clone();
        for (int k = 0; k < r; k++) {
            for (int l = 0; l < r; l++) {
                m[k * r + l] *= w[l];
            }
        }
        return m;
    }

    /** The dense {@code -diag(delta) + diag(left) F diag(w) F^T diag(right)}, n x n row-major: O(n^2 r). */
    double[] dense(double[] delta) {
        int n = n();
        double[] j = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += f[i * r + k] * w[k] * f[l * r + k];
                }
                j[i * n + l] = left(i) * s * right(l) - (i == l ? delta[i] : 0);
            }
        }
        return j;
    }
}
