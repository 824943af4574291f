package engram.model;

import engram.activation.Activation;
import engram.integrate.VectorField;
import engram.kernel.RowParallel;
import engram.memory.Couplings;
import java.util.Arrays;

/**
 * K trajectories of one firing-rate model {@code tau dr/dt = -r + Phi(W r + u)} stepped together, the rate-model
 * twin of {@link VoltageEnsemble}: the state is an N x K block, row-major ({@code r[i * K + c]} is unit i of
 * trajectory c), W acts on all K at once ({@link Couplings#multiplyBlock}), and the input, the activation and the
 * update run over N K contiguous entries split over the cores. Constant inputs only. Holds scratch buffers: one
 * instance per thread.
 */
public final class RateEnsemble implements VectorField {

    private final double tau;
    private final Couplings w;
    private final Activation phi;
    private final double[] u;
    private final int n;
    private final int k;
    private final double[] field;
    private final boolean input;

    public RateEnsemble(FiringRateModel model, int trajectories) {
        VoltageEnsemble.requireEnsemble(model.input(), trajectories);
        this.tau = model.tau();
        this.w = model.couplings();
        this.phi = model.activation();
        this.u = model.input().u0().clone();
        this.n = w.n();
        this.k = trajectories;
        this.field = new double[n * k];
        this.input = Arrays.stream(u).anyMatch(v -> v != 0);
    }

    @Override public int dimension() { return n * k; }

    @Override public void evaluate(double t, double[] r, double[] drdt) {
        w.multiplyBlock(r, k, field);
        RowParallel.run(input ? n : 0, (from, to) -> {
            for (int i = from; i < to; i++) {
                double ui = u[i];
                for (int o = i * k, end = o + k; o < end; o++) {
                    field[o] += ui;
                }
            }
        });
        int size = n * k;
        VoltageEnsemble.applySplit(phi, field, drdt, size);
        double inv = 1 / tau;
        RowParallel.run(size, 1 << 14, (from, to) -> {
            for (int o = from; o < to; o++) {
                drdt[o] = (drdt[o] - r[o]) * inv;
            }
        });
    }
}
