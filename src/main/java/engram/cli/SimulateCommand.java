package engram.cli;

import engram.activation.ActivationKind;
import engram.kernel.Norms;
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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    /** Values of the CSV above which the run is refused: about 20 GB of text. */
    static final long MAX_CSV_VALUES = 1_000_000_000L;

    /** A state this large is taken as divergence (an explicit step too long for the network, an exploding activation). */
    static final double DIVERGED = 1e100;

    @Spec CommandSpec commandSpec;

    @Override public Integer call() throws IOException {
        AtomicFiles.checkFile(FileOptions.file(commandSpec, "--out", out), "--out");
        NetworkSpec spec = new NetworkSpec(model, n, p, patterns, q, r, design, a, b, activation, gain, threshold, tau,
                zeroDiagonal, false, inputPattern, inputStrength, mixtures, beta);
        Integration run = new Integration(integrator, t, dt, tol, sigma, sampleEvery);
        refuseWhatDoesNotApply();
        if (model != ModelKind.DISCRETE && dt / tau > integrator.decayStabilityLimit()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--dt %s is too long for --tau %s: %s is "
                    + "unstable for dt / tau above %s (every state would blow up); choose --dt below %.3g or "
                    + "--integrator adaptive", dt, tau, integrator, integrator.decayStabilityLimit(),
                    integrator.decayStabilityLimit() * tau));
        }
        long started = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(global.seed);
        Network net = spec.build(rng);
        int columns = checkedColumns(net);
        double[] x0 = net.initialState(cue, cueNoise, rng);
        Trace trace = writeTrace(net, run, x0, rng, columns);
        int pp = net.p();
        int best = 0;
        List<Double> fin = new ArrayList<>();
        for (int mu = 0; mu < pp; mu++) {
            fin.add(trace.lastOverlaps[mu]);
            if (Math.abs(trace.lastOverlaps[mu]) > Math.abs(trace.lastOverlaps[best])) {
                best = mu;
            }
        }
        boolean monotone = !(trace.largestRise() > ENERGY_TOLERANCE);
        Summary s = new Summary(model.toString(), n, pp, patterns.toString(), design.toString(), net.activation().name(),
                run.label(net), global.seed, trace.lastTime, trace.samples, trace.firstEnergy, trace.lastEnergy,
                Double.isNaN(trace.firstEnergy) || sigma > 0 || net.segments() > 1 ? null : monotone, fin, best,
                out.toString(), (System.nanoTime() - started) / 1e9);
        if (global.json) {
            System.out.println(JsonFormat.compact(s));
        } else {
            System.out.printf(Locale.ROOT, "%s model, N=%d, P=%d, %s, T=%.3g: energy %.6g -> %.6g, overlap with memory %d = %.4f; wrote %s%n",
                    model, n, pp, s.integrator(), trace.lastTime, trace.firstEnergy, trace.lastEnergy, best,
                    trace.lastOverlaps[best], out);
        }
        return EngramCli.OK;
    }

    /** The CSV's columns (t, energy, overlaps, the state with --state), refused when the file would be too large. */
    private int checkedColumns(Network net) {
        long samples = model == ModelKind.DISCRETE ? 2 : net.segments() * (Math.round(t / dt) / sampleEvery + 2);
        long columns = 2 + net.p() + (state ? n : 0);
        if (samples > MAX_CSV_VALUES / columns) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the CSV would hold about %,d values (%,d "
                    + "samples x %,d columns), more than %,d; raise --sample-every or drop --state", samples * columns,
                    samples, columns, MAX_CSV_VALUES));
        }
        return (int) columns;
    }

    /** Runs the network and streams every sample to the CSV (atomically), stopping at divergence; returns the trace. */
    private Trace writeTrace(Network net, Integration run, double[] x0, SplittableRandom rng, int columns)
            throws IOException {
        int pp = net.p();
        List<String> header = new ArrayList<>(List.of("t", "energy"));
        for (int mu = 0; mu < pp; mu++) {
            header.add("m" + (mu + 1));
        }
        for (int i = 0; state && i < n; i++) {
            header.add("x" + (i + 1));
        }
        Trace trace = new Trace(pp);
        double total = model == ModelKind.DISCRETE ? 1 : t * net.segments();
        Progress progress = new Progress("simulate");
        AtomicFiles.write(out, stream -> {
            try (Csv.RowWriter csv = Csv.rows(header, stream)) {
                double[] overlaps = new double[pp];
                double[] row = new double[columns];
                run.run(net, x0, rng, (time, x) -> {
                    net.overlaps(x, overlaps);
                    double energy = net.energy(x);
                    double size = Norms.maxAbs(x);
                    if (!(size <= DIVERGED)) {
                        throw new Diverged(time, size);
                    }
                    row[0] = time;
                    row[1] = energy;
                    System.arraycopy(overlaps, 0, row, 2, pp);
                    if (state) {
                        System.arraycopy(x, 0, row, 2 + pp, n);
                    }
                    try {
                        csv.row(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    trace.add(time, energy, overlaps);
                    progress.at(time / total, String.format(Locale.ROOT, "t = %.4g of %.4g", time, total));
                });
            } catch (Diverged d) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the run diverged: %s at t = %.4g (with "
                        + "--integrator %s, --dt %s, --tau %s, --activation %s, --gain %s); nothing was written",
                        Double.isNaN(d.size) ? "the state became NaN" : String.format(Locale.ROOT, "|x| reached %.3g",
                                d.size), d.time, integrator, dt, tau, net.activation().name(), gain));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return trace;
    }

    /**
     * The discrete model runs asynchronous sign updates for a budget of sweeps: an integrator, a step, a tolerance, a
     * noise level or a sampling interval given on the command line would be silently ignored, so they are refused.
     */
    private void refuseWhatDoesNotApply() {
        if (model != ModelKind.DISCRETE) {
            return;
        }
        var parsed = commandSpec.commandLine().getParseResult();
        List<String> given = new ArrayList<>();
        for (String option : List.of("--integrator", "--dt", "--tol", "--sigma", "--sample-every")) {
            if (parsed.hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + (given.size() > 1 ? " do" : " does")
                    + " not apply to --model discrete (asynchronous sign updates; --t is its budget of sweeps)");
        }
    }

    /** Where a run left the finite numbers. */
    private static final class Diverged extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double time;
        final double size;

        Diverged(double time, double size) {
            super(null, null, false, false);
            this.time = time;
            this.size = size;
        }
    }

    /** What the summary needs of the trace, kept while the rows stream to the file. */
    private static final class Trace {
        int samples;
        double lastTime;
        double firstEnergy = Double.NaN;
        double lastEnergy = Double.NaN;
        double worstRise = Double.NEGATIVE_INFINITY;
        final double[] lastOverlaps;

        Trace(int p) {
            lastOverlaps = new double[p];
        }

        void add(double time, double energy, double[] overlaps) {
            if (samples == 0) {
                firstEnergy = energy;
            } else {
                worstRise = Math.max(worstRise, (energy - lastEnergy) / (1 + Math.abs(firstEnergy)));
            }
            samples++;
            lastTime = time;
            lastEnergy = energy;
            System.arraycopy(overlaps, 0, lastOverlaps, 0, overlaps.length);
        }

        /** The largest rise between consecutive samples, relative to 1 + |E(0)| (as Measurements.largestRise). */
        double largestRise() {
            return worstRise;
        }
    }
}
