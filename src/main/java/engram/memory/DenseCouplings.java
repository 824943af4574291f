package engram.memory;

import engram.kernel.Kernels;
import engram.kernel.RowParallel;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** A dense N x N synaptic matrix, row-major. Safe to share between threads: its only buffers are per thread. */
public final class DenseCouplings implements Couplings {

    private final int n;
    private final double[] w;
    private final boolean symmetric;
    private final Kernels kernels = Kernels.get();

    public DenseCouplings(int n, double[] w) {
        if (n < 1 || w.length != n * n) {
            throw new IllegalArgumentException("dense couplings need an n*n array, n=" + n + ", length=" + w.length);
        }
        this.n = n;
        this.w = w;
        boolean sym = true;
        for (int i = 0; i < n && sym; i++) {
            for (int j = i + 1; j < n; j++) {
                if (w[i * n + j] != w[j * n + i]) {
                    sym = false;
                    break;
                }
            }
        }
        this.symmetric = sym;
        this.packed = sym && n >= PACKED_FROM ? pack(w, n) : null;
        this.split = packed == null ? 0 : halfway(n);
    }

    /** From this size a symmetric W is multiplied from its packed upper triangle (half the bytes: memory-bound sizes). */
    static final int PACKED_FROM = 512;

    /** The upper triangle packed by rows, or null. */
    private final double[] packed;
    /** The row where the packed triangle's two halves (by entries) meet. */
    private final int split;
    private final ThreadLocal<double[][]> halves = new ThreadLocal<>();

    private static double[] pack(double[] w, int n) {
        double[] p = new double[n * (n + 1) / 2];
        for (int i = 0, o = 0; i < n; i++) {
            System.arraycopy(w, i * n + i, p, o, n - i);
            o += n - i;
        }
        return p;
    }

    /** The first row k with at least half of the triangle's entries in rows [0, k). */
    private static int halfway(int n) {
        long total = (long) n * (n + 1) / 2, acc = 0;
        for (int k = 0; k < n; k++) {
            if (2 * acc >= total) {
                return k;
            }
            acc += n - k;
        }
        return n;
    }

    public static DenseCouplings of(Couplings c) {
        return c instanceof DenseCouplings d ? d : new DenseCouplings(c.n(), c.toDense());
    }

    /** Symmetric Gaussian matrix with entries of variance scale^2 / n off the diagonal (GOE-like), given diagonal. */
    public static DenseCouplings randomSymmetric(int n, double scale, boolean zeroDiagonal, RandomGenerator rng) {
        double[] w = new double[n * n];
        double s = scale / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = (i == j) ? (zeroDiagonal ? 0 : s * rng.nextGaussian()) : s * rng.nextGaussian();
                w[i * n + j] = v;
                w[j * n + i] = v;
            }
        }
        return new DenseCouplings(n, w);
    }

    /** Gaussian matrix with iid entries of variance scale^2 / n (not symmetric). */
    public static DenseCouplings randomGeneral(int n, double scale, RandomGenerator rng) {
        double[] w = new double[n * n];
        double s = scale / Math.sqrt(n);
        for (int k = 0; k < w.length; k++) {
            w[k] = s * rng.nextGaussian();
        }
        return new DenseCouplings(n, w);
    }

    /**
     * {@code W + (G - G^T)/2} with G iid Gaussian of scale {@code scale} (drawn from rng as by
     * {@link #randomGeneral}): W plus an antisymmetric part, the usual way out of a symmetry hypothesis.
     */
    public static DenseCouplings withAntisymmetricPart(Couplings base, double scale, RandomGenerator rng) {
        int n = base.n();
        double[] w = base.toDense();
        DenseCouplings g = randomGeneral(n, scale, rng);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i * n + j] += 0.5 * (g.entry(i, j) - g.entry(j, i));
            }
        }
        return new DenseCouplings(n, w);
    }

    @Override public int n() { return n; }

    /**
     * {@code out = W v}, its rows split over the cores from {@link RowParallel#MIN_ROWS} rows (bit-identical). A
     * symmetric W from {@link #PACKED_FROM} rows is read from its packed upper triangle in two fixed halves (by
     * entries), each accumulated in its own buffer and added in a fixed order, so the result does not depend on the
     * core count either.
     */
    @Override public void multiply(double[] v, double[] out) {
        if (packed == null) {
            RowParallel.run(n, (from, to) -> kernels.matvecRows(w, n, v, out, from, to));
            return;
        }
        double[][] y = halves.get();
        if (y == null) {
            y = new double[][] {new double[n], new double[n]};
            halves.set(y);
        }
        double[] y0 = y[0], y1 = y[1];
        Arrays.fill(y0, 0.0);
        Arrays.fill(y1, 0.0);
        RowParallel.run(2, 2, (a, b) -> {
            for (int part = a; part < b; part++) {
                kernels.symmetricRows(packed, n, v, part == 0 ? y0 : y1, part == 0 ? 0 : split, part == 0 ? split : n);
            }
        });
        for (int i = 0; i < n; i++) {
            out[i] = y0[i] + y1[i];
        }
    }

    /** {@code Out = W X}: a blocked matrix-matrix product, its rows split over the cores (bit-identical). */
    @Override public void multiplyBlock(double[] x, int k, double[] out) {
        RowParallel.run(n, (from, to) -> kernels.gemmRows(w, n, x, k, out, from, to));
    }

    @Override public double entry(int i, int j) { return w[i * n + j]; }

    @Override public boolean symmetric() { return symmetric; }

    @Override public double[] toDense() { return w.clone(); }
}
