package engram.theorem.inputdriven;

import engram.activation.Activation;
import engram.activation.Tanh;
import engram.analysis.IdpEquilibria;
import engram.analysis.MixedInputRetrieval.Model;
import engram.analysis.MixedInputRetrieval.Settings;
import engram.analysis.MixedInputRetrieval.Tally;
import engram.analysis.MixedInputRetrieval;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.figure.Figure;
import engram.figure.HeatMap;
import engram.figure.Plot;
import engram.integrate.Trajectory;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.InputDriven;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The input-driven plasticity family (Betteti, Baggio, Bullo and Zampieri, Science Advances 2025; theory.md section 3)
 * and its modern Hopfield link (Ramsauer et al. 2020): energies, equilibria along orthogonal memories, retrieval of
 * mixed inputs with and without noise, and the two-layer network both are limits of.
 */
public final class InputDrivenFamily implements ClaimFamily {

    /** Trials per noise level in the report's accuracy figure (the CLI's idp-retrieval runs the paper's 100). */
    public static final int FIGURE_TRIALS = 10;
    /** The noise levels of the accuracy figure and of idp-retrieval. */
    public static final double[] SIGMAS = {0, 0.5, 1, 2, 4, 8};

    @Override public String name() { return "inputdriven"; }

    @Override public String title() { return "Input-driven plasticity and modern Hopfield networks (Betteti et al. 2025)"; }

    @Override public List<Claim<?>> claims() {
        return List.of(new IdpEnergyMonotoneClaim(), new IdpOrthogonalEquilibriaClaim(), new IdpEnergyOrderingClaim(),
                new IdpMixedRetrievalClaim(), new IdpNoiseRobustnessClaim(), new IdpTwoLayerLimitClaim(),
                new ModernEnergyMonotoneClaim(), new ModernOneStepRetrievalClaim(), new ModernFlowEnergyClaim());
    }

    @Override public List<Figure> figures(long seed) {
        return List.of(energySwitching(seed), landscape(), overlapTraces(Model.IDP, seed), overlapTraces(Model.CLASSIC, seed),
                accuracy(seed, FIGURE_TRIALS), regions());
    }

    /** The three-input experiment of the paper at N = 128 without noise, integrated by DP853, one series per input. */
    static Figure energySwitching(long seed) {
        Settings s = new Settings(128, 4, 3, 0.01, 10, 10, 0);
        MixedInputRetrieval.Trial trial = MixedInputRetrieval.Trial.draw(s, seed);
        Activation psi = new Tanh(s.gain());
        double[] x = trial.start().clone();
        List<Plot.Series> series = new ArrayList<>();
        for (int j = 0; j < s.inputs(); j++) {
            VoltageModel model = InputDriven.model(1.0, trial.memories(), trial.input(s, j), psi, true);
            Trajectory tr = Oracle.dp853().sample(model, 0, x, s.duration(), 0.05);
            double[] t = new double[tr.size()], e = new double[tr.size()];
            for (int k = 0; k < tr.size(); k++) {
                t[k] = j * s.duration() + tr.time(k);
                e[k] = model.energy(tr.state(k)) / s.n();
            }
            x = tr.last();
            series.add(Plot.Series.line("input " + (j + 1) + " (memory " + (j + 1) + " dominant)", t, e));
        }
        return new Plot("idp-energy.png", "IDP energy per neuron E_u(x(t)) / N, with u the input in force, along a DP853 "
                + "trajectory through three mixed inputs (N = 128, P = 4, tanh(10x), no noise): it never increases while "
                + "u is fixed (claim idp.energy-monotone) and jumps when u switches, because W(u) and with it the landscape "
                + "change.", "IDP energy while the input switches", "t", "E / N", false, false, series);
    }

