package engram.report;

import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.claim.ClaimResult;
import engram.claim.ClaimRunner;
import engram.claim.Depth;
import engram.figure.Plot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Running claims into a {@link Report}, and publishing a report (figures, history, baseline diff, files). */
public final class ReportRun {

    private ReportRun() {
    }

    public static Report run(List<Claim<?>> claims, long seed, Depth depth, Shard shard, Consumer<String> progress) {
        long start = System.nanoTime();
        List<ClaimResult> results = new ArrayList<>();
        int k = 0;
        for (Claim<?> c : claims) {
            k++;
            String head = String.format(Locale.ROOT, "[%d/%d] %-30s ", k, claims.size(), c.id());
            ClaimResult r = ClaimRunner.run(c, seed, depth.examples(c));
            results.add(r);
            progress.accept(head + String.format(Locale.ROOT, "%-8s %d cases%s, worst margin %.3g, %d ms", r.verdict(),
                    r.cases(), r.skipped() > 0 ? " (" + r.skipped() + " skipped)" : "", r.worstMargin(), r.millis()));
        }
        return withProvenance(results, seed, depth.name().toLowerCase(Locale.ROOT), shard.toString(),
                (System.nanoTime() - start) / 1_000_000);
    }

    public static Report withProvenance(List<ClaimResult> results, long seed, String depth, String shard, long wallMillis) {
        Map<String, Long> millis = new LinkedHashMap<>();
        results.forEach(r -> millis.put(r.id(), r.millis()));
        return new Report(seed, depth, results, Provenance.collect(seed, depth, shard, wallMillis, millis));
    }

    /** The families' figures, drawn (they depend only on the seed). */
    public static List<RenderedFigure> figures(List<ClaimFamily> families, long seed) {
        List<RenderedFigure> out = new ArrayList<>();
        for (ClaimFamily f : families) {
            f.figures(seed).forEach(fig -> out.add(FigureRenderer.render(fig)));
        }
        return out;
    }

    /**
     * Appends the run to {@code history} (unless null) and writes the report with the history trend; compares with
     * the baseline when there is one; {@code registry} supplies the claims' case ranges. Returns the diff, or null when no baseline was checked.
     */
    public static BaselineDiff publish(Path out, Report report, List<RenderedFigure> figures, Baseline baseline,
            Path history, List<Claim<?>> registry) throws IOException {
        List<RenderedFigure> all = new ArrayList<>(figures);
        if (history != null) {
            History.append(history, report);
            Plot trend = History.trend(history);
            if (trend != null) {
                all.add(FigureRenderer.render(trend));
            }
        }
        BaselineDiff diff = baseline.checked() ? BaselineDiff.compare(report, baseline.report()) : null;
        ReportWriter.write(out, report, all, diff, baseline, registry);
        return diff;
    }
}
