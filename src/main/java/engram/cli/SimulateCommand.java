package engram.cli;

import engram.activation.ActivationKind;
import engram.analysis.Measurements;
import engram.memory.MemoryKind;
import engram.network.CouplingRule;
import engram.network.Integration;
import engram.network.IntegratorKind;
import engram.network.ModelKind;
import engram.network.Network;
import engram.network.NetworkSpec;
import engram.report.AtomicFiles;
import engram.report.Csv;
import engram.report.JsonFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram simulate}: build a network from a {@link NetworkSpec}, run it with an {@link Integration}, and write a
 * CSV of time, energy, overlaps with the memories and, optionally, the state. Every option can also come from
 * {@code --params FILE} (a properties file whose keys are the long option names without dashes); flags on the
 * command line win.
 */
@Command(name = "simulate", description = "Integrate a model and write a CSV trace.", sortOptions = false)
final class SimulateCommand implements Callable<Integer> {

    private static final NetworkSpec D = NetworkSpec.DEFAULT;

    /**
     * Rise of the energy between samples (relative to 1 + |E(0)|) still reported as non-increasing: the integrators'
     * own error. The claims judge energy descent with the oracle; this is a summary for the user's run.
     */
    static final double ENERGY_TOLERANCE = 1e-9;

    @Mixin GlobalOptions global;

    @Option(names = "--params", description = "Properties file with defaults for the options below.")
    Path params;

