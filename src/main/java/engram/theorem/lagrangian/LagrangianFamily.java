package engram.theorem.lagrangian;

import engram.analysis.Fits;
import engram.analysis.MarchenkoPastur;
import engram.analysis.MemoryLearning;
import engram.analysis.RandomMatrices;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.figure.Figure;
import engram.figure.Plot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Multi-timescale Lagrangian networks, memory dynamics that learn, and random-matrix spectra (Lotito, Neurocomputing
 * 636, 2025; Krotov and Hopfield 2021; theory.md section 4).
 */
public final class LagrangianFamily implements ClaimFamily {

    @Override public String name() { return "lagrangian"; }

    @Override public String title() { return "Lagrangian networks, memory dynamics and random-matrix spectra (Lotito 2025)"; }

    @Override public List<Claim<?>> claims() {
        return List.of(new LagrangianEnergyMonotoneClaim(), new LagrangianFastHiddenLimitClaim(),
                new LagrangianModernCorrespondenceClaim(), new MemoryCosineTrajectoryClaim(), new MemoryHebbianLimitClaim(),
                new SpectrumMarchenkoPasturClaim(), new SpectrumHyperbolicityClaim());
    }

    @Override public List<Figure> figures(long seed) {
        var f1 = MemoryLearning.Settings.FIGURE_1;
        return List.of(figure1(f1, MemoryLearning.run(f1, seed, false, null, 10), false, "memory-figure1.png"),
                spectrum(0.5, 800, seed),
                edgeScaling(seed), tauH(seed));
    }

    /** Figure 1 of the paper: each memory's cosine with its target, simulated (solid) and the theory s(t) (dashed). */
    public static Plot figure1(MemoryLearning.Settings s, MemoryLearning.Run r, boolean ode, String file) {
        List<Plot.Series> series = new ArrayList<>();
        for (int mu = 0; mu < s.nh(); mu++) {
            series.add(Plot.Series.line("memory " + (mu + 1), r.times(), r.cosine()[mu]));
            series.add(Plot.Series.dashed("theory " + (mu + 1), r.times(), r.theory()[mu]));
        }
        return new Plot(file, String.format(Locale.ROOT, "Figure 1 of Lotito 2025 reproduced: cosine of each memory "
                + "with its target under round-robin presentation (N_v = %d, N_h = %d, tau_Xi = %s, beta = %s, sigma = %s), "
                + "simulated by " + (ode ? "the ODE (DP853)" : "the authors' discrete update") + " (solid) and the theory "
                + "s(t) with tau_mu = tau_Xi N_h (dashed); "
                + "largest deviation %.2g (claim memory.cosine-trajectory).", s.nv(), s.nh(), s.tau(), s.beta(), s.sigma(),
                r.maxDeviation()), "Memory dynamics: cosine with the target", "t (steps)", "cosine", false, false, series);
    }

    /** A Wishart spectrum's histogram against the Marchenko-Pastur density. */
    public static Plot spectrum(double c, int n, long seed) {
        int p = (int) Math.round(c * n);
        double[] ev = RandomMatrices.wishart(p, n, RandomMatrices.Entries.GAUSSIAN, new SplittableRandom(seed));
        return histogram(ev, new MarchenkoPastur(p / (double) n), "spectrum.png", String.format(Locale.ROOT,
                "Non-zero eigenvalues of Y Y^T / n for one %d x %d Gaussian Y (c = %.2f): histogram against the "
                + "Marchenko-Pastur density (claim spectrum.marchenko-pastur).", p, n, p / (double) n));
    }

