package engram.cli;

import engram.Heap;
import engram.analysis.MixedInputRetrieval.Model;
import engram.analysis.MixedInputRetrieval.Settings;
import engram.analysis.MixedInputRetrieval.Tally;
import engram.analysis.MixedInputRetrieval;
import engram.report.AtomicFiles;
import engram.report.Csv;
import engram.report.FigureRenderer;
import engram.report.JsonFormat;
import engram.theorem.inputdriven.InputDrivenFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram idp-retrieval}: the mixed-input and noise experiments of the IDP paper (theory.md section 3) for the
 * IDP and classic networks on common random numbers: for every sigma, the fraction of inputs whose dominant memory is
 * retrieved, with a Wilson 95% interval. Writes accuracy.csv and accuracy.png; prints progress on stderr.
 */
@Command(name = "idp-retrieval", description = "Retrieval of mixed inputs against noise, IDP and classic networks.")
final class IdpRetrievalCommand implements Callable<Integer> {

    private static final Settings PAPER = Settings.paper(0);

    @Mixin GlobalOptions global;

    @Option(names = "--n", description = "Neurons N (default ${DEFAULT-VALUE}).")
    int n = PAPER.n();

    @Option(names = "--p", description = "Memories P (default ${DEFAULT-VALUE}).")
    int p = PAPER.p();

    @Option(names = "--inputs", description = "Mixed inputs in sequence per trial, in [1, P] (default ${DEFAULT-VALUE}).")
    int inputs = PAPER.inputs();

    @Option(names = "--trials", defaultValue = "100", description = "Trials per sigma and model (default ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--sigmas", split = ",", defaultValue = "0,0.5,1,2,4,8", description = "Noise levels (default ${DEFAULT-VALUE}).")
    List<Double> sigmas;

    @Option(names = "--dt", description = "Euler-Maruyama step (default ${DEFAULT-VALUE}).")
    double dt = PAPER.dt();

    @Option(names = "--duration", description = "Time each input is held (default ${DEFAULT-VALUE}).")
    double duration = PAPER.duration();

    @Option(names = "--gain", description = "psi = tanh(gain x) (default ${DEFAULT-VALUE}).")
    double gain = PAPER.gain();

    @Option(names = "--out", defaultValue = "reports/idp", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    /** One row of the table (the keys are the command's contract). */
    record Row(String model, double sigma, int inputs, int retrieved, double rate, double low, double high, int largest,
            double meanDominantOverlap) {
    }

    /** The JSON output. */
    record Result(int n, int p, int inputsPerTrial, int trials, double dt, double duration, double gain, List<Row> rows,
            double seconds, String csv, String png) {
    }

    @Override public Integer call() throws Exception {
        AtomicFiles.checkDirectory(out, "--out");
        AtomicFiles.checkFile(out.resolve("accuracy.csv"), "--out");
        AtomicFiles.checkFile(out.resolve("accuracy.png"), "--out");
        Ranges.within("--n", n, 2, 100_000);
        Ranges.within("--p", p, 1, Math.min(n, 1000));
        Ranges.within("--inputs", inputs, 1, p);
        Ranges.within("--trials", trials, 1, 100_000);
        Ranges.eachWithin("--sigmas", sigmas, 0, 1e3, 100);
        Ranges.within("--dt", dt, 1e-6, 1);
        Ranges.within("--duration", duration, dt, 1e4);
        Ranges.within("--duration / --dt (steps per input)", Math.round(duration / dt), 1, 1_000_000);
        Ranges.within("--gain", gain, 1e-6, 1e6);
        // each trial holds its memories and the IDP factor (N x P doubles each), one trial per core at a time
        Heap.checkDoubles("--n " + n + " --p " + p, 4.0 * n * p * Runtime.getRuntime().availableProcessors());
        Settings base = new Settings(n, p, inputs, dt, duration, gain, 0);
        Files.createDirectories(out);
        long started = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        double[] sig = sigmas.stream().mapToDouble(Double::doubleValue).toArray();
        Map<Model, List<Tally>> tallies = new EnumMap<>(Model.class);
        for (Model m : Model.values()) {
            List<Tally> row = new ArrayList<>();
            for (int k = 0; k < sig.length; k++) {
                Progress progress = new Progress("idp-retrieval " + m + " sigma " + sig[k]);
                Tally t = MixedInputRetrieval.tally(m, base.withSigma(sig[k]), trials, global.seed,
                        done -> progress.at((double) done / trials, done + " of " + trials + " trials"));
                double[] ci = t.wilson(0.95);
                rows.add(new Row(m.toString(), sig[k], t.inputs(), t.retrieved(), t.rate(), ci[0], ci[1], t.largest(),
                        t.meanDominantOverlap()));
                row.add(t);
                System.err.printf(Locale.ROOT, "%-8s sigma %-5s %d/%d retrieved (%.3f, Wilson 95%% %.3f..%.3f), %.1f s%n", m,
                        sig[k], t.retrieved(), t.inputs(), t.rate(), ci[0], ci[1], (System.nanoTime() - started) / 1e9);
            }
            tallies.put(m, row);
        }
        List<Object[]> csvRows = new ArrayList<>();
        for (Row r : rows) {
            csvRows.add(new Object[] {r.model(), r.sigma(), r.inputs(), r.retrieved(), r.rate(), r.low(), r.high(),
                r.largest(), r.meanDominantOverlap()});
        }
        Path csv = out.resolve("accuracy.csv"), png = out.resolve("accuracy.png");
        AtomicFiles.write(csv, Csv.write(List.of("model", "sigma", "inputs", "retrieved", "rate", "low", "high",
                "largest", "meanDominantOverlap"), csvRows));
        AtomicFiles.write(png, FigureRenderer.render(InputDrivenFamily.accuracy("accuracy.png", "", String.format(Locale.ROOT,
                "Retrieval of mixed inputs against noise (N=%d, P=%d, %d trials x %d inputs)", n, p, trials, inputs), sig,
                tallies)).png());
        Result res = new Result(n, p, inputs, trials, dt, duration, gain, rows, (System.nanoTime() - started) / 1e9,
                csv.toString(), png.toString());
        if (global.json) {
            System.out.println(JsonFormat.compact(res));
        } else {
            System.out.printf(Locale.ROOT, "%d rows in %.1f s; wrote %s and %s%n", rows.size(), res.seconds(), csv, png);
        }
        return EngramCli.OK;
    }
}
