package engram.analysis;

import engram.kernel.Kernels;
import engram.kernel.Norms;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Extreme eigenvalues of a symmetric operator given only by its product, by the Lanczos process with full
 * reorthogonalisation (two full sweeps, Kahan's rule) from a seeded random start: after k steps the Ritz values of the k x k
 * tridiagonal matrix approximate the extreme eigenvalues, well separated ones to full precision in far fewer than n
 * steps. Used for the spectral norm of a user's W ({@code engram check}) and for the edges of Wishart spectra.
 */
public final class Lanczos {

    private Lanczos() {
    }

    /** {@code out = A v} for a symmetric A. */
    @FunctionalInterface
    public interface SymmetricOperator {
        void apply(double[] v, double[] out);
    }

    /**
     * {@code out = W^T W v} for a dense row-major n x n W (one product with W, one accumulation of its rows): the
     * operator whose largest eigenvalue is {@code ||W||_2^2}. Holds a scratch vector: one per thread.
     */
    public static SymmetricOperator gram(double[] w, int n) {
        double[] wv = new double[n];
        return (v, out) -> {
            Kernels.get().matvec(w, n, v, wv);
            Arrays.fill(out, 0);
            for (int i = 0; i < n; i++) {
                Kernels.get().axpy(wv[i], w, i * n, out, n);
            }
        };
    }

    /** The Ritz values after at most {@code steps} steps (fewer if the Krylov space is exhausted), descending. */
    public static double[] ritzValues(int n, int steps, long seed, SymmetricOperator op) {
        Krylov k = run(n, steps, seed, op);
        return Spectra.symmetricEigenvalues(k.done, k.tridiagonal());
    }

    /** The largest Ritz value and its Ritz vector (unit length) after at most {@code steps} steps. */
    public record Pair(double value, double[] vector) {
    }

    /** The largest Ritz pair after at most {@code steps} steps. */
    public static Pair topPair(int n, int steps, long seed, SymmetricOperator op) {
        Krylov k = run(n, steps, seed, op);
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(k.rows(), false));
        double[] values = e.getEigenvalues();
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        double[] y = e.getEigenvector(best).toArray(), x = new double[n];
        for (int j = 0; j < k.done; j++) {
            for (int i = 0; i < n; i++) {
                x[i] += y[j] * k.q[j][i];
            }
        }
        scale(x, 1 / Norms.norm2(x));
        return new Pair(values[best], x);
    }

    /** The Lanczos basis q[0..done) and the tridiagonal matrix's diagonal alpha and off-diagonal beta. */
    private record Krylov(int done, double[][] q, double[] alpha, double[] beta) {

        double[] tridiagonal() {
            double[] t = new double[done * done];
            for (int j = 0; j < done; j++) {
                t[j * done + j] = alpha[j];
                if (j + 1 < done) {
                    t[j * done + j + 1] = beta[j];
                    t[(j + 1) * done + j] = beta[j];
                }
            }
            return t;
        }

        double[][] rows() {
            double[] t = tridiagonal();
            double[][] r = new double[done][done];
            for (int j = 0; j < done; j++) {
                System.arraycopy(t, j * done, r[j], 0, done);
            }
            return r;
        }
    }

    private static Krylov run(int n, int steps, long seed, SymmetricOperator op) {
        int k = Math.min(n, steps);
        double[][] q = new double[k + 1][];
        double[] alpha = new double[k], beta = new double[k];
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        scale(v, 1 / Norms.norm2(v));
        q[0] = v;
        double[] z = new double[n];
        int done = 0;
        for (int j = 0; j < k; j++) {
            op.apply(q[j], z);
            // two full sweeps over the basis: the large projections (on q[j-1] and q[j]) come last in a sweep and
            // put back rounding-sized components along the earlier vectors, which only a second sweep removes (one
            // sweep, or two passes per vector, lets them grow like the three-term recurrence: a spurious Ritz value
            // at 0 after about 100 steps)
            for (int pass = 0; pass < 2; pass++) {
                for (int r = 0; r <= j; r++) {
                    double d = dot(z, q[r]);
                    if (pass == 0 && r == j) {
                        alpha[j] = d;
                    }
                    for (int i = 0; i < n; i++) {
                        z[i] -= d * q[r][i];
                    }
                }
            }
            done = j + 1;
            double b = Norms.norm2(z);
            if (j + 1 == k || b < 1e-12 * Math.max(1, Math.abs(alpha[j]))) {
                break;
            }
            beta[j] = b;
            q[j + 1] = z.clone();
            scale(q[j + 1], 1 / b);
        }
        return new Krylov(done, q, alpha, beta);
    }

    /** The largest eigenvalue (80 steps). */
    public static double top(int n, long seed, SymmetricOperator op) {
        return ritzValues(n, 80, seed, op)[0];
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }
}
