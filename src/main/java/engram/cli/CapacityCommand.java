package engram.cli;

import engram.activation.Activation;
import engram.analysis.Capacity;
import engram.analysis.Scsna;
import engram.report.JsonFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram capacity}: storage capacity by simulation. For each N, trials at each load from a memory (or a noisy
 * cue); the critical load alpha_c(N) where half the trials keep 0.8 of the single-memory overlap, with its 95%
 * interval; with three or more sizes, the extrapolation of alpha_c(N) in 1/N. Sign neurons run asynchronous
 * dynamics in O(P) per flip; analog ones the voltage model (see {@link Capacity}).
 */
@Command(name = "capacity", description = "Storage capacity by simulation: alpha_c(N) with its interval, against the "
        + "theory.")
final class CapacityCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Mixin CapacityActivation unit;

    @Option(names = "--n", required = true, split = ",", description = "Network size N, or several (comma-separated) "
            + "for alpha_c(N) and its 1/N extrapolation; sign: [50, 50000], analog: [50, 5000].")
    int[] sizes;

    @Option(names = "--trials", defaultValue = "40", description = "Trials per load, in [2, 10000] (default ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--loads", split = ",", description = "Increasing loads alpha = P/N in (0, 1] (default: 13 from 0.11 "
            + "to 0.17 + 20/N for sign, 12 from 0.3 to 1.4 alpha_c(theory) for analog).")
    double[] loads;

    @Option(names = "--cue-noise", defaultValue = "0", description = "Fraction of the memory's units flipped in the cue, "
            + "in [0, 0.5) (default ${DEFAULT-VALUE}).")
    double cueNoise;

    /** One load. */
    record LoadRow(double alpha, int p, int trials, int successes, double rate, double rateLow, double rateHigh,
            double overlap, double overlapSd, double theoryOverlap) {
    }

    /** One size. */
    record Size(int n, double alphaC, double alphaCLow, double alphaCHigh, boolean located, List<LoadRow> loads) {
    }

    /** The 1/N extrapolation. */
    record Extrapolation(double power, double alphaInf, double alphaInfLow, double alphaInfHigh, double slope,
            Double alphaAgs, Boolean agsInside) {
    }

    /** The JSON output (the keys are the command's contract); the top-level alpha_c is that of the largest N. */
    record Result(String activation, double gain, int n, int trials, double cueNoise, double successOverlap,
            double alphaC, double alphaCLow, double alphaCHigh, boolean located, double alphaCTheory,
            List<LoadRow> loads, List<Size> sizes, Extrapolation extrapolation, double seconds) {
    }

    @Override public Integer call() {
        Activation f = unit.build();
        boolean sign = unit.sign();
        checkSizes(sign);
        if (loads != null) {
            CapacityTheoryCommand.checkLoads(loads);
        }
        double alphaCTheory = sign ? Scsna.agsCritical()[0] : Scsna.criticalLoad(f, true);
        if (loads == null && !(alphaCTheory > 0)) {
            throw new IllegalArgumentException("--gain " + unit.reportedGain() + ": the SCSNA has no retrieval state for "
                    + unit.kind + " at this gain (alpha_c = 0, as for any gain with F'(0) <= 1 in an odd F), so there "
                    + "are no default loads; give --loads or a larger --gain");
        }
        for (int n : sizes) {
            double top = loads != null ? loads[loads.length - 1] : sign ? Capacity.signLoads(n)[12] : 1.4 * alphaCTheory;
            if ((double) n * Math.round(top * n) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("N x P must stay below 2^31: N = " + n + " at load " + top);
            }
        }
        long start = System.nanoTime();
        List<Size> out = new ArrayList<>();
        List<Capacity.Transition> transitions = new ArrayList<>();
        for (int n : sizes) {
            double[] a = loads != null ? loads : sign ? Capacity.signLoads(n) : Capacity.analogLoads(alphaCTheory);
            boolean progress = (double) n * n * a[a.length - 1] * trials > 2e9;
            IntConsumer report = !progress ? null : j -> System.err.printf(Locale.ROOT,
                    "capacity: N = %d, load %d of %d (alpha %.4f) done, %.0f s%n", n, j + 1, a.length, a[j],
                    (System.nanoTime() - start) / 1e9);
            Capacity.Transition t = sign ? Capacity.signTransition(n, a, trials, cueNoise, global.seed, false, report)
                    : Capacity.analogTransition(f, n, a, trials, cueNoise, global.seed, report);
            transitions.add(t);
            List<LoadRow> rows = new ArrayList<>();
            for (Capacity.Load l : t.loads()) {
                double[] w = l.wilson(0.95);
                Scsna.State s = Scsna.solve(f, l.alpha(), true);
                rows.add(new LoadRow(l.alpha(), (int) Math.max(1, Math.round(l.alpha() * n)), l.trials(), l.successes(),
                        l.rate(), w[0], w[1], l.meanOverlap(), l.sdOverlap(), s.retrieval() ? s.m() : 0));
            }
            out.add(new Size(n, t.alphaC(), t.low(), t.high(), t.located(), rows));
        }
        Extrapolation e = null;
        if (transitions.size() >= 3) {
            Capacity.Extrapolation x = Capacity.extrapolate(transitions, 1);
            Double ags = sign ? Scsna.agsCritical()[0] : null;
            e = new Extrapolation(1, x.intercept(), x.low(), x.high(), x.slope(), ags, ags == null ? null : x.contains(ags));
        }
        Size last = out.get(out.size() - 1);
        Result r = new Result(unit.kind.toString(), unit.reportedGain(), last.n(), trials, cueNoise, Capacity.successOverlap(f),
                last.alphaC(), last.alphaCLow(), last.alphaCHigh(), last.located(), alphaCTheory, last.loads(), out, e,
                (System.nanoTime() - start) / 1e9);
        if (global.json) {
            System.out.println(JsonFormat.compact(r));
        } else {
            print(r);
        }
        return EngramCli.OK;
    }

    /** --n (increasing, within the model's range), --trials and --cue-noise. */
    private void checkSizes(boolean sign) {
        if (sizes == null || sizes.length == 0) {
            throw new IllegalArgumentException("--n needs at least one size (a comma-separated list), got none");
        }
        Ranges.within("--n (number of sizes)", sizes.length, 1, 20);
        Ranges.within("--trials", trials, 2, 10_000);
        if (!(cueNoise >= 0 && cueNoise < 0.5)) {
            throw new IllegalArgumentException("--cue-noise must be in [0, 0.5), got " + cueNoise);
        }
        int maxN = sign ? 50_000 : 5_000;
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < 50 || sizes[k] > maxN) {
                throw new IllegalArgumentException("--n must be in [50, " + maxN + "] for " + unit.kind + ", got " + sizes[k]);
            }
            if (k > 0 && sizes[k] <= sizes[k - 1]) {
                throw new IllegalArgumentException("--n must increase, got " + sizes[k - 1] + " then " + sizes[k]);
            }
        }
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "%s (gain %s), %d trials per load, cue noise %s; success: overlap >= %.4f; "
                + "theory alpha_c = %.5f%n", r.activation(), r.gain(), r.trials(), r.cueNoise(), r.successOverlap(),
                r.alphaCTheory());
        for (Size s : r.sizes()) {
            System.out.println(String.format(Locale.ROOT, "N = %d: ", s.n()) + transitionText(s));
            System.out.printf(Locale.ROOT, "  %8s %6s %8s %16s %9s %9s%n", "alpha", "P", "success", "95% interval",
                    "overlap", "theory");
            for (LoadRow l : s.loads()) {
                System.out.printf(Locale.ROOT, "  %8.4f %6d %8.3f   [%.3f, %.3f] %9.4f %9.4f%n", l.alpha(), l.p(), l.rate(),
                        l.rateLow(), l.rateHigh(), l.overlap(), l.theoryOverlap());
            }
        }
        if (r.extrapolation() != null) {
            Extrapolation e = r.extrapolation();
            System.out.printf(Locale.ROOT, "1/N extrapolation: alpha_c(inf) = %.4f [%.4f, %.4f]%s%n", e.alphaInf(),
                    e.alphaInfLow(), e.alphaInfHigh(), e.alphaAgs() == null ? "" : String.format(Locale.ROOT,
                            "; AGS %.4f %s", e.alphaAgs(), e.agsInside() ? "inside" : "outside"));
        }
        System.out.printf(Locale.ROOT, "%.1f s%n", r.seconds());
    }

    /** alpha_c and its interval, or the side of the grid it lies on when the loads do not span the transition. */
    static String transitionText(Size s) {
        if (s.located()) {
            return String.format(Locale.ROOT, "alpha_c = %.4f [%.4f, %.4f]", s.alphaC(), s.alphaCLow(), s.alphaCHigh());
        }
        if (s.alphaCHigh() == 1 && s.alphaCLow() == s.alphaC()) {
            return String.format(Locale.ROOT, "alpha_c above %.4f: every load mostly retrieves (the loads do not reach "
                    + "the transition)", s.alphaCLow());
        }
        if (s.alphaCLow() == 0) {
            return String.format(Locale.ROOT, "alpha_c below %.4f: every load mostly fails (the loads start past the "
                    + "transition)", s.alphaCHigh());
        }
        return String.format(Locale.ROOT, "alpha_c = %.4f [%.4f, %.4f], outside the loads (not located)", s.alphaC(),
                s.alphaCLow(), s.alphaCHigh());
    }
}
