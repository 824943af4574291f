package engram.analysis;

import engram.kernel.Kernels;
import engram.kernel.Norms;

/**
 * Restarted GMRES (Saad and Schultz 1986) for a dense {@code A x = b}: the residual is minimised over a Krylov space of
 * at most {@link #RESTART} products with A, Arnoldi by modified Gram-Schmidt, the least-squares problem by Givens
 * rotations. For the Jacobians of networks with low-rank couplings, {@code -I} plus a matrix of rank P, it converges in
 * about P + 1 products.
 */
final class Gmres {

    static final int RESTART = 60;
    static final int CYCLES = 10;
    /** Relative residual at which the iteration stops. */
    static final double TOLERANCE = 1e-15;

    private Gmres() {
    }

    /** x with {@code |A x - b| <= TOLERANCE |b|} if reached within the cycles (the best found otherwise). */
    static double[] solve(double[] a, int n, double[] b) {
        double[] x = new double[n], r = b.clone();
        double normB = Norms.norm2(b);
        if (normB == 0) {
            return x;
        }
        int m = Math.min(n, RESTART);
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            double beta = Norms.norm2(r);
            if (beta <= TOLERANCE * normB) {
                break;
            }
            double[][] v = new double[m + 1][];
            double[][] h = new double[m + 1][m];
            double[] cs = new double[m], sn = new double[m], g = new double[m + 1];
            v[0] = scaled(r, 1 / beta);
            g[0] = beta;
            int k = 0;
            while (k < m) {
                double[] w = multiply(a, n, v[k]);
                for (int j = 0; j <= k; j++) {
                    h[j][k] = dot(w, v[j]);
                    axpy(-h[j][k], v[j], w);
                }
                h[k + 1][k] = Norms.norm2(w);
                for (int j = 0; j < k; j++) {
                    double t = cs[j] * h[j][k] + sn[j] * h[j + 1][k];
                    h[j + 1][k] = -sn[j] * h[j][k] + cs[j] * h[j + 1][k];
                    h[j][k] = t;
                }
                double d = Math.hypot(h[k][k], h[k + 1][k]);
                boolean exhausted = h[k + 1][k] == 0;
                if (!exhausted) {
                    v[k + 1] = scaled(w, 1 / h[k + 1][k]);
                }
                cs[k] = d == 0 ? 1 : h[k][k] / d;
                sn[k] = d == 0 ? 0 : h[k + 1][k] / d;
                h[k][k] = d;
                h[k + 1][k] = 0;
                g[k + 1] = -sn[k] * g[k];
                g[k] = cs[k] * g[k];
                k++;
                if (exhausted || Math.abs(g[k]) <= TOLERANCE * normB) {
                    break;
                }
            }
            double[] y = backSubstitute(h, g, k);
            for (int j = 0; j < k; j++) {
                axpy(y[j], v[j], x);
            }
            double[] ax = multiply(a, n, x);
            for (int i = 0; i < n; i++) {
                r[i] = b[i] - ax[i];
            }
        }
        return x;
    }

    /** y with {@code R y = g} for the upper-triangular k x k part R of h. */
    private static double[] backSubstitute(double[][] h, double[] g, int k) {
        double[] y = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = g[i];
            for (int j = i + 1; j < k; j++) {
                s -= h[i][j] * y[j];
            }
            if (h[i][i] == 0) {
                throw new ArithmeticException("GMRES: a singular Hessenberg matrix");
            }
            y[i] = s / h[i][i];
        }
        return y;
    }

    private static double[] multiply(double[] a, int n, double[] v) {
        double[] out = new double[n];
        Kernels.get().matvec(a, n, v, out);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        return Kernels.get().dot(a, 0, b, a.length);
    }

    private static void axpy(double f, double[] x, double[] y) {
        Kernels.get().axpy(f, x, 0, y, y.length);
    }

    private static double[] scaled(double[] a, double f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = f * a[i];
        }
        return out;
    }
}