    /**
     * The landscape each input makes: energy per neuron at {@code c ((1 - s) xi_1 + s xi_2)} for s in [0, 1], c = 1, for
     * three inputs that weight memories 1 and 2 differently (Hadamard memories, N = 64, tanh(2x)).
     */
    static Figure landscape() {
        int n = 64;
        PatternSet xi = Patterns.hadamard(n, 2);
        Activation psi = new Tanh(2);
        double[][] alphas = {{2.5, 1.0}, {1.5, 1.5}, {1.0, 2.5}};
        List<Plot.Series> series = new ArrayList<>();
        int points = 101;
        for (double[] a : alphas) {
            VoltageModel model = InputDriven.withAlpha(1.0, xi, a, psi, false);
            double c1 = IdpEquilibria.amplitude(psi, a[0]), c2 = IdpEquilibria.amplitude(psi, a[1]);
            double[] s = new double[points], e = new double[points];
            double[] x = new double[n];
            for (int k = 0; k < points; k++) {
                s[k] = k / (points - 1.0);
                for (int i = 0; i < n; i++) {
                    x[i] = (1 - s[k]) * c1 * xi.get(i, 0) + s[k] * c2 * xi.get(i, 1);
                }
                e[k] = model.energy(x) / n;
            }
            series.add(Plot.Series.line(String.format(Locale.ROOT, "alpha = (%.1f, %.1f)", a[0], a[1]), s, e));
        }
        return new Plot("idp-landscape.png", "The landscape an input makes: IDP energy per neuron on the segment from "
                + "memory 1 (s = 0, at its amplitude c_1) to memory 2 (s = 1, at c_2), for three inputs (Hadamard "
                + "memories, N = 64, tanh(2x), diagonal kept). On a straight segment the more salient memory's end is the "
                + "lower one (claim idp.energy-ordering); the barrier between them lies on the minimum-energy path, "
                + "not on this segment.", "IDP energy landscape between two memories, by input", "s", "E / N",
                false, false, series);
    }

    /** Overlaps with every memory through the paper's three-input sequence (N = 1024, P = 10, sigma = 8). */
    static Figure overlapTraces(Model m, long seed) {
        Settings s = Settings.paper(8);
        int every = 10, samples = s.inputs() * (s.steps() / every + 1);
        List<double[]> rows = new ArrayList<>(samples);
        List<Double> times = new ArrayList<>(samples);
        MixedInputRetrieval.run(m, s, MixedInputRetrieval.Trial.draw(s, seed), (t, o) -> {
            times.add(t);
            rows.add(o.clone());
        }, every);
        double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
        List<Plot.Series> series = new ArrayList<>();
        for (int mu = 0; mu < s.p(); mu++) {
            double[] y = new double[rows.size()];
            for (int k = 0; k < y.length; k++) {
                y[k] = rows.get(k)[mu];
            }
            series.add(Plot.Series.line(mu < s.inputs() ? "memory " + (mu + 1) + " (dominant in input " + (mu + 1) + ")"
                    : "memory " + (mu + 1), t, y));
        }
        return new Plot(m + "-overlaps.png", "Overlaps m_mu = |xi_mu . tanh(10 x)| / N with every memory through three "
                + "mixed inputs (each held for 10 time units; memory j dominant in input j), the " + m + " network at the "
                + "paper's settings (N = 1024, P = 10, sigma = 8)" + (m == Model.IDP
                ? ": the state moves to each input's dominant memory (claim idp.mixed-retrieval)."
                : ": the additive input holds the state between memories, never at one."),
                m == Model.IDP ? "IDP network: overlaps through an input sequence" : "Classic network: overlaps through an "
                + "input sequence", "t", "overlap", false, false, series);
    }

    /** Retrieval rate against sigma for both models, with Wilson 95% intervals. */
    public static Plot accuracy(long seed, int trials) {
        Map<Model, List<Tally>> tallies = new EnumMap<>(Model.class);
        for (Model m : Model.values()) {
            List<Tally> row = new ArrayList<>();
            for (double sigma : SIGMAS) {
                row.add(MixedInputRetrieval.tally(m, Settings.paper(sigma), trials, seed));
            }
            tallies.put(m, row);
        }
        return accuracy("idp-accuracy.png", "Fraction of mixed inputs whose dominant memory is retrieved (overlap at "
                + "least 0.9 and the largest) against the noise sigma, IDP and classic networks on the same trials ("
                + trials + " trials of three inputs per point at the paper's settings; engram idp-retrieval runs 100). "
                + "Noise helps the IDP network leave the previous input's well; the classic network never reaches a "
                + "memory (claim idp.noise-robustness).", "Retrieval of mixed inputs against noise", SIGMAS, tallies);
    }

