package engram.report;

import engram.claim.Claim;
import engram.claim.ClaimResult;
import engram.claim.ClaimRunner;
import engram.claim.Depth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            String head = String.format("[%d/%d] %-30s ", k, claims.size(), c.id());
            ClaimResult r = ClaimRunner.run(c, seed, depth.examples(c));
            results.add(r);
            progress.accept(head + String.format("%-8s %d cases, worst margin %.3g, %d ms", r.verdict(), r.cases(),
                    r.worstMargin(), r.millis()));
        }
        return withProvenance(results, seed, depth.name().toLowerCase(java.util.Locale.ROOT), shard.toString(),
                (System.nanoTime() - start) / 1_000_000);
    }

    public static Report withProvenance(List<ClaimResult> results, long seed, String depth, String shard, long wallMillis) {
        Map<String, Long> millis = new LinkedHashMap<>();
        results.forEach(r -> millis.put(r.id(), r.millis()));
        return new Report(seed, depth, results, Provenance.collect(seed, depth, shard, wallMillis, millis));
    }

    /** The standard figures (they depend only on the seed). */
    public static List<Figures.Figure> figures(long seed) throws IOException {
        return List.of(Figures.energyTraces(seed), Figures.convergence(seed), Figures.phaseDiagram(),
                Figures.retrieval(seed), Figures.randomResidual(seed));
    }

    /**
     * Appends the run to {@code history} (unless null) and writes the report with the history trend; compares with
     * {@code baseline} (unless null). Returns the diff, or null without a baseline.
     */
    public static BaselineDiff publish(Path out, Report report, List<Figures.Figure> figures, Report baseline,
            Path history) throws IOException {
        List<Figures.Figure> all = new ArrayList<>(figures);
        if (history != null) {
            History.append(history, report);
            Figures.Figure trend = History.trend(history);
            if (trend != null) {
                all.add(trend);
            }
        }
        BaselineDiff diff = baseline == null ? null : BaselineDiff.compare(report, baseline);
        ReportWriter.write(out, report, all, diff);
        return diff;
    }
}
