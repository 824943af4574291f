package engram.memory;

import engram.kernel.Kernels;
import engram.kernel.RowParallel;
import java.util.random.RandomGenerator;

/** A dense N x N synaptic matrix, row-major. */
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

    /** {@code out = W v}, its rows split over the cores from {@link RowParallel#MIN_ROWS} rows (bit-identical). */
    @Override public void multiply(double[] v, double[] out) {
        RowParallel.run(n, (from, to) -> kernels.matvecRows(w, n, v, out, from, to));
    }

    /** {@code Out = W X}: a blocked matrix-matrix product, its rows split over the cores (bit-identical). */
    @Override public void multiplyBlock(double[] x, int k, double[] out) {
        RowParallel.run(n, (from, to) -> kernels.gemmRows(w, n, x, k, out, from, to));
    }

    @Override public double entry(int i, int j) { return w[i * n + j]; }

    @Override public boolean symmetric() { return symmetric; }

    @Override public double[] toDense() { return w.clone(); }
}