    /** The histogram (density-normalised, 40 bins over the support) as a step line, and the MP density. */
    public static Plot histogram(double[] ev, MarchenkoPastur mp, String file, String caption) {
        int bins = 40;
        double lo = Math.min(ev[0], mp.getSupportLowerBound()), hi = Math.max(ev[ev.length - 1], mp.getSupportUpperBound());
        double w = (hi - lo) / bins;
        double[] count = new double[bins];
        for (double v : ev) {
            count[Math.min(bins - 1, (int) ((v - lo) / w))]++;
        }
        double[] hx = new double[2 * bins], hy = new double[2 * bins];
        for (int b = 0; b < bins; b++) {
            hx[2 * b] = lo + b * w;
            hx[2 * b + 1] = lo + (b + 1) * w;
            hy[2 * b] = count[b] / (ev.length * w);
            hy[2 * b + 1] = hy[2 * b];
        }
        int m = 400;
        double[] dx = new double[m], dy = new double[m];
        for (int k = 0; k < m; k++) {
            dx[k] = lo + (hi - lo) * k / (m - 1);
            dy[k] = mp.density(dx[k]);
        }
        return new Plot(file, caption, "Spectrum against the Marchenko-Pastur law", "eigenvalue", "density", false, false,
                List.of(Plot.Series.line("eigenvalues (histogram)", hx, hy),
                        Plot.Series.dashed("Marchenko-Pastur density", dx, dy)));
    }

    /** Mean distance of the extreme eigenvalues from the MP edges against n (log-log), with the fitted exponent. */
    static Plot edgeScaling(long seed) {
        List<Plot.Series> series = new ArrayList<>();
        for (double c : new double[] {0.5, 2.0}) {
            var s = SpectrumMarchenkoPasturClaim.measure(new SpectrumMarchenkoPasturClaim.Case(c, c < 1 ? 50 : 25,
                    RandomMatrices.Entries.GAUSSIAN, 1, seed));
            double exponent = Fits.order(s.n(), s.meanEdgeDistance());
            series.add(Plot.Series.points(String.format(Locale.ROOT, "c = %.1f (fitted exponent %.2f)", c, exponent),
                    s.n(), s.meanEdgeDistance()));
            double[] ref = new double[s.n().length];
            for (int k = 0; k < ref.length; k++) {
                ref[k] = s.meanEdgeDistance()[0] * Math.pow(s.n()[k] / s.n()[0], -2.0 / 3);
            }
            series.add(Plot.Series.dashed(String.format(Locale.ROOT, "c = %.1f: n^(-2/3)", c), s.n(), ref));
        }
        return new Plot("edge-scaling.png", "Mean distance of the largest and smallest non-zero eigenvalues from the "
                + "Marchenko-Pastur edges against n (twelve matrices per point, log-log): the Tracy-Widom scale n^(-2/3), "
                + "dashed (claim spectrum.marchenko-pastur).", "Edge fluctuations of Wishart spectra", "n",
                "mean |lambda - edge|", true, true, series);
    }

    /** Visible error of the two-layer network against its fast-hidden limit versus tau_h (log-log). */
    static Plot tauH(long seed) {
        List<Plot.Series> series = new ArrayList<>();
        for (var kind : List.of(LagrangianEnergyMonotoneClaim.Kind.TANH, LagrangianEnergyMonotoneClaim.Kind.LOGISTIC,
                LagrangianEnergyMonotoneClaim.Kind.QUADRATIC)) {
            var e = LagrangianFastHiddenLimitClaim.measure(new LagrangianFastHiddenLimitClaim.Case(12, 3, kind, 1.5, false,
                    seed));
            series.add(Plot.Series.points(String.format(Locale.ROOT, "L_v %s (fitted order %.2f)", kind,
                    Fits.order(e.steps(), e.errors())), e.steps(), e.errors()));
        }
        return new Plot("tau-h.png", "Largest visible error of the two-layer network (L_h = h^T h / (2 N_h)) against the "
                + "one-layer network with J = Xi^T Xi / N_h, versus the hidden time constant tau_h (log-log): the error "
                + "shrinks in proportion to tau_h (claim lagrangian.fast-hidden-limit).", "Fast-hidden limit",
                "tau_h / tau_v", "visible error", true, true, series);
    }
}
