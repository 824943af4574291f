package engram.cli;

import engram.activation.ActivationKind;
import engram.activation.Tanh;
import engram.analysis.Capacity;
import engram.analysis.MixedInputRetrieval;
import engram.analysis.PhaseDiagram;
import engram.claim.cases.Vectors;
import engram.integrate.Diffusion;
import engram.integrate.EnsembleEulerMaruyama;
import engram.integrate.EulerMaruyama;
import engram.integrate.StepObserver;
import engram.kernel.Kernels;
import engram.memory.FiringRateDesign;
import engram.memory.MemoryKind;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.HebbianSignNetwork;
import engram.model.InputDriven;
import engram.model.MixedInputs;
import engram.model.VoltageEnsemble;
import engram.model.VoltageModel;
import engram.network.Network;
import engram.network.NetworkSpec;
import engram.report.JsonFormat;
import engram.theorem.inputdriven.InputDrivenFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
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

    @Option(names = "--sizes", split = ",", defaultValue = "1024,2000", description = "Values of N, each in [P, 20000] "
            + "(default ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--p", defaultValue = "10", description = "Memories P, in [1, 1000] (default ${DEFAULT-VALUE}).")
    int p;

    @Option(names = "--steps", defaultValue = "1000", description = "Euler-Maruyama steps per run, in [1, 100000] (default "
            + "${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--sweep", description = "Also time the IDP paper's full noise sweep (6 sigmas x 2 models x 100 trials "
            + "x 3 inputs x 1000 steps at N = 1024), as engram idp-retrieval runs it.")
    boolean sweep;

    @Option(names = "--capacity", description = "Also time one asynchronous sweep of sign neurons at N = 20000, "
            + "P = 2800 (alpha = 0.14) from a random state, on one thread and two networks on two threads, and one "
            + "capacity trial (a network built and run from a memory to its fixed point).")
    boolean capacity;

    @Option(names = "--ensemble", description = "Also time Euler-Maruyama steps of ensembles of K = 64 trajectories "
            + "stepped together (low rank and dense, P memories), in microseconds per trajectory-step.")
    boolean ensemble;

    @Option(names = "--phase", description = "Also time fr-phase's grid (3600 cells x 6 memories, reduced), best of five "
            + "after warm-up, in microseconds per grid.")
    boolean phase;

    @Option(names = "--certify", description = "Also time engram certify against the floating-point check of the same "
            + "network, once each after a warm-up, in microseconds per network: dense Hebbian (N the largest of "
            + "--sizes, P = 20, tanh gain 4; certify against engram check) and low-rank IDP (10 N, P = 20, alphas 3 "
            + "down to 2.05; certify against idp-equilibria's closed forms, Newton and eigenvalues).")
    boolean certify;

    @Option(names = "--continue", description = "Also time pseudo-arclength continuation: one branch of 200 points of "
            + "the low-rank IDP network (N = 1024, P = 10), in microseconds per point (bench/continue_peer.py: numpy).")
    boolean continuation;

    @Option(names = "--basins", description = "Also time engram basins' integration: 512 states of the low-rank IDP "
            + "network (N = 1000, P = 10) integrated together in chunks of 2 tau (RK4) to 20 tau, converged states "
            + "leaving after each chunk, in microseconds per trajectory-step (bench/basins_peer.py: numpy).")
    boolean basins;

    @Override public Integer call() {
        Ranges.within("--p", p, 1, 1000);
        Ranges.within("--steps", steps, 1, 100_000);
        Ranges.eachWithin("--sizes", sizes, p, 20_000, 20);
        for (int n : sizes) {
            // every workload's network, refused before any timing if it does not fit (a dense W is N x N)
            NetworkSpec.builder().n(n).p(p).memories(MemoryKind.RANDOM).dense(true).build();
        }
        System.err.println("engram bench: " + sizes.size() + " sizes x (rhs, em, idp) workloads" + (ensemble ? " + ensembles" : "")
                + (capacity ? " + capacity" : "") + (phase ? " + fr-phase" : "") + (certify ? " + certify" : "") + (continuation ? " + continue" : "") + (basins ? " + basins" : "") + (sweep ? " + the IDP sweep" : "")
                + ", each timed by JMH (3 warm-up and 5 measured iterations)");
        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            for (boolean dense : new boolean[] {false, true}) {
                rows.addAll(voltageRows(n, dense));
            }
        }
        for (int n : sizes) {
            rows.add(new Row("idp-em", "lowrank", n, idpStep(n)));
        }
        if (ensemble) {
            for (int n : sizes) {
                for (boolean dense : new boolean[] {false, true}) {
                    rows.add(new Row("ens-em", dense ? "dense" : "lowrank", n, ensembleStep(n, 64, dense)));
                }
            }
        }
        rows.addAll(optionalRows());
        Double sweepSeconds = null;
        if (sweep) {
            long t0 = System.nanoTime();
            for (MixedInputRetrieval.Model m : MixedInputRetrieval.Model.values()) {
                for (double sigma : InputDrivenFamily.SIGMAS) {
                    MixedInputRetrieval.tally(m, MixedInputRetrieval.Settings.paper(sigma), 100, global.seed);
                }
            }
            sweepSeconds = (System.nanoTime() - t0) / 1e9;
        }
        Result out = new Result("engram", System.getProperty("java.version"), Kernels.get().name(), p, steps, rows,
                sweepSeconds);
        if (global.json) {
            System.out.println(JsonFormat.compact(out));
        } else {
            for (Row r : rows) {
                System.out.println(r);
            }
        }
        return EngramCli.OK;
    }

    /** The voltage model's right-hand side and Euler-Maruyama step at size n, low rank or dense. */
    private List<Row> voltageRows(int n, boolean dense) {
        SplittableRandom rng = new SplittableRandom(global.seed);
        Network net = NetworkSpec.builder().n(n).p(p).memories(MemoryKind.RANDOM)
                .activation(ActivationKind.TANH, 10, 0).zeroDiagonal(true).dense(dense).build().build(rng);
        String kind = dense ? "dense" : "lowrank";
        double[] x = Vectors.gaussian(n, 1, rng);
        double[] dx = new double[n];
        double rhs = best(() -> net.field().evaluate(0, x, dx), 1);
        EulerMaruyama em = new EulerMaruyama(net.field(), Diffusion.additive(0.5));
        SplittableRandom noise = new SplittableRandom(global.seed + 1);
        double run = best(() -> em.integrate(0, x.clone(), steps * 0.01, steps, noise, steps, StepObserver.NONE), steps);
        return List.of(new Row("rhs", kind, n, rhs), new Row("em", kind, n, run));
    }

    /** One timing: microseconds per step of a workload. */
    /** The rows of the workloads asked for by flag: capacity, fr-phase, continue, basins, certify. */
    private List<Row> optionalRows() {
        List<Row> rows = new ArrayList<>();
        if (capacity) {
            rows.addAll(capacityRows(20_000, 2_800));
        }
        if (phase) {
            double[] rhos = PhaseDiagram.rhos(PhaseDiagram.GRID);
            double[] ths = PhaseDiagram.thresholds(PhaseDiagram.GRID);
            rows.add(new Row("fr-phase", "reduced", 1000, best(() -> PhaseDiagram.compute(1000,
                    FiringRateDesign.REFERENCE_Q, rhos, ths), 1)));
        }
        if (continuation) {
            rows.addAll(ContinueBench.rows());
        }
        if (basins) {
            rows.addAll(BasinsBench.rows(global.seed));
        }
        if (certify) {
            rows.addAll(CertifyBench.rows(sizes.stream().mapToInt(Integer::intValue).max().orElse(2000), global.seed));
        }
        return rows;
    }

    record Row(String workload, String couplings, int n, double microsPerStep) {
    }

    /** The JSON output, the same shape as bench/peer.py's. */
    record Result(String engine, String java, String kernels, int p, int steps, List<Row> results, Double idpSweepSeconds) {
    }

    /**
     * Microseconds per Euler-Maruyama step of the IDP network as the experiments run it: P random memories, one of the
     * paper's mixed inputs (W(u) low rank, zero diagonal), tanh(10 x), sigma = 8, dt = 0.01, {@code steps} steps from
     * x0 ~ N(0, I) (the transient and the saturated regime).
     */
    private double idpStep(int n) {
        SplittableRandom rng = new SplittableRandom(global.seed);
        PatternSet xi = Patterns.randomBinary(n, p, rng);
        double[] u = MixedInputs.input(xi, MixedInputs.column(MixedInputs.paperWeights(p, 1, n, rng), p, 1, 0));
        VoltageModel model = InputDriven.model(1.0, xi, u, new Tanh(10), true);
        double[] x0 = Vectors.gaussian(n, 1, rng);
        EulerMaruyama em = new EulerMaruyama(model, Diffusion.additive(8));
        SplittableRandom noise = new SplittableRandom(global.seed + 2);
        return best(() -> em.integrate(0, x0.clone(), steps * 0.01, steps, noise, steps, StepObserver.NONE), steps);
    }

    /**
     * Microseconds per trajectory-step of K trajectories of the bench's voltage model (tanh(10 x), Hebbian zero
     * diagonal, sigma = 0.5, dt = 0.01) stepped together by {@link engram.integrate.EnsembleEulerMaruyama}.
     */
    private double ensembleStep(int n, int k, boolean dense) {
        SplittableRandom rng = new SplittableRandom(global.seed);
        Network net = NetworkSpec.builder().n(n).p(p).memories(MemoryKind.RANDOM)
                .activation(ActivationKind.TANH, 10, 0).zeroDiagonal(true).dense(dense).build().build(rng);
        VoltageEnsemble ens = new VoltageEnsemble((VoltageModel) net.field(), k);
        double[][] starts = new double[k][];
        RandomGenerator[] rngs = new RandomGenerator[k];
        for (int c = 0; c < k; c++) {
            starts[c] = Vectors.gaussian(n, 1, rng);
            rngs[c] = new SplittableRandom(global.seed + 10 + c);
        }
        double[] x0 = VoltageEnsemble.block(starts);
        EnsembleEulerMaruyama em = new EnsembleEulerMaruyama(ens, k, 0.5);
        int batch = 20;
        return best(() -> em.integrate(0, x0.clone(), batch * 0.01, batch, rngs), batch * k);
    }

    /**
     * Microseconds per asynchronous sweep (N units visited in random order, O(P) per field and per flip) from a fixed
     * random state: one network on one thread ("sign-sweep"), two networks on two threads per sweep each
     * ("sign-sweep-2x" is the wall time over 2), and a whole trial at the load ("sign-trial": memories drawn, run from
     * memory 0 to its fixed point).
     */
    private List<Row> capacityRows(int n, int pc) {
        SplittableRandom rng = new SplittableRandom(global.seed);
        HebbianSignNetwork[] nets = new HebbianSignNetwork[2];
        double[][] start = new double[2][n];
        for (int k = 0; k < 2; k++) {
            nets[k] = new HebbianSignNetwork(n, pc, HebbianSignNetwork.randomMemories(n, pc, rng));
            for (int i = 0; i < n; i++) {
                start[k][i] = rng.nextBoolean() ? 1 : -1;
            }
        }
        SplittableRandom order = new SplittableRandom(global.seed + 3);
        double one = best(() -> nets[0].run(start[0].clone(), order, 1), 1);
        double two = best(() -> IntStream.range(0, 2).parallel()
                .forEach(k -> nets[k].run(start[k].clone(), new SplittableRandom(k), 1)), 2);
        double trial = best(() -> Capacity.sign(n, pc / (double) n, 1, 0, global.seed, false), 1);
        return List.of(new Row("sign-sweep", "overlaps", n, one), new Row("sign-sweep-2x", "overlaps", n, two),
                new Row("sign-trial", "overlaps", n, trial));
    }

    /** Microseconds per step of a workload, timed by JMH ({@link TimedBody}). */
    private static double best(Runnable body, int stepsPerCall) {
        return TimedBody.time(body, stepsPerCall);
    }
}
