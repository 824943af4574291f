package engram.theorem.capacity;

import engram.activation.Activation;
import engram.activation.HardTanh;
import engram.activation.Logistic;
import engram.activation.Sign;
import engram.activation.Tanh;
import engram.analysis.Capacity;
import engram.analysis.Scsna;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.figure.Figure;
import engram.figure.Plot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Storage capacity for sign and analog neurons: AGS, McEliece et al., and the self-consistent signal-to-noise
 * analysis for general transfer functions, against simulation (theory.md section 5).
 */
public final class CapacityFamily implements ClaimFamily {

    @Override public String name() { return "capacity"; }

    @Override public String title() { return "Storage capacity for general activation functions (AGS, McEliece, SCSNA)"; }

    @Override public List<Claim<?>> claims() {
        return List.of(new CapacityAgsLimitClaim(), new CapacityScsnaRoutesClaim(), new CapacityAnalogOverlapClaim(),
                new CapacityAnalogCriticalLoadClaim(),
                new CapacitySignFiniteSizeClaim(), new CapacityMcelieceClaim());
    }

    @Override public List<Figure> figures(long seed) {
        return List.of(signOverlap(seed), analogOverlap(seed), gain(seed), finiteSize(seed));
    }

    /** The theory's overlap m(alpha) on a grid up to 1.2 alpha_c (0 where the retrieval state is gone). */
    static double[][] theoryCurve(Activation f, double top, boolean reaction) {
        int k = 40;
        double[] a = new double[k], m = new double[k];
        for (int j = 0; j < k; j++) {
            a[j] = top * (j + 1) / k;
            Scsna.State s = Scsna.solve(f, a[j], reaction);
            m[j] = s.retrieval() ? s.m() : 0;
        }
        return new double[][] {a, m};
    }

    /** Mean overlap against load for sign neurons: simulation (two cues) against AGS and the naive estimate. */
    static Plot signOverlap(long seed) {
        int n = 1000, trials = 16;
        double[] loads = new double[14];
        for (int j = 0; j < loads.length; j++) {
            loads[j] = 0.06 + 0.01 * j;
        }
        List<Plot.Series> series = new ArrayList<>();
        for (double noise : new double[] {0, 0.1}) {
            double[] mean = new double[loads.length], lo = new double[loads.length], hi = new double[loads.length];
            for (int j = 0; j < loads.length; j++) {
                Capacity.Load l = Capacity.sign(n, loads[j], trials, noise, seed, false);
                double se = 1.96 * l.sdOverlap() / Math.sqrt(trials);
                mean[j] = l.meanOverlap();
                lo[j] = mean[j] - se;
                hi[j] = mean[j] + se;
            }
            String cue = noise == 0 ? "cue = memory" : "cue = memory, 10% of units flipped";
            series.add(Plot.Series.points("simulated mean overlap (" + cue + ")", loads, mean));
            series.add(Plot.Series.dashed("95% band of the mean, lower (" + cue + ")", loads, lo));
            series.add(Plot.Series.dashed("95% band of the mean, upper (" + cue + ")", loads, hi));
        }
        double[][] ags = theoryCurve(new Sign(), 0.2, true);
        series.add(Plot.Series.line("AGS (= SCSNA for sign neurons)", ags[0], ags[1]));
        double[] naive = new double[ags[0].length];
        for (int j = 0; j < naive.length; j++) {
            naive[j] = Scsna.naiveOverlap(ags[0][j]);
        }
        series.add(Plot.Series.dashed("naive signal-to-noise m = erf(m / sqrt(2 alpha))", ags[0], naive));
        return new Plot("capacity-overlap-sign.png", String.format(Locale.ROOT, "Sign neurons, N = %d, %d trials per "
                + "load: final overlap with the memory after asynchronous dynamics, against the AGS retrieval overlap "
                + "(which ends at alpha_c = %.4f) and the naive estimate without self-consistency (claims "
                + "capacity.ags-limit, capacity.sign-finite-size).", n, trials, Scsna.agsCritical()[0]),
                "Retrieval overlap against load: sign neurons", "load alpha = P / N", "overlap m", false, false, series);
    }

    /** Mean overlap against load for three analog activations: simulation against SCSNA, with and without reaction. */
    static Plot analogOverlap(long seed) {
        int n = 600, trials = 6;
        List<Plot.Series> series = new ArrayList<>();
        for (Activation f : List.of(new Tanh(3), new HardTanh(3), new Logistic(8, 0))) {
            String name = f.name() + " " + (f instanceof Logistic l ? l.rho() : f instanceof Tanh t ? t.gain()
                    : ((HardTanh) f).gain());
            double alphaC = Scsna.criticalLoad(f, true, 1e-3);
            double[] loads = Capacity.analogLoads(alphaC);
            double[] mean = new double[loads.length];
            for (int j = 0; j < loads.length; j++) {
                mean[j] = Capacity.analog(f, n, loads[j], trials, 0, seed).meanOverlap();
            }
            series.add(Plot.Series.points(name + ": simulated", loads, mean));
            double[][] th = theoryCurve(f, loads[loads.length - 1], true);
            series.add(Plot.Series.line(name + ": SCSNA", th[0], th[1]));
            double[][] nr = theoryCurve(f, loads[loads.length - 1], false);
            series.add(Plot.Series.dashed(name + ": without reaction term", nr[0], nr[1]));
        }
        return new Plot("capacity-overlap-analog.png", String.format(Locale.ROOT, "Analog neurons (voltage model, N = %d, "
                + "%d trials per load, started on the memory): mean centred overlap against load for tanh and the "
                + "piecewise-linear unit of gain 3 and the logistic of gain 8 (non-odd: its overlap is at most 1/2), "
                + "against the self-consistent signal-to-noise theory and the same equations without the reaction term "
                + "(claim capacity.analog-overlap). Near alpha_c finite networks leave the retrieval state earlier "
                + "than the theory.", n, trials), "Retrieval overlap against load: analog neurons", "load alpha = P / N",
                "overlap m", false, false, series);
    }

