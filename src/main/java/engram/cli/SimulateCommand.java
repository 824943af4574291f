package engram.cli;

import engram.activation.Activation;
import engram.activation.Activations;
import engram.integrate.DormandPrince54;
import engram.integrate.EulerMaruyama;
import engram.integrate.Diffusion;
import engram.integrate.FixedStepMethod;
import engram.integrate.StepObserver;
import engram.integrate.Trajectory;
import engram.memory.Couplings;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.DiscreteHopfield;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.VectorField;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import engram.report.AtomicFiles;
import engram.report.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram simulate}: integrate one model and write a CSV of time, energy, overlaps with the memories and,
 * optionally, the state. Every option can also come from {@code --params FILE} (a properties file whose keys are
 * the long option names without dashes); flags on the command line win.
 */
@Command(name = "simulate", description = "Integrate a model and write a CSV trace.", sortOptions = false)
final class SimulateCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Option(names = "--params", description = "Properties file with defaults for the options below.")
    Path params;

    @Option(names = "--model", defaultValue = "voltage", description = "voltage | rate | discrete (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--n", defaultValue = "100", description = "Neurons N (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--p", defaultValue = "3", description = "Memories P (default ${DEFAULT-VALUE}; balanced: floor(1+1/q)).")
    int p;

    @Option(names = "--patterns", defaultValue = "random",
            description = "random (+-1) | hadamard (+-1) | sparse (0/1) | balanced (0/1 common-core) (default ${DEFAULT-VALUE}).")
    String patterns;

    @Option(names = "--q", defaultValue = "0.2", description = "Activity of 0/1 patterns, in (0,1) (default ${DEFAULT-VALUE}).")
    double q;

    @Option(names = "--r", defaultValue = "0.5", description = "Co-activity of correlated patterns, in [0,1) (default ${DEFAULT-VALUE}).")
    double r;

    @Option(names = "--design", defaultValue = "hebbian",
            description = "hebbian (covariance rule for 0/1 memories) | fr (the firing-rate design with --a, --b) (default ${DEFAULT-VALUE}).")
    String design;

    @Option(names = "--a", defaultValue = "-0.3", description = "fr design: target field of silent units (default ${DEFAULT-VALUE}).")
    double a;

    @Option(names = "--b", defaultValue = "0.95", description = "fr design: target field of active units, > a (default ${DEFAULT-VALUE}).")
    double b;

    @Option(names = "--activation", defaultValue = "tanh",
            description = "tanh | logistic | rectified-tanh | relu | sign (default ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--gain", defaultValue = "2", description = "Gain or slope rho, > 0 (default ${DEFAULT-VALUE}).")
    double gain;

    @Option(names = "--threshold", defaultValue = "0", description = "Threshold I* (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--tau", defaultValue = "1", description = "Time constant, > 0 (default ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--input-pattern", defaultValue = "-1",
            description = "Memory whose direction the constant input u takes, -1 for u = 0 (default ${DEFAULT-VALUE}).")
    int inputPattern;

    @Option(names = "--input-strength", defaultValue = "0.5", description = "|u| per unit (default ${DEFAULT-VALUE}).")
    double inputStrength;

    @Option(names = "--sigma", defaultValue = "0", description = "Additive noise, >= 0; needs --integrator em (default ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--integrator", defaultValue = "rk4",
            description = "euler | rk4 | adaptive | em | dp853 | gbs (default ${DEFAULT-VALUE}).")
    String integrator;

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

    @Option(names = "--cue-noise", defaultValue = "0.2",
            description = "Fraction of cue units corrupted, in [0, 1] (default ${DEFAULT-VALUE}).")
    double cueNoise;

    @Option(names = "--zero-diagonal", defaultValue = "true", arity = "1",
            description = "Remove self-couplings (default ${DEFAULT-VALUE}).")
    boolean zeroDiagonal;

    @Option(names = "--state", description = "Also write the state x_1..x_N.")
    boolean state;

    @Option(names = "--out", defaultValue = "simulation.csv", description = "CSV path (default ${DEFAULT-VALUE}).")
    Path out;

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private void validate() {
        require(List.of("voltage", "rate", "discrete").contains(model), "--model must be voltage, rate or discrete, got '" + model + "'");
        require(n >= 1 && n <= 1_000_000, "--n must be in [1, 1000000], got " + n);
        require(List.of("random", "hadamard", "sparse", "balanced", "correlated").contains(patterns),
                "--patterns must be random, hadamard, sparse, balanced or correlated, got '" + patterns + "'");
        require(r >= 0 && r < 1, "--r must be in [0, 1), got " + r);
        require(List.of("hebbian", "fr").contains(design), "--design must be hebbian or fr, got '" + design + "'");
        require(design.equals("hebbian") || !binary(), "--design fr needs 0/1 memories: --patterns sparse, balanced or correlated");
        require(design.equals("hebbian") || model.equals("rate"), "--design fr needs --model rate");
        require(a < b, "--a must be below --b, got a=" + a + ", b=" + b);
        require(p >= 1 && p <= n, "--p must be in [1, n=" + n + "], got " + p);
        require(q > 0 && q < 1, "--q must be in (0, 1), got " + q);
        require(gain > 0 && Double.isFinite(gain), "--gain must be finite and > 0, got " + gain);
        require(Double.isFinite(threshold), "--threshold must be finite, got " + threshold);
        require(tau > 0 && Double.isFinite(tau), "--tau must be finite and > 0, got " + tau);
        require(sigma >= 0 && Double.isFinite(sigma), "--sigma must be finite and >= 0, got " + sigma);
        require(List.of("euler", "rk4", "adaptive", "em", "dp853", "gbs").contains(integrator),
                "--integrator must be euler, rk4, adaptive, em, dp853 or gbs, got '" + integrator + "'");
        require(sigma == 0 || integrator.equals("em"), "--sigma > 0 needs --integrator em (got " + integrator + ")");
        require(tol > 0 && tol < 1, "--tol must be in (0, 1), got " + tol);
        require(t > 0 && Double.isFinite(t), "--t must be finite and > 0, got " + t);
        require(dt > 0 && dt <= t, "--dt must be in (0, T=" + t + "], got " + dt);
        require(t / dt <= 1e8, "--t / --dt must be at most 1e8 steps, got " + (long) (t / dt));
        require(sampleEvery >= 1, "--sample-every must be >= 1, got " + sampleEvery);
        require(cueNoise >= 0 && cueNoise <= 1, "--cue-noise must be in [0, 1], got " + cueNoise);
    }

    private boolean binary() {
        return patterns.equals("random") || patterns.equals("hadamard");
    }

    private PatternSet patterns(SplittableRandom rng) {
        return switch (patterns) {
            case "random" -> Patterns.randomBinary(n, p, rng);
            case "hadamard" -> Patterns.hadamard(n, p);
            case "sparse" -> Patterns.sparse(n, p, q, rng);
            case "correlated" -> Patterns.correlated(n, p, q, r);
            default -> Patterns.commonCore(n, q);
        };
    }

    /** Hebbian (1/N) Xi Xi^T for +-1 memories; covariance rule (Xi - q)(Xi - q)^T / (N q (1-q)) for 0/1 memories. */
    private Couplings couplings(PatternSet xi, engram.activation.Activation psi) {
        if (design.equals("fr")) {
            double co = patterns.equals("correlated") ? r : q;
            return new engram.memory.FiringRateDesign(xi, psi, a, b, q, co).couplings();
        }
        if (binary()) {
            return LowRankCouplings.hebbian(xi, zeroDiagonal);
        }
        double[] f = xi.data().clone();
        for (int k = 0; k < f.length; k++) {
            f[k] -= q;
        }
        double[] ones = new double[xi.p()];
        java.util.Arrays.fill(ones, 1.0);
        return new LowRankCouplings(xi.n(), xi.p(), f, ones, 1.0 / (xi.n() * q * (1 - q)), zeroDiagonal);
    }

    @Override public Integer call() throws IOException {
        validate();
        long started = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(global.seed);
        PatternSet xi = patterns(rng);
        int pp = xi.p();
        require(inputPattern >= -1 && inputPattern < pp, "--input-pattern must be in [-1, " + (pp - 1) + "], got " + inputPattern);
        require(cue >= -1 && cue < pp, "--cue must be in [-1, " + (pp - 1) + "], got " + cue);
        Activation psi = model.equals("discrete") ? Activations.of("sign", 1, 0) : Activations.of(activation, gain, threshold);
        Couplings w = couplings(xi, psi);
        double[] u = new double[n];
        if (inputPattern >= 0) {
            for (int i = 0; i < n; i++) {
                u[i] = inputStrength * (binary() ? xi.get(i, inputPattern) : xi.get(i, inputPattern) - q);
            }
        }
        double[] x0 = initialState(xi, rng);
        List<double[]> rows = new ArrayList<>();
        double[] overlaps = new double[pp];
        double[] buffer = new double[n];
        Trace trace = new Trace(xi, psi, rows, overlaps, buffer);
        if (model.equals("discrete")) {
            for (int i = 0; i < n; i++) {
                x0[i] = x0[i] >= (binary() ? 0 : 0.5) ? 1 : -1;
            }
            DiscreteHopfield hop = new DiscreteHopfield(w);
            trace.energy = hop::energy;
            trace.observe(0, x0);
            DiscreteHopfield.Run run = hop.run(x0, rng, (int) Math.max(1, Math.round(t)));
            trace.observe(run.sweeps(), x0);
        } else {
            VectorField f;
            if (model.equals("voltage")) {
                VoltageModel vm = new VoltageModel(tau, w, psi, Input.constant(u));
                trace.energy = vm::energy;
                f = vm;
            } else {
                FiringRateModel fm = new FiringRateModel(tau, w, psi, Input.constant(u));
                trace.energy = psi.bounded() && psi.rangeMin() >= 0 || psi.name().equals("relu") ? fm::energy : x -> Double.NaN;
                f = fm;
            }
            int steps = (int) Math.round(t / dt);
            switch (integrator) {
                case "euler", "rk4" -> FixedStepMethod.of(integrator, n).integrate(f, 0, x0, t, steps, sampleEvery, trace);
                case "em" -> new EulerMaruyama(f, Diffusion.additive(sigma)).integrate(0, x0, t, steps, rng, sampleEvery, trace);
                case "adaptive" -> new DormandPrince54(n, tol, tol).integrate(f, 0, x0, t, trace);
                default -> {
                    Oracle o = integrator.equals("dp853") ? Oracle.dp853() : Oracle.gbs();
                    Trajectory tr = o.sample(f, 0, x0, t, dt * sampleEvery);
                    tr.forEach(trace);
                }
            }
        }
        writeCsv(rows, pp);
        double[] last = rows.get(rows.size() - 1);
        boolean monotone = true;
        for (int k = 1; k < rows.size(); k++) {
            monotone &= !(rows.get(k)[1] > rows.get(k - 1)[1] + 1e-9 * (1 + Math.abs(rows.get(0)[1])));
        }
        int best = 0;
        for (int mu = 1; mu < pp; mu++) {
            if (Math.abs(last[2 + mu]) > Math.abs(last[2 + best])) {
                best = mu;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", model);
        summary.put("n", n);
        summary.put("p", pp);
        summary.put("patterns", patterns);
        summary.put("design", design);
        summary.put("activation", psi.name());
        summary.put("integrator", model.equals("discrete") ? "asynchronous" : integrator);
        summary.put("seed", global.seed);
        summary.put("t", last[0]);
        summary.put("samples", rows.size());
        summary.put("initialEnergy", rows.get(0)[1]);
        summary.put("finalEnergy", last[1]);
        summary.put("energyNonIncreasing", Double.isNaN(rows.get(0)[1]) || sigma > 0 ? null : monotone);
        List<Double> fin = new ArrayList<>();
        for (int mu = 0; mu < pp; mu++) {
            fin.add(last[2 + mu]);
        }
        summary.put("finalOverlaps", fin);
        summary.put("retrieved", best);
        summary.put("csv", out.toString());
        summary.put("seconds", (System.nanoTime() - started) / 1e9);
        if (global.json) {
            System.out.println(Json.compact(summary));
        } else {
            System.out.printf(Locale.ROOT, "%s model, N=%d, P=%d, %s, T=%.3g: energy %.6g -> %.6g, overlap with memory %d = %.4f; wrote %s%n",
                    model, n, pp, summary.get("integrator"), last[0], rows.get(0)[1], last[1], best, last[2 + best], out);
        }
        return EngramCli.OK;
    }

    private double[] initialState(PatternSet xi, SplittableRandom rng) {
        double[] x0 = new double[n];
        if (cue < 0) {
            for (int i = 0; i < n; i++) {
                x0[i] = binary() ? rng.nextGaussian() : rng.nextDouble();
            }
            return x0;
        }
        for (int i = 0; i < n; i++) {
            double v = xi.get(i, cue);
            if (binary()) {
                x0[i] = rng.nextDouble() < cueNoise ? -v : v;
            } else {
                x0[i] = v == 1 && rng.nextDouble() < cueNoise ? 0 : v;
            }
        }
        return x0;
    }

    private void writeCsv(List<double[]> rows, int pp) throws IOException {
        StringBuilder sb = new StringBuilder("t,energy");
        for (int mu = 0; mu < pp; mu++) {
            sb.append(",m").append(mu + 1);
        }
        if (state) {
            for (int i = 0; i < n; i++) {
                sb.append(",x").append(i + 1);
            }
        }
        sb.append('\n');
        for (double[] r : rows) {
            for (int k = 0; k < r.length; k++) {
                if (k > 0) {
                    sb.append(',');
                }
                sb.append(r[k]);
            }
            sb.append('\n');
        }
        AtomicFiles.write(out, sb.toString());
    }

    /** Turns observed states into CSV rows: t, energy, overlaps and (optionally) the state. */
    private final class Trace implements StepObserver {
        private final PatternSet xi;
        private final Activation psi;
        private final List<double[]> rows;
        private final double[] overlaps;
        private final double[] buffer;
        java.util.function.ToDoubleFunction<double[]> energy;

        Trace(PatternSet xi, Activation psi, List<double[]> rows, double[] overlaps, double[] buffer) {
            this.xi = xi;
            this.psi = psi;
            this.rows = rows;
            this.overlaps = overlaps;
            this.buffer = buffer;
        }

        /**
         * Overlaps: {@code xi_mu . psi(x) / N} for +-1 memories (voltage), {@code xi_mu . s / N} (discrete),
         * {@code xi_mu . r / (N q)} for 0/1 memories (rates).
         */
        @Override public void observe(double time, double[] x) {
            if (model.equals("voltage")) {
                psi.apply(x, buffer);
            } else {
                System.arraycopy(x, 0, buffer, 0, n);
            }
            xi.projectOnto(buffer, overlaps);
            double norm = binary() ? n : n * q;
            double[] row = new double[2 + overlaps.length + (state ? n : 0)];
            row[0] = time;
            row[1] = energy.applyAsDouble(x);
            for (int mu = 0; mu < overlaps.length; mu++) {
                row[2 + mu] = overlaps[mu] / norm;
            }
            if (state) {
                System.arraycopy(x, 0, row, 2 + overlaps.length, n);
            }
            rows.add(row);
        }
    }
}
