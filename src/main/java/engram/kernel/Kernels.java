package engram.kernel;

import java.util.Arrays;

/**
 * The two inner loops every coupling product reduces to. {@link #get()} is the SIMD implementation (incubating
 * Vector API) when the JVM was started with {@code --add-modules jdk.incubator.vector}, else plain Java;
 * {@code -Dengram.simd=false} forces plain Java.
 */
public interface Kernels {

    /** {@code sum_i a[aOff + i] * b[i]} for i < n. */
    double dot(double[] a, int aOff, double[] b, int n);

    /** {@code y[i] += s * a[aOff + i]} for i < n. */
    void axpy(double s, double[] a, int aOff, double[] y, int n);

    /** {@code h[k] = sum_i f[k * n + i] v[i]} for k < r: the r rows of a transposed low-rank factor against v. */
    default void project(double[] f, int r, int n, double[] v, double[] h) {
        for (int k = 0; k < r; k++) {
            h[k] = dot(f, k * n, v, n);
        }
    }

    /** {@code out[i] += sum_k h[k] f[k * n + i]} for i < n: the factor's rows combined with weights h. */
    default void combine(double[] f, int r, int n, double[] h, double[] out) {
        for (int k = 0; k < r; k++) {
            axpy(h[k], f, k * n, out, n);
        }
    }

    /** Row-major {@code out = W v} for an n x n matrix. */
    default void matvec(double[] w, int n, double[] v, double[] out) {
        matvecRows(w, n, v, out, 0, n);
    }

    /**
     * Rows [from, to) of the row-major {@code out = W v}. Implementations compute rows in blocks of 4 from
     * {@code from}, so for a {@code from} that is a multiple of 4 each row's result does not depend on the range.
     */
    void matvecRows(double[] w, int n, double[] v, double[] out, int from, int to);

    /**
     * Rows [from, to) of a symmetric {@code W v} from W's upper triangle packed by rows (row i holds
     * {@code w[i][i..n-1]} from offset {@code i n - i (i - 1) / 2}), accumulated into y (which the caller zeroes): row i
     * adds {@code sum_{j >= i} w_ij v_j} to y_i and {@code w_ij v_i} to y_j for j > i, so each stored entry is read
     * once for both of its places in W: half the bytes of {@link #matvecRows}.
     */
    default void symmetricRows(double[] packed, int n, double[] v, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            int o = i * n - i * (i - 1) / 2;
            double vi = v[i], s = packed[o] * vi;
            for (int j = i + 1, p = o + 1; j < n; j++, p++) {
                double w = packed[p];
                s += w * v[j];
                y[j] += w * vi;
            }
            y[i] += s;
        }
    }


    /**
     * {@code out[i] = tanh(gain * in[i])} for i < n ({@code in} and {@code out} may be the same array). Plain Java
     * computes it through {@link Math#exp} to about 4e-16; the SIMD kernels use the Vector API's TANH where the JVM
     * has a vectorised intrinsic for it (x86-64), within a few 1e-15 relative (tested).
     */
    default void tanh(double gain, double[] in, double[] out, int n) {
        tanh(gain, in, out, 0, n);
    }

    /** {@link #tanh(double, double[], double[], int)} on entries [from, to). */
    default void tanh(double gain, double[] in, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = FastTanh.tanh(gain * in[i]);
        }
    }

    /**
     * Rows [from, to) of the block product {@code Out = W X} for a row-major n x n W and n x k blocks X and Out
     * (row-major: {@code X[j * k + c]}). Each output element is summed over j in increasing order with one FMA per
     * term in every implementation, so it does not depend on the row range or on k.
     */
    default void gemmRows(double[] w, int n, double[] x, int k, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            int o = i * k;
            Arrays.fill(out, o, o + k, 0.0);
            for (int j = 0; j < n; j++) {
                double wij = w[i * n + j];
                int xo = j * k;
                for (int c = 0; c < k; c++) {
                    out[o + c] = Math.fma(wij, x[xo + c], out[o + c]);
                }
            }
        }
    }

    /**
     * Columns [c0, c1) of {@code H = F^T X} for an n x r row-major factor F and an n x k block X: {@code H[q * k + c]}
     * summed over i in increasing order, one FMA per term, so independent of the column range.
     */
    default void projectBlock(double[] f, int n, int r, double[] x, int k, double[] h, int c0, int c1) {
        for (int q = 0; q < r; q++) {
            Arrays.fill(h, q * k + c0, q * k + c1, 0.0);
        }
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < r; q++) {
                fmaRow(f[i * r + q], x, i * k + c0, h, q * k + c0, c1 - c0);
            }
        }
    }

    /**
     * Rows [from, to) of {@code Out = F H + diag(g) X} (g null: no diagonal term) for an n x r factor F, an r x k
     * block H and n x k blocks X and Out: each entry starts at {@code g_i X[i][c]} and adds q = 0..r-1 in order, one
     * FMA each.
     */
    default void combineBlock(double[] f, int r, double[] h, int k, double[] g, double[] x, double[] out, int from,
            int to) {
        for (int i = from; i < to; i++) {
            int o = i * k;
            if (g != null) {
                for (int c = 0; c < k; c++) {
                    out[o + c] = g[i] * x[o + c];
                }
            } else {
                Arrays.fill(out, o, o + k, 0.0);
            }
            for (int q = 0; q < r; q++) {
                fmaRow(f[i * r + q], h, q * k, out, o, k);
            }
        }
    }

    /** {@code y[yOff + i] = fma(s, a[aOff + i], y[yOff + i])} for i < n. */
    default void fmaRow(double s, double[] a, int aOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(s, a[aOff + i], y[yOff + i]);
        }
    }

    /** {@code sum_i a[aOff + i] * b[i]} for i < n, in exact integer arithmetic (a holds small signed entries). */
    default int dot(byte[] a, int aOff, int[] b, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[i];
        }
        return s;
    }

    /** {@code y[i] += s * a[aOff + i]} for i < n, in exact integer arithmetic. */
    default void axpy(int s, byte[] a, int aOff, int[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += s * a[aOff + i];
        }
    }

    String name();

    static Kernels get() {
        return Holder.INSTANCE;
    }

    /** Lazily chosen implementation. */
    final class Holder {
        static final Kernels INSTANCE = choose();

        private Holder() {
        }

        private static Kernels choose() {
            boolean wanted = !"false".equals(System.getProperty("engram.simd"));
            if (wanted && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                try {
                    return (Kernels) Class.forName("engram.kernel.VectorKernels").getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError e) {
                    return new ScalarKernels();
                }
            }
            return new ScalarKernels();
        }
    }
}
