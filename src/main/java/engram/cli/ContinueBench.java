package engram.cli;

import engram.activation.ActivationKind;
import engram.landscape.Continuation;
import engram.landscape.ContinuationPredictions;
import engram.landscape.NetworkFamily;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.InputDriven;
import java.util.Arrays;
import java.util.List;

/**
 * {@code engram bench --continue}: one branch of 200 points of pseudo-arclength continuation on the low-rank IDP
 * network (Hadamard memories, N = 1024, P = 10, alpha = (2, 0.3, ..., 0.3), tanh), memory 1 continued in alpha_2 from
 * 0.3 with the largest step 0.05, in microseconds per point (the best of five branches after twenty to warm the JIT
 * up); bench/continue_peer.py runs the same algorithm in numpy (best of five after three).
 */
final class ContinueBench {

    static final int N = 1024, P = 10, POINTS = 200;
    static final double STEP = 0.05;

    private ContinueBench() {
    }

    static List<BenchCommand.Row> rows() {
        for (int k = 0; k < 20; k++) {
            branch();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 5; k++) {
            long t0 = System.nanoTime();
            int points = branch();
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / points);
        }
        return List.of(new BenchCommand.Row("continue", "lowrank", N, best));
    }

    /** One branch; the number of points it made. */
    static int branch() {
        PatternSet xi = Patterns.hadamard(N, P);
        double[] alphas = new double[P];
        Arrays.fill(alphas, 0.3);
        alphas[0] = 2;
        NetworkFamily f = NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, InputDriven.couplings(xi, alphas, false),
                ActivationKind.TANH, 1, 0, null, "alpha2");
        int[] cue = {1};
        Continuation.Result r = ContinuationPredictions.fromCue(f, xi, cue, new Continuation.Settings(0.3, 1000, STEP,
                POINTS, false, 1, Continuation.Corrector.ARCLENGTH));
        return r.branches().get(0).points().size();
    }
}
