package engram.cli;

import engram.check.ArrayFile;
import engram.landscape.Saddles;
import engram.landscape.Transitions;
import engram.memory.PatternSet;
import engram.model.VoltageModel;
import engram.report.AtomicFiles;
import engram.report.FigureRenderer;
import engram.report.JsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram transitions}: mean first-passage times between two memories under additive noise, against the
 * Eyring-Kramers law (docs/theory.md section 9.5): exact for the modern Hopfield network ({@code --model modern}, the
 * gradient SDE of its energy), the gradient law's prediction for the voltage and IDP models, whose drift is not
 * {@code -grad E}.
 */
@Command(name = "transitions", description = "Time the noise-driven transitions between two of your network's "
        + "memories and compare them with the Eyring-Kramers law. --model modern (--patterns, --beta: the gradient SDE of "
        + "its energy, where the law holds), voltage or idp (the gradient law's prediction beside the times).",
        sortOptions = false)
final class TransitionsCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Mixin NetworkOptions network;

    @Option(names = "--beta", defaultValue = "2", description = "--model modern: the inverse temperature beta, in "
            + "(0, 1e3] (default ${DEFAULT-VALUE}).")
    double beta;

    @Mixin MemoryPair pair;

    @Option(names = "--sigmas", split = ",", description = "Noise levels, each in (0, 100] (default: those with 2 dE / "
            + "sigma^2 = 2.5, 3, 3.5, 4, dE the barrier).")
    List<Double> sigmas;

    @Option(names = "--paths", defaultValue = "300", description = "Paths per noise level, in [2, 1000000] (default "
            + "${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--dt", defaultValue = "0.01", description = "The Euler-Maruyama step, in (0, 1] time constants "
            + "(default ${DEFAULT-VALUE}).")
    double dt;

    @Option(names = "--radius", defaultValue = "0.2", description = "A path has arrived once it is within this fraction "
            + "of the way from the target memory, measured along the line between the memories, in (0, 0.5) (default "
            + "${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--horizon", defaultValue = "100000", description = "The longest a path runs, in (0, 1e9] (paths "
            + "still out are counted as censored) (default ${DEFAULT-VALUE}).")
    double horizon;

    @Option(names = "--out", paramLabel = "DIR", description = "Write transitions.png (mean time against 1/sigma^2).")
    Path out;

    /** One noise level (keys are the contract: sigma, meanTime, low, high, eyringKramers). */
    record RowOut(double sigma, double meanTime, double low, double high, double eyringKramers, int censored) {
    }

    /** The command's JSON (keys are the contract: rows, barrier, slope). */
    record Result(int n, String model, List<RowOut> rows, double barrier, double slope, double slopeError,
            double eyringKramersSlope, double prefactor, double limitLogRatio, double limitLogRatioError,
            boolean gradient, double seconds, String figure) {
    }

    @Override public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Ranges.within("--paths", paths, 2, 1_000_000);
        Ranges.within("--dt", dt, 1e-9, 1);
        Ranges.within("--radius", radius, 1e-9, 0.499999);
        Ranges.within("--horizon", horizon, 1e-9, 1e9);
        if (sigmas != null) {
            Ranges.eachWithin("--sigmas", sigmas, 1e-9, 100, 100);
        }
        if (out != null) {
            AtomicFiles.checkDirectory(out, "--out");
        }
        boolean modern = "modern".equals(network.model.trim().toLowerCase(Locale.ROOT));
        Setup s = modern ? modern() : voltage();
        double[] levels = sigmas != null ? sigmas.stream().mapToDouble(Double::doubleValue).toArray()
                : Transitions.sigmas(s.wells().barrier(), new double[] {2.5, 3, 3.5, 4});
        Transitions.Row[] rows = new Transitions.Row[levels.length];
        for (int k = 0; k < levels.length; k++) {
            double[] times = Transitions.firstPassage(s.drift(), s.wells().from(), s.wells().to(), radius, levels[k], paths,
                    dt, horizon, global.seed + k);
            rows[k] = Transitions.row(levels[k], times, s.wells().eyringKramers(levels[k]));
        }
        return finish(s, rows, modern, t0);
    }

    private int finish(Setup s, Transitions.Row[] rows, boolean modern, long t0) throws Exception {
        double[] arrhenius = rows.length > 1 ? Transitions.arrhenius(rows) : new double[] {Double.NaN, Double.NaN};
        double[] fit = rows.length > 2 ? Transitions.eyringKramersFit(rows) : new double[] {Double.NaN, Double.NaN};
        String figure = null;
        if (out != null) {
            Files.createDirectories(out);
            Path file = out.resolve("transitions.png");
            AtomicFiles.write(file, FigureRenderer.render(Transitions.figure(rows, "")).png());
            figure = file.toString();
        }
        List<RowOut> list = new ArrayList<>();
        for (Transitions.Row r : rows) {
            list.add(new RowOut(r.sigma(), r.meanTime(), r.low(), r.high(), r.eyringKramers(), r.censored()));
        }
        Result res = new Result(s.wells().from().length, s.name(), list, s.wells().barrier(), arrhenius[0], arrhenius[1],
                2 * s.wells().barrier(), s.wells().prefactor(), fit[0], fit[1], modern, (System.nanoTime() - t0) / 1e9,
                figure);
        if (global.json) {
            System.out.println(JsonFormat.compact(res));
        } else {
            for (RowOut r : list) {
                System.out.printf(Locale.ROOT, "sigma %.5g: mean time %.5g [%.5g, %.5g], Eyring-Kramers %.5g%s%n", r.sigma(),
                        r.meanTime(), r.low(), r.high(), r.eyringKramers(), r.censored() > 0 ? " (" + r.censored()
                        + " censored)" : "");
            }
            System.out.printf(Locale.ROOT, "barrier %.6g; Arrhenius slope %.5g +- %.2g (2 dE = %.5g); log(tau / tau_EK) "
                    + "-> %.3g +- %.2g as sigma -> 0%s%n", res.barrier(), res.slope(), res.slopeError(),
                    res.eyringKramersSlope(), res.limitLogRatio(), res.limitLogRatioError(), modern ? ""
                    : " (not a gradient SDE: the law is the gradient one's prediction)");
        }
        return EngramCli.OK;
    }

    /** The wells, the drift and the model's name. */
    record Setup(Transitions.Wells wells, Supplier<Transitions.Drift> drift, String name) {
    }

    private Setup modern() throws Exception {
        Ranges.within("--beta", beta, 1e-9, 1e3);
        if (network.patterns == null) {
            throw new IllegalArgumentException("--model modern needs --patterns (its memories, n x P)");
        }
        ArrayFile a = ArrayFile.read(network.patterns, "--patterns");
        PatternSet xi = new PatternSet(a.rows(), a.cols(), a.data(), "given");
        pair.check(xi, "transitions");
        return new Setup(Transitions.modern(xi, beta, pair.from - 1, pair.to - 1), Transitions.modernDrift(xi, beta), "modern");
    }

    private Setup voltage() throws Exception {
        NetworkOptions.Voltage v = network.readVoltage("transitions");
        VoltageModel model = v.model();
        pair.check(v.patterns(), "transitions");
        MemoryPair.Ends ends = pair.rest(model, v.patterns(), global.seed);
        Saddles.Result path = pair.path(model, ends, 41, 20_000, global.seed);
        if (path.saddle().index() != 1) {
            throw new IllegalArgumentException("--from, --to: no index-1 saddle between the two memories (index "
                    + path.saddle().index() + ")");
        }
        return new Setup(Transitions.voltage(model, ends.from(), ends.to(), path.saddle().x()), Transitions.voltageDrift(model),
                v.name());
    }
}
