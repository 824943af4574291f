package engram.cli;

import engram.activation.Tanh;
import engram.analysis.IdpEquilibria;
import engram.certify.Certifier;
import engram.certify.ProofNetwork;
import engram.check.GivenNetwork;
import engram.check.NetworkCheck;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code engram bench --certify}: the cost of a proof against the cost of the floating-point check of the same network
 * (the ratio certified / sampled is the figure the README reports): a dense Hebbian network at the largest of bench's
 * {@code --sizes} and a low-rank IDP network ten times larger. Each workload runs once at a small size (warm-up) and
 * once timed, wall clock, both cores as the commands use them.
 */
final class CertifyBench {

    static final int P = 20;

    private CertifyBench() {
    }

    /** Dense at N = {@code size} (2000 with bench's default sizes), low-rank at 10 N (20000). */
    static List<BenchCommand.Row> rows(int size, long seed) {
        int dense = Math.max(size, P + 1), lowRank = 10 * dense, warm = Math.min(dense, 400);
        time(() -> dense(warm, seed, true));
        time(() -> dense(warm, seed, false));
        time(() -> lowRank(5 * warm, seed, true));
        List<BenchCommand.Row> rows = new ArrayList<>();
        rows.add(new BenchCommand.Row("check", "dense", dense, time(() -> dense(dense, seed, false))));
        rows.add(new BenchCommand.Row("certify", "dense", dense, time(() -> dense(dense, seed, true))));
        rows.add(new BenchCommand.Row("idp-check", "lowrank", lowRank, time(() -> lowRank(lowRank, seed, false))));
        rows.add(new BenchCommand.Row("certify", "lowrank", lowRank, time(() -> lowRank(lowRank, seed, true))));
        return rows;
    }

    private static double time(Runnable body) {
        long t0 = System.nanoTime();
        body.run();
        return (System.nanoTime() - t0) / 1e3;
    }

    /** Hebbian W = Xi Xi^T / N (zero diagonal), tanh gain 4: engram certify, or engram check. */
    private static void dense(int n, long seed, boolean prove) {
        PatternSet xi = Patterns.randomBinary(n, P, new SplittableRandom(seed));
        double[] w = DenseCouplings.of(LowRankCouplings.hebbian(xi, true)).toDense();
        GivenNetwork g = new GivenNetwork(GivenNetwork.Model.VOLTAGE, n, w, P, xi.data(), null, new Tanh(4), 1.0);
        if (prove) {
            NetworkCheck.certify(g, seed);
        } else {
            NetworkCheck.run(g, seed, line -> { });
        }
    }

    /** IDP with alphas 3, 2.95, ..., 2.05 on random +-1 patterns: the closed forms, Newton and eigenvalues; or proofs. */
    private static void lowRank(int n, long seed, boolean prove) {
        PatternSet xi = Patterns.randomBinary(n, P, new SplittableRandom(seed));
        double[] alphas = new double[P];
        for (int mu = 0; mu < P; mu++) {
            alphas[mu] = 3 - 0.05 * mu;
        }
        List<double[]> states = new ArrayList<>();
        for (IdpEquilibria.Memory m : IdpEquilibria.analyze(xi, alphas, new Tanh(1)).memories()) {
            states.add(m.exists() ? m.state() : null);
        }
        if (prove) {
            Certifier.certify(ProofNetwork.lowRank(n, P, xi.data(), alphas, null, new Tanh(1), 1.0), states);
        }
    }
}