    /**
     * The retrieval rate against sigma with its Wilson 95% interval, a series triple per model; {@code tallies} holds
     * each model's tallies in the order of {@code sigmas} (the report's figure and {@code engram idp-retrieval}'s).
     */
    public static Plot accuracy(String name, String caption, String title, double[] sigmas, Map<Model, List<Tally>> tallies) {
        List<Plot.Series> series = new ArrayList<>();
        for (Map.Entry<Model, List<Tally>> e : tallies.entrySet()) {
            double[] rate = new double[sigmas.length], lo = new double[sigmas.length], hi = new double[sigmas.length];
            for (int k = 0; k < sigmas.length; k++) {
                Tally t = e.getValue().get(k);
                double[] ci = t.wilson(0.95);
                rate[k] = t.rate();
                lo[k] = ci[0];
                hi[k] = ci[1];
            }
            series.add(Plot.Series.points(e.getKey() + " retrieval rate", sigmas, rate));
            series.add(Plot.Series.line(e.getKey() + " Wilson 95% low", sigmas, lo));
            series.add(Plot.Series.line(e.getKey() + " Wilson 95% high", sigmas, hi));
        }
        return new Plot(name, caption, title, "sigma", "retrieval rate", false, false, series);
    }

    /**
     * Existence and stability with two orthogonal memories (N = 16, tanh(x), diagonal kept) over the plane of
     * {@code alpha_max psi'(0)} and {@code alpha_second psi'(0)}: colour, the largest Jacobian eigenvalue at the second
     * memory (blue stable, red unstable, white where it does not exist); edges of the regions where it exists and
     * where the origin is stable.
     */
    static Figure regions() {
        int grid = 30;
        double[] second = new double[grid], first = new double[grid];
        for (int k = 0; k < grid; k++) {
            second[k] = 0.2 + 3.8 * k / (grid - 1);
            first[k] = second[k];
        }
        Activation psi = new Tanh(1);
        PatternSet xi = Patterns.hadamard(16, 2);
        double[][] z = new double[grid][grid];
        boolean[][] exists = new boolean[grid][grid], origin = new boolean[grid][grid], dominant = new boolean[grid][grid];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                IdpEquilibria.Result r = IdpEquilibria.analyze(xi, new double[] {first[i], second[j]}, psi);
                IdpEquilibria.Memory m2 = r.memories().get(1);
                z[i][j] = m2.exists() ? m2.maxRealEigenvalue() : 0;
                exists[i][j] = m2.exists();
                origin[i][j] = r.originStable();
                dominant[i][j] = r.memories().get(0).stable();
            }
        }
        HeatMap.Panel panel = new HeatMap.Panel("second memory: largest Jacobian eigenvalue", "alpha_second psi'(0)",
                "alpha_max psi'(0)", second, first, z, List.of(
                        new HeatMap.Region("second memory exists", exists, HeatMap.Edge.DASHED_BLACK),
                        new HeatMap.Region("origin stable", origin, HeatMap.Edge.SOLID_WHITE)));
        HeatMap.Panel stable = new HeatMap.Panel("first memory: stable (blue) or not", "alpha_second psi'(0)",
                "alpha_max psi'(0)", second, first, signs(dominant), List.of(
                        new HeatMap.Region("second memory exists", exists, HeatMap.Edge.DASHED_BLACK),
                        new HeatMap.Region("origin stable", origin, HeatMap.Edge.SOLID_WHITE)));
        return new HeatMap("idp-regions.png", "Equilibria of the IDP network with two orthogonal memories (N = 16, "
                + "tanh, diagonal kept), from the dynamics (Newton's method and Jacobian eigenvalues) over the plane of "
                + "the two weights alpha psi'(0). A memory exists where alpha psi'(0) > 1 (dashed edge for the second); "
                + "the origin is stable where both are below 1 (white edge); both memories are stable together where "
                + "the second's eigenvalue is negative (claim idp.orthogonal-equilibria).",
                "IDP equilibria with two memories: existence and stability", "dashed: second memory exists;  white: "
                + "origin stable", 1, List.of(panel, stable));
    }

    private static double[][] signs(boolean[][] stable) {
        double[][] z = new double[stable.length][stable[0].length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[i].length; j++) {
                z[i][j] = stable[i][j] ? -0.8 : 0.8;
            }
        }
        return z;
    }
}
