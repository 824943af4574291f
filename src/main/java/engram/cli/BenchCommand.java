package engram.cli;

import engram.activation.Tanh;
import engram.integrate.Diffusion;
import engram.integrate.EulerMaruyama;
import engram.integrate.StepObserver;
import engram.memory.Couplings;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.report.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram bench}: time per step of the voltage-model right-hand side {@code -x + W tanh(x) + u} and of a
 * 1000-step Euler-Maruyama run, with W Hebbian zero-diagonal either low-rank ({@code Xi (Xi^T v) / N}, O(NP)) or
 * dense (O(N^2)). {@code bench/run.sh} runs it next to the numpy peer {@code bench/peer.py} and prints the ratios.
 */
@Command(name = "bench", description = "Time the simulator's inner loops (see bench/run.sh for the numpy comparison).")
final class BenchCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Option(names = "--sizes", split = ",", defaultValue = "1024,2000", description = "Values of N (default ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--p", defaultValue = "10", description = "Memories P (default ${DEFAULT-VALUE}).")
    int p;

    @Option(names = "--steps", defaultValue = "1000", description = "Euler-Maruyama steps per run (default ${DEFAULT-VALUE}).")
    int steps;

    @Override public Integer call() {
        if (p < 1 || steps < 1 || sizes.stream().anyMatch(n -> n < p)) {
            throw new IllegalArgumentException("--p and --steps must be >= 1 and every --sizes value >= p");
        }
        List<Object> rows = new ArrayList<>();
        for (int n : sizes) {
            SplittableRandom rng = new SplittableRandom(global.seed);
            PatternSet xi = Patterns.randomBinary(n, p, rng);
            LowRankCouplings low = LowRankCouplings.hebbian(xi, true);
            DenseCouplings dense = new DenseCouplings(n, low.toDense());
            for (Couplings w : new Couplings[] {low, dense}) {
                String kind = w == low ? "lowrank" : "dense";
                VoltageModel model = new VoltageModel(1.0, w, new Tanh(10), Input.zero(n));
                double[] x = new double[n];
                double[] dx = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = rng.nextGaussian();
                }
                double rhs = best(() -> model.evaluate(0, x, dx), 1);
                EulerMaruyama em = new EulerMaruyama(model, Diffusion.additive(0.5));
                SplittableRandom noise = new SplittableRandom(global.seed + 1);
                double run = best(() -> em.integrate(0, x.clone(), steps * 0.01, steps, noise, steps, StepObserver.NONE), steps);
                rows.add(row("rhs", kind, n, rhs));
                rows.add(row("em", kind, n, run));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine", "engram");
        out.put("java", System.getProperty("java.version"));
        out.put("p", p);
        out.put("steps", steps);
        out.put("results", rows);
        if (global.json) {
            System.out.println(Json.compact(out));
        } else {
            for (Object r : rows) {
                System.out.println(r);
            }
        }
        return EngramCli.OK;
    }

    private static Map<String, Object> row(String workload, String couplings, int n, double micros) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", workload);
        m.put("couplings", couplings);
        m.put("n", n);
        m.put("microsPerStep", micros);
        return m;
    }

    /** Best of five timed batches (after warm-up) of microseconds per step. */
    private static double best(Runnable body, int stepsPerCall) {
        int calls = 1;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 300_000_000L) {
            for (int k = 0; k < calls; k++) {
                body.run();
            }
            calls = Math.min(calls * 2, 1 << 20);
        }
        long budget = 200_000_000L;
        int batch = 1;
        long s = System.nanoTime();
        body.run();
        long one = Math.max(1, System.nanoTime() - s);
        batch = (int) Math.max(1, Math.min(1 << 20, budget / one));
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 5; rep++) {
            long a = System.nanoTime();
            for (int k = 0; k < batch; k++) {
                body.run();
            }
            best = Math.min(best, (System.nanoTime() - a) / 1e3 / batch / stepsPerCall);
        }
        return best;
    }
}
