package engram.memory;

import engram.kernel.Kernels;
import engram.kernel.RowParallel;
import java.util.Arrays;

/**
 * {@code W = scale * F diag(d) F^T}, minus its diagonal when {@code zeroDiagonal}: the Hebbian family
 * ({@code F = Xi}, {@code d = 1}, {@code scale = 1/N}), the IDP synapses ({@code d = alpha(u)}, theory.md section 3)
 * and the firing-rate design (F = [Xi - beta | 1], theory.md section 2). A product costs O(N r) for rank r.
 */
public final class LowRankCouplings implements Couplings {

    private final int n;
    private final int r;
    private final double[] f;
    private final double[] ft;
    private final double[] d;
    private final double scale;
    private final boolean zeroDiagonal;
    private final double[] diagonal;
    private final double[] negatedDiagonal;
    private final double[] h;
    private final Kernels kernels = Kernels.get();

    /**
     * @param f the n x r factor, row-major (not copied)
     * @param d the r weights
     */
    public LowRankCouplings(int n, int r, double[] f, double[] d, double scale, boolean zeroDiagonal) {
        if (n < 1 || r < 1 || f.length != n * r || d.length != r) {
            throw new IllegalArgumentException("low-rank couplings need an n*r factor and r weights");
        }
        this.n = n;
        this.r = r;
        this.f = f;
        this.d = d.clone();
        this.scale = scale;
        this.zeroDiagonal = zeroDiagonal;
        this.diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < r; k++) {
                s += f[i * r + k] * f[i * r + k] * this.d[k];
            }
            diagonal[i] = scale * s;
        }
        this.negatedDiagonal = new double[n];
        for (int i = 0; i < n; i++) {
            negatedDiagonal[i] = -diagonal[i];
        }
        this.h = new double[r];
        this.ft = new double[r * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < r; k++) {
                ft[k * n + i] = f[i * r + k];
            }
        }
    }

    /** Hebbian couplings {@code (1/N) Xi Xi^T}, with or without the self-couplings. */
    public static LowRankCouplings hebbian(PatternSet xi, boolean zeroDiagonal) {
        double[] ones = new double[xi.p()];
        Arrays.fill(ones, 1.0);
        return new LowRankCouplings(xi.n(), xi.p(), xi.data(), ones, 1.0 / xi.n(), zeroDiagonal);
    }

    /** {@code (1/N) Xi diag(weights) Xi^T}. */
    public static LowRankCouplings weighted(PatternSet xi, double[] weights, boolean zeroDiagonal) {
        return new LowRankCouplings(xi.n(), xi.p(), xi.data(), weights, 1.0 / xi.n(), zeroDiagonal);
    }

    @Override public int n() { return n; }

    /** The rank r (columns of the factor). */
    public int rank() { return r; }

    /** The n x r factor F, row-major (shared, not a copy: do not write). */
    public double[] factor() { return f; }

    /** The r x n transposed factor F^T, row-major (shared, not a copy: do not write). */
    public double[] transposedFactor() { return ft; }

    /** The r weights d (a copy). */
    public double[] weights() { return d.clone(); }

    /** The scale s. */
    public double scale() { return scale; }

    /** Whether W's diagonal is removed. */
    public boolean zeroDiagonal() { return zeroDiagonal; }

    /** The diagonal of {@code s F diag(d) F^T} (removed from W when {@link #zeroDiagonal()}), a copy. */
    public double[] fullDiagonal() { return diagonal.clone(); }

    /** {@code out = s F diag(d) F^T v}: r projections on the transposed factor, then one combination. O(N r). */
    @Override public void multiply(double[] v, double[] out) {
        kernels.project(ft, r, n, v, h);
        for (int k = 0; k < r; k++) {
            h[k] *= scale * d[k];
        }
        if (zeroDiagonal) {
            for (int i = 0; i < n; i++) {
                out[i] = -diagonal[i] * v[i];
            }
        } else {
            Arrays.fill(out, 0, n, 0.0);
        }
        kernels.combine(ft, r, n, h, out);
    }

    /**
     * {@code Out = s F diag(d) F^T X} (minus the diagonal) for an n x k block: two thin products, {@code H = F^T X}
     * (r x k) then {@code Out = F (s d H)}, each a sweep over the n rows with k-wide FMAs. O(N r k).
     */
    @Override public void multiplyBlock(double[] x, int k, double[] out) {
        double[] hk = blockScratch(r * k);
        // H = F^T X, split over the cores by columns of the block (each entry summed over i in order)
        RowParallel.run(k, 2 * BLOCK_SPLIT, (c0, c1) -> {
            kernels.projectBlock(f, n, r, x, k, hk, c0, c1);
            for (int q = 0; q < r; q++) {
                double w = scale * d[q];
                for (int c = c0; c < c1; c++) {
                    hk[q * k + c] *= w;
                }
            }
        });
        // Out = F H - diag(W) X, split over the cores by rows
        RowParallel.run(n, (from, to) -> kernels.combineBlock(f, r, hk, k, zeroDiagonal ? negatedDiagonal : null, x, out,
                from, to));
    }

    /** Columns per core below which the first thin product of a block is not split. */
    private static final int BLOCK_SPLIT = 16;

    private double[] block = new double[0];

    private double[] blockScratch(int size) {
        if (block.length < size) {
            block = new double[size];
        }
        return block;
    }

    @Override public double entry(int i, int j) {
        if (zeroDiagonal && i == j) {
            return 0;
        }
        double s = 0;
        for (int k = 0; k < r; k++) {
            s += f[i * r + k] * f[j * r + k] * d[k];
        }
        return scale * s;
    }

    @Override public boolean symmetric() { return true; }
}
