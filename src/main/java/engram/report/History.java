package engram.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import engram.claim.ClaimResult;
import engram.figure.Plot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code reports/history.jsonl}: one JSON line per report run, and the trend figure drawn from it. */
public final class History {

    private History() {
    }

    /** The line recorded for one run: provenance essentials, counts and each claim's worst margin. */
    public record Line(String date, String commit, long seed, String depth, long holds, int total, long wallMillis,
            Map<String, Double> worstMargins, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> mutationScores) {
    }

    static final String MUTATION_FIGURE = "mutation-trend.png";

    static Line line(Report report) {
        Provenance p = report.provenance();
        Map<String, Double> margins = new LinkedHashMap<>();
        for (ClaimResult r : report.results()) {
            margins.put(r.id(), r.worstMargin());
        }
        Map<String, Double> mutation = null;
        if (report.mutation() != null) {
            mutation = new LinkedHashMap<>();
            for (MutationSummary.PackageScore s : report.mutation().packages()) {
                mutation.put(s.name(), s.score());
            }
        }
        return new Line(p == null ? "" : p.date(), p == null ? "" : p.commit(), report.seed(), report.depth(),
                report.holds(), report.results().size(), p == null ? 0 : p.wallMillis(), margins, mutation);
    }

    /**
     * Appends one line, rewriting the file atomically (a reader never sees a half line). Called after the report it
     * records is in place, so a run killed before that leaves no line for a report that was never written.
     */
    public static void append(Path file, Report report) throws IOException {
        String old = Files.exists(file) ? text(file) : "";
        if (!old.isEmpty() && !old.endsWith("\n")) {
            old += "\n";
        }
        AtomicFiles.write(file, old + JsonFormat.compact(line(report)) + "\n");
    }

    /**
     * Checks, before any work, that {@code file} can be appended to: a writable regular file or nothing, and if it
     * exists, UTF-8 text (a binary file given as the history is refused here rather than after the claims ran).
     */
    public static void check(Path file, String option) {
        AtomicFiles.checkFile(file, option);
        if (Files.exists(file)) {
            try {
                text(file);
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + file + ": " + e.getMessage());
            }
        }
    }

    /** The file as UTF-8 text; anything else (a binary file) is an IOException saying so. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (s.indexOf('\0') >= 0) {
                throw new CharacterCodingException();
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new IOException("not a text file (a history is UTF-8 JSON lines)");
        }
    }

    /** The recorded runs; a damaged line is skipped rather than losing the report. */
    public static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String l : text(file).split("\n")) {
                if (!l.isBlank()) {
                    try {
                        lines.add(JsonFormat.read(l, Line.class));
                    } catch (RuntimeException e) {
                        // skip a damaged line
                    }
                }
            }
        }
        return lines;
    }

    /** The recorded runs followed by the line this report will add. */
    public static List<Line> withRun(Path file, Report report) throws IOException {
        List<Line> lines = read(file);
        lines.add(line(report));
        return lines;
    }

    /** Trend of wall time and of the number of claims holding over the last 100 runs; null before two runs. */
    public static Plot trend(List<Line> lines) {
        if (lines.size() < 2) {
            return null;
        }
        int from = Math.max(0, lines.size() - 100);
        int k = lines.size() - from;
        double[] x = new double[k], wall = new double[k], holds = new double[k], failing = new double[k];
        for (int i = 0; i < k; i++) {
            Line m = lines.get(from + i);
            x[i] = from + i + 1;
            wall[i] = m.wallMillis() / 1000.0;
            holds[i] = m.holds();
            failing[i] = m.total() - m.holds();
        }
        return new Plot("history.png", "Trend over reports/history.jsonl: claims holding and not holding, and wall time "
                + "per run.", "History: last " + k + " report runs", "run", "value", false, false,
                List.of(Plot.Series.points("claims holding", x, holds), Plot.Series.points("claims not holding", x, failing),
                        Plot.Series.points("wall time (s)", x, wall)));
    }

    /** Mutation score per package over the runs that recorded one; null before two such runs. */
    public static Plot mutationTrend(List<Line> all) {
        List<Line> lines = all.stream().filter(l -> l.mutationScores() != null).toList();
        if (lines.size() < 2) {
            return null;
        }
        Map<String, List<double[]>> byPackage = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            for (Map.Entry<String, Double> e : lines.get(i).mutationScores().entrySet()) {
                byPackage.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {i + 1, e.getValue()});
            }
        }
        List<Plot.Series> series = new ArrayList<>();
        byPackage.forEach((pkg, pts) -> series.add(Plot.Series.points(pkg, pts.stream().mapToDouble(v -> v[0]).toArray(),
                pts.stream().mapToDouble(v -> v[1]).toArray())));
        return new Plot(MUTATION_FIGURE, "Mutation score per package (PIT, mvn -Pmutation verify, then report --mutations) "
                + "over the report runs that recorded one.", "Mutation score trend", "run with mutation scores",
                "mutants detected / mutants", false, false, series);
    }
}
