package engram.cli;

import engram.activation.Activation;
import engram.analysis.Capacity;
import engram.analysis.Scsna;
import engram.report.JsonFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram capacity-theory}: the self-consistent signal-to-noise theory (Shiino and Fukai) of a Hebbian network
 * of the given transfer function: the retrieval overlap m(alpha) and the critical load, with the same equations
 * without the reaction term for comparison, and for sign neurons AGS's closed form.
 */
@Command(name = "capacity-theory", description = "Storage capacity theory (SCSNA): the overlap m(alpha) and alpha_c "
        + "for a transfer function.")
final class CapacityTheoryCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Mixin CapacityActivation unit;

    @Option(names = "--loads", split = ",", description = "Loads alpha in (0, 1] for the curve (default: 40 up to 1.2 "
            + "alpha_c).")
    double[] loads;

    /** One load of the curve. */
    record Point(double alpha, double m, double q, double r, double gamma, boolean retrieval, double mNoReaction) {
    }

    /** The JSON output (the keys are the command's contract). */
    record Result(String activation, double gain, double alphaC, double alphaCNoReaction, Double alphaCAgs,
            double singleMemoryOverlap, List<Point> curve) {
    }

    static double[] checkLoads(double[] loads) {
        if (loads.length == 0) {
            throw new IllegalArgumentException("--loads needs at least one load (a comma-separated list), got none");
        }
        Ranges.within("--loads (number of loads)", loads.length, 1, 1000);
        for (int k = 0; k < loads.length; k++) {
            if (!(loads[k] > 0 && loads[k] <= 1)) {
                throw new IllegalArgumentException("--loads must lie in (0, 1], got " + loads[k]);
            }
            if (k > 0 && !(loads[k] > loads[k - 1])) {
                throw new IllegalArgumentException("--loads must increase, got " + loads[k - 1] + " then " + loads[k]);
            }
        }
        return loads;
    }

    @Override public Integer call() {
        Activation f = unit.build();
        double alphaC = Scsna.criticalLoad(f, true);
        double alphaCNoReaction = Scsna.criticalLoad(f, false);
        double[] a = loads != null ? checkLoads(loads) : grid(Math.max(alphaC, 0.01));
        List<Point> curve = new ArrayList<>();
        for (double alpha : a) {
            Scsna.State s = Scsna.solve(f, alpha, true);
            Scsna.State n = Scsna.solve(f, alpha, false);
            curve.add(new Point(alpha, s.retrieval() ? s.m() : 0, s.q(), s.r(), s.gamma(), s.retrieval(),
                    n.retrieval() ? n.m() : 0));
        }
        Double ags = unit.sign() ? Scsna.agsCritical()[0] : null;
        Result r = new Result(unit.kind.toString(), unit.reportedGain(), alphaC, alphaCNoReaction,
                ags, Capacity.singleMemoryOverlap(f), curve);
        if (global.json) {
            System.out.println(JsonFormat.compact(r));
        } else {
            System.out.printf(Locale.ROOT, "%s (gain %s): alpha_c = %.5f (SCSNA), %.5f without the reaction term%s%n",
                    unit.kind, r.gain(), alphaC, alphaCNoReaction, ags == null ? "" : String.format(Locale.ROOT,
                            "; AGS closed form %.5f", ags));
            System.out.printf(Locale.ROOT, "%10s %10s %10s%n", "alpha", "m", "m (no reaction)");
            for (Point p : curve) {
                System.out.printf(Locale.ROOT, "%10.5f %10.5f %10.5f%n", p.alpha(), p.m(), p.mNoReaction());
            }
        }
        return EngramCli.OK;
    }

    private static double[] grid(double alphaC) {
        double[] a = new double[40];
        for (int k = 0; k < a.length; k++) {
            a[k] = Math.min(1, 1.2 * alphaC * (k + 1) / a.length);
        }
        return a;
    }
}
