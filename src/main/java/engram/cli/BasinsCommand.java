package engram.cli;

import engram.figure.HeatMap;
import engram.landscape.Basins;
import engram.memory.PatternSet;
import engram.report.AtomicFiles;
import engram.report.FigureRenderer;
import engram.report.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram basins}: basins of attraction of a voltage, IDP or firing-rate network by sampling (docs/theory.md
 * section 9.1): cues around each memory at several noise levels and states uniform in [-1, 1]^N ([0, 1]^N for
 * rates), integrated together to an
 * attractor, classified and counted with Wilson intervals; figures of the return fraction against cue noise and of
 * the basin map on the plane through memories 1 and 2.
 */
@Command(name = "basins", description = "Sample the basins of attraction of your network's memories.", sortOptions = false)
final class BasinsCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Mixin NetworkOptions network;

    @Option(names = "--noise", split = ",", defaultValue = "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8", description = "Cue noise "
            + "levels, each in [0, 1]: each unit's sign flips with probability noise / 2 (default ${DEFAULT-VALUE}).")
    List<Double> noise;

    @Option(names = "--per-level", defaultValue = "50", description = "Cues per memory and noise level, in [0, 100000] "
            + "(default ${DEFAULT-VALUE}).")
    int perLevel;

    @Option(names = "--uniform", defaultValue = "200", description = "States uniform in [-1, 1]^N, in [0, 200000] "
            + "(default ${DEFAULT-VALUE}).")
    int uniform;

    @Option(names = "--horizon", defaultValue = "100", description = "Longest integration, in units of tau, in [1, 1e5] "
            + "(default ${DEFAULT-VALUE}).")
    double horizon;

    @Option(names = "--tolerance", defaultValue = "1e-6", description = "Converged when |F(x)|_inf <= tolerance (1 + "
            + "|x|_inf), in [1e-12, 1e-2] (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--map-grid", defaultValue = "41", description = "Points per axis of the basin map on the plane "
            + "through memories 1 and 2, 0 for none, else in [2, 201] (default ${DEFAULT-VALUE}).")
    int mapGrid;

    @Option(names = "--out", paramLabel = "DIR", description = "Write basins.png and basin-map.png there.")
    Path out;

    /** The most samples one run takes. */
    static final int MAX_SAMPLES = 200_000;

    /** The command's JSON (keys are the contract). */
    record Result(int n, String model, List<Basins.Attractor> attractors, int samples, int notConverged,
            List<Basins.Curve> curves, double seconds, List<String> figures) {
    }

    @Override public Integer call() throws Exception {
        long start = System.nanoTime();
        Ranges.eachWithin("--noise", noise, 0, 1, 100);
        Ranges.within("--per-level", perLevel, 0, 100_000);
        Ranges.within("--uniform", uniform, 0, MAX_SAMPLES);
        Ranges.within("--horizon", horizon, 1, 1e5);
        Ranges.within("--tolerance", tolerance, 1e-12, 1e-2);
        if (mapGrid != 0) {
            Ranges.within("--map-grid", mapGrid, 2, 201);
        }
        if (out != null) {
            AtomicFiles.checkDirectory(out, "--out");
        }
        NetworkOptions.Sampled v = network.readSampled("basins");
        Basins.Dynamics model = v.dynamics();
        PatternSet xi = v.patterns();
        if (xi == null) {
            throw new IllegalArgumentException("--patterns is required: basins are sampled around the memories");
        }
        long total = (long) xi.p() * noise.size() * perLevel + uniform;
        if (total > MAX_SAMPLES) {
            throw new IllegalArgumentException("--per-level, --uniform: " + total + " samples, at most " + MAX_SAMPLES);
        }
        Basins.Settings s = new Basins.Settings(noise.stream().mapToDouble(Double::doubleValue).toArray(), perLevel, uniform,
                horizon, tolerance, Basins.step(Basins.lipschitzBound(model, global.seed)));
        Progress progress = new Progress("basins");
        progress.at(0, "integrating " + total + " samples");
        Basins.Result r = Basins.run(model, xi, s, global.seed);
        List<String> figures = out == null ? List.of() : figures(model, xi, s, r, progress);
        Result res = new Result(xi.n(), v.name(), r.attractors(), r.samples(), r.notConverged(),
                r.curves(), (System.nanoTime() - start) / 1e9, figures);
        if (global.json) {
            System.out.println(JsonFormat.compact(res));
        } else {
            print(res);
        }
        return EngramCli.OK;
    }

    private List<String> figures(Basins.Dynamics model, PatternSet xi, Basins.Settings s, Basins.Result r, Progress progress)
            throws IOException {
        Files.createDirectories(out);
        Path curves = out.resolve("basins.png");
        AtomicFiles.write(curves, FigureRenderer.render(Basins.curves(r, "")).png());
        if (mapGrid == 0 || xi.p() < 2) {
            return List.of(curves.toString());
        }
        progress.at(0.8, "basin map, " + mapGrid + " x " + mapGrid + " states");
        HeatMap map = Basins.map(model, xi, s, mapGrid, "");
        Path mapFile = out.resolve("basin-map.png");
        AtomicFiles.write(mapFile, FigureRenderer.render(map).png());
        return List.of(curves.toString(), mapFile.toString());
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "n = %d, %s model: %d samples, %d not converged, %.1f s%n", r.n(), r.model(),
                r.samples(), r.notConverged(), r.seconds());
        for (Basins.Attractor a : r.attractors()) {
            System.out.printf(Locale.ROOT, "  %-13s %-4s %6.3f  [%.3f, %.3f]  mean time %.1f tau%n", a.kind(),
                    a.pattern() == null ? "" : a.pattern(), a.fraction(), a.low(), a.high(), a.meanTime());
        }
        for (Basins.Curve c : r.curves()) {
            StringBuilder b = new StringBuilder("  memory " + c.pattern() + " returns:");
            for (int k = 0; k < c.noise().length; k++) {
                b.append(String.format(Locale.ROOT, " %.2f@%.1f", c.fraction()[k], c.noise()[k]));
            }
            System.out.println(b);
        }
        for (String f : r.figures()) {
            System.out.println("wrote " + f);
        }
    }
}
