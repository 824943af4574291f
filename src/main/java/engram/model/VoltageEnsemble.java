package engram.model;

import engram.activation.Activation;
import engram.integrate.VectorField;
import engram.kernel.RowParallel;
import engram.memory.Couplings;

/**
 * K trajectories of one voltage model {@code tau dx/dt = -x + W psi(x) + u} stepped together: the state is an
 * N x K block, row-major ({@code x[i * K + c]} is unit i of trajectory c), so that W acts on all K at once as a
 * matrix-matrix product ({@link Couplings#multiplyBlock}: blocked GEMM for dense W, two thin products for low rank)
 * and the nonlinearity and update run over N K contiguous entries. As a {@link VectorField} of dimension N K it is
 * integrated by the ordinary fixed-step integrators; {@link engram.integrate.EnsembleEulerMaruyama} adds noise with
 * one generator per trajectory. Constant inputs only. Holds scratch buffers: one instance per thread.
 */
public final class VoltageEnsemble implements VectorField {

    private final double tau;
    private final Couplings w;
    private final Activation psi;
    private final double[] u;
    private final int n;
    private final int k;
    private final double[] phi;
    private final double[] wphi;

    public VoltageEnsemble(VoltageModel model, int trajectories) {
        requireEnsemble(model.input(), trajectories);
        this.tau = model.tau();
        this.w = model.couplings();
        this.psi = model.activation();
        this.u = model.input().u0().clone();
        this.n = w.n();
        this.k = trajectories;
        this.phi = new double[n * k];
        this.wphi = new double[n * k];
    }

    public int trajectories() { return k; }

    public int units() { return n; }

    @Override public int dimension() { return n * k; }

    /** Entries per item when the nonlinearity is split over the cores: a multiple of every SIMD width. */
    private static final int CHUNK = 64;

    /** What every ensemble needs: a constant input and at least one trajectory. */
    static void requireEnsemble(Input input, int trajectories) {
        if (!input.isConstant()) {
            throw new IllegalArgumentException("an ensemble needs a constant input");
        }
        if (trajectories < 1) {
            throw new IllegalArgumentException("trajectories must be >= 1, got " + trajectories);
        }
    }

    /** {@code out = f(in)} entrywise on the first {@code size} entries of a block, split over the cores in chunks. */
    static void applySplit(Activation f, double[] in, double[] out, int size) {
        RowParallel.run((size + CHUNK - 1) / CHUNK, 64, (from, to) -> f.apply(in, out, from * CHUNK,
                Math.min(size, to * CHUNK)));
    }

    @Override public void evaluate(double t, double[] x, double[] dxdt) {
        applySplit(psi, x, phi, n * k);
        w.multiplyBlock(phi, k, wphi);
        double inv = 1 / tau;
        RowParallel.run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double ui = u[i];
                int o = i * k;
                for (int c = 0; c < k; c++) {
                    dxdt[o + c] = (wphi[o + c] - x[o + c] + ui) * inv;
                }
            }
        });
    }

    /** The block of K copies of a single state (column c = trajectory c). */
    public static double[] block(double[][] states) {
        int k = states.length, n = states[0].length;
        double[] x = new double[n * k];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                x[i * k + c] = states[c][i];
            }
        }
        return x;
    }

    /** Trajectory c of a block. */
    public static double[] column(double[] x, int k, int c) {
        double[] v = new double[x.length / k];
        for (int i = 0; i < v.length; i++) {
            v[i] = x[i * k + c];
        }
        return v;
    }
}