    /** alpha_c against gain for tanh: theory line, simulation points, the AGS asymptote. */
    static Plot gain(long seed) {
        double[] gains = {1.5, 2, 3, 5, 10, 30, 100};
        double[] theory = new double[gains.length], noReaction = new double[gains.length];
        for (int j = 0; j < gains.length; j++) {
            theory[j] = Scsna.criticalLoad(new Tanh(gains[j]), true, 1e-3);
            noReaction[j] = Scsna.criticalLoad(new Tanh(gains[j]), false, 1e-3);
        }
        double[] simGains = {2, 5, 20};
        double[] sim = new double[simGains.length], lo = new double[simGains.length], hi = new double[simGains.length];
        for (int j = 0; j < simGains.length; j++) {
            Tanh f = new Tanh(simGains[j]);
            double predicted = Scsna.criticalLoad(f, true, 1e-3);
            double[] loads = new double[8];
            for (int k = 0; k < loads.length; k++) {
                loads[k] = predicted * (0.6 + 0.9 * k / (loads.length - 1));
            }
            Capacity.Transition t = Capacity.analogTransition(f, 500, loads, 10, 0, seed, null);
            sim[j] = t.alphaC();
            lo[j] = t.low();
            hi[j] = t.high();
        }
        double ags = Scsna.agsCritical()[0];
        List<Plot.Series> series = List.of(Plot.Series.line("SCSNA alpha_c", gains, theory),
                Plot.Series.dashed("without the reaction term", gains, noReaction),
                Plot.Series.points("simulated alpha_c (N = 500, 10 trials per load)", simGains, sim),
                Plot.Series.scatter("95% interval ends", concat(simGains, simGains), concat(lo, hi)),
                Plot.Series.dashed("AGS asymptote 0.1379", new double[] {gains[0], gains[gains.length - 1]},
                        new double[] {ags, ags}));
        return new Plot("capacity-gain.png", "Critical load of tanh neurons against gain (log scale): the "
                + "self-consistent theory rises to the AGS value of sign neurons (claim capacity.ags-limit); simulated "
                + "alpha_c is where half the trials keep 0.8 of the single-memory overlap. Without the reaction term "
                + "the theory overestimates capacity several-fold.", "Capacity against gain (tanh)", "gain", "alpha_c",
                true, false, series);
    }

    /** alpha_c(N) of sign neurons against 1/N with the 1/N extrapolation and the AGS value. */
    static Plot finiteSize(long seed) {
        int[] sizes = {250, 500, 1000, 2000};
        List<Capacity.Transition> ts = new ArrayList<>();
        double[] x = new double[sizes.length], y = new double[sizes.length], lo = new double[sizes.length],
                hi = new double[sizes.length];
        for (int j = 0; j < sizes.length; j++) {
            Capacity.Transition t = Capacity.signTransition(sizes[j], Capacity.signLoads(sizes[j]),
                    CapacitySignFiniteSizeClaim.TRIALS, 0, seed, false, null);
            ts.add(t);
            x[j] = 1.0 / sizes[j];
            y[j] = t.alphaC();
            lo[j] = t.low();
            hi[j] = t.high();
        }
        Capacity.Extrapolation e = Capacity.extrapolate(ts, 1);
        double ags = Scsna.agsCritical()[0];
        double[] fx = {0, x[0]}, fy = {e.intercept(), e.intercept() + e.slope() * x[0]};
        return new Plot("capacity-finite-size.png", String.format(Locale.ROOT, "Critical load of sign neurons against "
                + "1/N (%d trials per load): the 1/N fit extrapolates to %.4f [%.4f, %.4f], above the AGS value "
                + "%.4f: finite networks retrieve beyond it and alpha_c(N) is concave in 1/N, so a 1/N extrapolation "
                + "overshoots (claim capacity.sign-finite-size; README, Storage capacity).",
                CapacitySignFiniteSizeClaim.TRIALS, e.intercept(), e.low(), e.high(), ags),
                "Finite-size critical load (sign neurons)", "1 / N", "alpha_c", false, false,
                List.of(Plot.Series.points("alpha_c(N)", x, y),
                        Plot.Series.scatter("95% interval ends", concat(x, x), concat(lo, hi)),
                        Plot.Series.dashed("1/N fit", fx, fy),
                        Plot.Series.points("AGS", new double[] {0}, new double[] {ags})));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
