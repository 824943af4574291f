package engram.report;

import engram.claim.ClaimResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** {@code reports/history.jsonl}: one JSON line per report run, and the trend figure drawn from it. */
public final class History {

    private History() {
    }

    /** The line recorded for one run: provenance essentials, counts and each claim's worst margin. */
    static Map<String, Object> line(Report report) {
        Map<String, Object> m = new LinkedHashMap<>();
        Provenance p = report.provenance();
        m.put("date", p == null ? "" : p.date());
        m.put("commit", p == null ? "" : p.commit());
        m.put("seed", report.seed());
        m.put("depth", report.depth());
        m.put("holds", report.holds());
        m.put("total", report.results().size());
        m.put("wallMillis", p == null ? 0 : p.wallMillis());
        Map<String, Object> margins = new LinkedHashMap<>();
        for (ClaimResult r : report.results()) {
            margins.put(r.id(), r.worstMargin());
        }
        m.put("worstMargins", margins);
        return m;
    }

    /** Appends one line, rewriting the file atomically (a reader never sees a half line). */
    public static void append(Path file, Report report) throws IOException {
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!old.isEmpty() && !old.endsWith("\n")) {
            old += "\n";
        }
        AtomicFiles.write(file, old + Json.compact(line(report)) + "\n");
    }

    /** Trend of wall time and of the number of claims holding over the recorded runs; null before two runs. */
    @SuppressWarnings("unchecked")
    public static Figures.Figure trend(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                try {
                    lines.add((Map<String, Object>) Json.parse(l));
                } catch (RuntimeException e) {
                    // skip a damaged line rather than lose the report
                }
            }
        }
        if (lines.size() < 2) {
            return null;
        }
        int from = Math.max(0, lines.size() - 100);
        int k = lines.size() - from;
        double[] x = new double[k], wall = new double[k], holds = new double[k], failing = new double[k];
        for (int i = 0; i < k; i++) {
            Map<String, Object> m = lines.get(from + i);
            x[i] = from + i + 1;
            wall[i] = ((Number) m.get("wallMillis")).doubleValue() / 1000;
            holds[i] = ((Number) m.get("holds")).doubleValue();
            failing[i] = ((Number) m.get("total")).doubleValue() - holds[i];
        }
        XYChart c = new XYChartBuilder().width(760).height(360).title("History: last " + k + " report runs")
                .xAxisTitle("run").yAxisTitle("value").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.addSeries("claims holding", x, holds);
        c.addSeries("claims not holding", x, failing);
        c.addSeries("wall time (s)", x, wall);
        return new Figures.Figure("history.png", "Trend over reports/history.jsonl: claims holding and not holding, and "
                + "wall time per run.", BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG));
    }
}
