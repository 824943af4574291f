package engram.cli;

import engram.activation.Tanh;
import engram.landscape.Basins;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.InputDriven;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code engram bench --basins}: the work of engram basins, K = {@value #K} states of the low-rank IDP network (random
 * +-1 memories, N = {@value #N}, P = {@value #P}, alpha from 3 down to 1.2, diagonal kept, tanh) drawn uniform in
 * [-1, 1]^N and integrated together through {@link Basins#settle} as the command runs them: chunks of 2 tau of RK4
 * (step {@link Basins#step} of the network's Lipschitz bound: 0.4, five steps a chunk) up to a horizon of
 * {@value #HORIZON} tau, the convergence test after each chunk, converged states leaving the block; in microseconds
 * per trajectory-step (each state's steps up to the chunk where it leaves); bench/basins_peer.py does the same in
 * numpy.
 */
final class BasinsBench {

    static final int N = 1000, P = 10, K = 512;
    /** The horizon, in time constants: ten chunks of 2 tau, most states leaving on the way. */
    static final double HORIZON = 20;

    private BasinsBench() {
    }

    static List<BenchCommand.Row> rows(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        PatternSet xi = Patterns.randomBinary(N, P, rng);
        double[] alphas = new double[P];
        for (int k = 0; k < P; k++) {
            alphas[k] = 3 - 1.8 * k / (P - 1);
        }
        VoltageModel model = new VoltageModel(1.0, InputDriven.couplings(xi, alphas, false), new Tanh(1), Input.zero(N));
        double step = Basins.step(Basins.lipschitzBound(model, seed));
        List<double[]> starts = new ArrayList<>();
        for (int c = 0; c < K; c++) {
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = 2 * rng.nextDouble() - 1;
            }
            starts.add(x);
        }
        Basins.Settings s = new Basins.Settings(new double[0], 0, 0, HORIZON, 1e-6, step);
        // the trajectory-steps a run takes: each state's RK4 steps up to the chunk end where it leaves
        long[] work = new long[1];
        int perChunk = (int) Math.ceil(2 / step);
        Basins.settle(model, starts, s, (k, x, t, converged) -> work[0] += Math.round(t / 2) * perChunk);
        double micros = TimedBody.time(() -> Basins.settle(model, starts, s, (k, x, t, converged) -> { }),
                (int) work[0]);
        return List.of(new BenchCommand.Row("basins", "lowrank", N, micros));
    }
}
