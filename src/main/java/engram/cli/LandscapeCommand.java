package engram.cli;

import engram.landscape.Saddles;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram landscape}: the minimum-energy path between two memories of a voltage or IDP network with symmetric
 * W, the saddle on it (string method, climbing image, Newton), its index and the barrier heights from both memories
 * (docs/theory.md section 9.2).
 */
@Command(name = "landscape", description = "Find the saddle and the energy barriers between two of your network's "
        + "memories.", sortOptions = false)
final class LandscapeCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Mixin NetworkOptions network;

    @Mixin MemoryPair pair;

    @Option(names = "--images", defaultValue = "41", description = "Points along the path, in [3, 10000] (default "
            + "${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--iterations", defaultValue = "20000", description = "The most string steps, in [1, 1000000] "
            + "(default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--out", paramLabel = "DIR", description = "Write landscape.png (energy along the path) there.")
    Path out;

    /** One barrier: from memory {@code from}, the saddle's energy above it. */
    record Barrier(int from, double height) {
    }

    /** One point of the path. */
    record Point(double s, double energy) {
    }

    /** The saddle: its energy, index (-1: an eigenvalue within 1e-9 of 0) and residual |F|_inf. */
    record SaddleOut(double energy, int index, double residual) {
    }

    /** The command's JSON (keys are the contract). */
    record Result(int n, String model, SaddleOut saddle, List<Barrier> barriers, List<Point> path, int iterations,
            boolean converged, double seconds, String figure) {
    }

    @Override public Integer call() throws Exception {
        long start = System.nanoTime();
        Ranges.within("--images", images, 3, 10_000);
        Ranges.within("--iterations", iterations, 1, 1_000_000);
        if (out != null) {
            AtomicFiles.checkDirectory(out, "--out");
        }
        NetworkOptions.Voltage v = network.readVoltage("landscape");
        VoltageModel model = v.model();
        PatternSet xi = v.patterns();
        pair.check(xi, "landscape");
        Saddles.Result r = pair.path(model, pair.rest(model, xi, global.seed), images, iterations, global.seed);
        String figure = null;
        if (out != null) {
            Files.createDirectories(out);
            Path file = out.resolve("landscape.png");
            AtomicFiles.write(file, FigureRenderer.render(Saddles.figure(r, "")).png());
            figure = file.toString();
        }
        List<Point> path = new ArrayList<>();
        for (int k = 0; k < r.s().length; k++) {
            path.add(new Point(r.s()[k], r.energy()[k]));
        }
        Result res = new Result(xi.n(), v.name(), new SaddleOut(r.saddle().energy(),
                r.saddle().index(), r.saddle().residual()), List.of(new Barrier(pair.from, r.fromA()), new Barrier(pair.to, r.fromB())),
                path, r.iterations(), r.converged(), (System.nanoTime() - start) / 1e9, figure);
        if (global.json) {
            System.out.println(JsonFormat.compact(res));
        } else {
            System.out.printf(Locale.ROOT, "saddle between memories %d and %d: energy %.6g, index %d, residual %.2g; "
                    + "barriers %.6g from %d, %.6g from %d; string %d steps%s%s%n", pair.from, pair.to, r.saddle().energy(),
                    r.saddle().index(), r.saddle().residual(), r.fromA(), pair.from, r.fromB(), pair.to, r.iterations(),
                    r.converged() ? "" : " (not converged)", figure == null ? "" : "; wrote " + figure);
        }
        return EngramCli.OK;
    }
}