    @Option(names = "--model", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ModelKind model = D.model();

    @Option(names = "--n", description = "Neurons N (default ${DEFAULT-VALUE}).")
    int n = D.n();

    @Option(names = "--p", description = "Memories P (default ${DEFAULT-VALUE}; balanced: floor(1+1/q)).")
    int p = D.p();

    @Option(names = "--patterns", description = "${COMPLETION-CANDIDATES}: +-1 random or Hadamard; 0/1 sparse, balanced "
            + "(common-core) or correlated (default ${DEFAULT-VALUE}).")
    MemoryKind patterns = D.memories();

    @Option(names = "--q", description = "Activity of 0/1 patterns, in (0,1) (default ${DEFAULT-VALUE}).")
    double q = D.q();

    @Option(names = "--r", description = "Co-activity of correlated patterns, in [0,1) (default ${DEFAULT-VALUE}).")
    double r = D.r();

    @Option(names = "--design", description = "${COMPLETION-CANDIDATES}: Hebbian (covariance rule for 0/1 memories) or "
            + "the firing-rate design with --a, --b (default ${DEFAULT-VALUE}).")
    CouplingRule design = D.design();

    @Option(names = "--a", description = "fr design: target field of silent units (default ${DEFAULT-VALUE}).")
    double a = D.a();

    @Option(names = "--b", description = "fr design: target field of active units, > a (default ${DEFAULT-VALUE}).")
    double b = D.b();

    @Option(names = "--activation", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ActivationKind activation = D.activation();

    @Option(names = "--gain", description = "Gain or slope rho, > 0 (default ${DEFAULT-VALUE}).")
    double gain = D.gain();

    @Option(names = "--threshold", description = "Threshold I* (default ${DEFAULT-VALUE}).")
    double threshold = D.threshold();

    @Option(names = "--tau", description = "Time constant, > 0 (default ${DEFAULT-VALUE}).")
    double tau = D.tau();

    @Option(names = "--input-pattern", description = "Memory whose direction the constant input u takes, -1 for u = 0 "
            + "(default ${DEFAULT-VALUE}).")
    int inputPattern = D.inputPattern();

    @Option(names = "--input-strength", description = "|u| per unit (default ${DEFAULT-VALUE}).")
    double inputStrength = D.inputStrength();

    @Option(names = "--mixtures", description = "idp, classic: run through K of the IDP paper's mixed inputs (memory j "
            + "dominant in input j), each for --t; 0 for the constant input (default ${DEFAULT-VALUE}).")
    int mixtures = D.mixtures();

    @Option(names = "--beta", description = "modern: inverse temperature of xdot = -x + Xi softmax(beta Xi^T x) "
            + "(default ${DEFAULT-VALUE}).")
    double beta = D.beta();

    @Option(names = "--sigma", defaultValue = "0", description = "Additive noise, >= 0; needs --integrator em (default ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--integrator", defaultValue = "rk4", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    IntegratorKind integrator;

    @Option(names = "--tol", defaultValue = "1e-6", description = "Tolerance of the adaptive integrator (default ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--t", defaultValue = "10", description = "Final time T, > 0 (default ${DEFAULT-VALUE}).")
    double t;

    @Option(names = "--dt", defaultValue = "0.01", description = "Step (fixed-step, em) and sampling interval, in (0, T] (default ${DEFAULT-VALUE}).")
    double dt;

    @Option(names = "--sample-every", defaultValue = "10", description = "Write every k-th step (default ${DEFAULT-VALUE}).")
    int sampleEvery;

    @Option(names = "--cue", defaultValue = "0", description = "Memory used as the initial cue, -1 for a random start (default ${DEFAULT-VALUE}).")
    int cue;

    @Option(names = "--cue-noise", defaultValue = "0.2", description = "Fraction of cue units corrupted, in [0, 1] (default ${DEFAULT-VALUE}).")
    double cueNoise;

    @Option(names = "--zero-diagonal", arity = "1", description = "Remove self-couplings (default ${DEFAULT-VALUE}).")
    boolean zeroDiagonal = D.zeroDiagonal();

    @Option(names = "--state", description = "Also write the state x_1..x_N.")
    boolean state;

    @Option(names = "--out", defaultValue = "simulation.csv", description = "CSV path (default ${DEFAULT-VALUE}).")
    Path out;

    /** The JSON summary (the keys are the command's contract). */
    record Summary(String model, int n, int p, String patterns, String design, String activation, String integrator,
            long seed, double t, int samples, double initialEnergy, double finalEnergy, Boolean energyNonIncreasing,
            List<Double> finalOverlaps, int retrieved, String csv, double seconds) {
    }

    @Override public Integer call() throws IOException {
        engram.report.AtomicFiles.checkFile(out, "--out");
        NetworkSpec spec = new NetworkSpec(model, n, p, patterns, q, r, design, a, b, activation, gain, threshold, tau,
                zeroDiagonal, false, inputPattern, inputStrength, mixtures, beta);
        Integration run = new Integration(integrator, t, dt, tol, sigma, sampleEvery);
        long started = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(global.seed);
        Network net = spec.build(rng);
        double[] x0 = net.initialState(cue, cueNoise, rng);
        int pp = net.p();
        List<double[]> rows = new ArrayList<>();
        double[] overlaps = new double[pp];
        run.run(net, x0, rng, (time, x) -> {
            net.overlaps(x, overlaps);
            double[] row = new double[2 + pp + (state ? n : 0)];
            row[0] = time;
            row[1] = net.energy(x);
            System.arraycopy(overlaps, 0, row, 2, pp);
            if (state) {
                System.arraycopy(x, 0, row, 2 + pp, n);
            }
            rows.add(row);
        });
        List<String> header = new ArrayList<>(List.of("t", "energy"));
        for (int mu = 0; mu < pp; mu++) {
            header.add("m" + (mu + 1));
        }
        for (int i = 0; state && i < n; i++) {
            header.add("x" + (i + 1));
        }
        AtomicFiles.write(out, Csv.write(header, rows));
        double[] first = rows.get(0), last = rows.get(rows.size() - 1);
        double[] times = rows.stream().mapToDouble(row -> row[0]).toArray();
        double[] energies = rows.stream().mapToDouble(row -> row[1]).toArray();
        boolean monotone = !(Measurements.largestRise(times, energies).relative() > ENERGY_TOLERANCE);
        int best = 0;
        List<Double> fin = new ArrayList<>();
        for (int mu = 0; mu < pp; mu++) {
            fin.add(last[2 + mu]);
            if (Math.abs(last[2 + mu]) > Math.abs(last[2 + best])) {
                best = mu;
            }
        }
        Summary s = new Summary(model.toString(), n, pp, patterns.toString(), design.toString(), net.activation().name(),
                run.label(net), global.seed, last[0], rows.size(), first[1], last[1],
                Double.isNaN(first[1]) || sigma > 0 || net.segments() > 1 ? null : monotone, fin, best, out.toString(),
                (System.nanoTime() - started) / 1e9);
        if (global.json) {
            System.out.println(JsonFormat.compact(s));
        } else {
            System.out.printf(Locale.ROOT, "%s model, N=%d, P=%d, %s, T=%.3g: energy %.6g -> %.6g, overlap with memory %d = %.4f; wrote %s%n",
                    model, n, pp, s.integrator(), last[0], first[1], last[1], best, last[2 + best], out);
        }
        return EngramCli.OK;
    }
}
