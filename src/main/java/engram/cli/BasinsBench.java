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
 * [-1, 1]^N and integrated together through {@link Basins#settle} as the command runs them: one chunk of 2 tau of
 * RK4 (step {@link Basins#step} of the network's Lipschitz bound: 0.4, five steps), the convergence test after it,
 * in microseconds per trajectory-step; bench/basins_peer.py does the same in numpy.
 */
final class BasinsBench {

    static final int N = 1000, P = 10, K = 512;

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
        Basins.Settings s = new Basins.Settings(new double[0], 0, 0, 2, 1e-6, step);
        int steps = (int) Math.ceil(2 / step);
        double micros = TimedBody.time(() -> Basins.settle(model, starts, s, (k, x, t, converged) -> { }), K * steps);
        return List.of(new BenchCommand.Row("basins", "lowrank", N, micros));
    }
}
