package engram.report;

import engram.claim.Calibrated;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.claim.ClaimResult;
import engram.claim.ClaimRunner;
import engram.claim.Depth;
import engram.claim.Sensitivity;
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
        List<Sensitivity> sensitivities = new ArrayList<>();
        for (Claim<?> c : claims) {
            if (c instanceof Calibrated<?>) {
                long t0 = System.nanoTime();
                Sensitivity s = Sensitivity.of(c, seed, sensitivityCases(depth));
                sensitivities.add(s);
                progress.accept(String.format(Locale.ROOT, "[sensitivity] %-30s detects from %s = %s, %d ms", c.id(),
                        s.departure(), s.text(), (System.nanoTime() - t0) / 1_000_000));
            }
        }
        return withProvenance(results, seed, depth.name().toLowerCase(Locale.ROOT), shard.toString(),
                (System.nanoTime() - start) / 1_000_000).withSensitivities(sensitivities);
    }

    /** Cases drawn at each departure while calibrating a control: 6 at quick depth, 20 at deep. */
    public static int sensitivityCases(Depth depth) {
        return depth == Depth.DEEP ? 20 : 6;
    }

    public static Report withProvenance(List<ClaimResult> results, long seed, String depth, String shard, long wallMillis) {
        Map<String, Long> millis = new LinkedHashMap<>();
        results.forEach(r -> millis.put(r.id(), r.millis()));
        return new Report(seed, depth, results, Provenance.collect(seed, depth, shard, wallMillis, millis));
    }

    static final String SENSITIVITY_FIGURE = "sensitivity.png";

    /** Sensitivities (of shards, say) in the order of the claims in {@code registry}. */
    public static List<Sensitivity> inRegistryOrder(List<Sensitivity> all, List<Claim<?>> registry) {
        List<Sensitivity> out = new ArrayList<>();
        for (Claim<?> c : registry) {
            all.stream().filter(s -> s.id().equals(c.id())).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /** The calibrated sensitivities across claims (log scale), with the weak line; null when none was calibrated. */
    static Plot sensitivityFigure(List<Sensitivity> all) {
        List<Sensitivity> found = all.stream().filter(Sensitivity::detected).toList();
        if (found.isEmpty()) {
            return null;
        }
        List<Plot.Series> series = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            Sensitivity s = found.get(k);
            series.add(Plot.Series.scatter(s.id() + (s.below() ? " (at most)" : ""), new double[] {k + 1},
                    new double[] {s.threshold()}));
        }
        series.add(Plot.Series.dashed("weak above " + Sensitivity.WEAK, new double[] {0.5, found.size() + 0.5},
                new double[] {Sensitivity.WEAK, Sensitivity.WEAK}));
        return new Plot(SENSITIVITY_FIGURE, "Calibrated controls: for each claim with a continuous boundary, the smallest "
                + "relative departure from its hypotheses at which the check finds a violation (bisection over "
                + "departures, the same cases at each). Lower is sharper; above the dashed line the check is weak.",
                "Sensitivity of the checks", "claim", "smallest detected departure", false, true, series);
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
     * Writes the report with the history trend, then appends the run to {@code history} (unless null); compares with
     * the baseline when there is one; {@code registry} supplies the claims' case ranges. Returns the diff, or null when no baseline was checked.
     */
    public static BaselineDiff publish(Path out, Report report, List<RenderedFigure> figures, Baseline baseline,
            Path history, List<Claim<?>> registry, BaselineDiff.Slowdowns slowdowns) throws IOException {
        List<RenderedFigure> all = new ArrayList<>(figures);
        all.removeIf(f -> f.file().equals(SENSITIVITY_FIGURE) || f.file().equals(History.MUTATION_FIGURE));
        Plot sensitivity = sensitivityFigure(report.sensitivities());
        if (sensitivity != null) {
            all.add(FigureRenderer.render(sensitivity));
        }
        if (history != null) {
            List<History.Line> lines = History.withRun(history, report);
            Plot trend = History.trend(lines);
            if (trend != null) {
                all.add(FigureRenderer.render(trend));
            }
            Plot mutation = History.mutationTrend(lines);
            if (mutation != null) {
                all.add(FigureRenderer.render(mutation));
            }
        }
        BaselineDiff diff = baseline.checked() ? BaselineDiff.compare(report, baseline.report(), slowdowns) : null;
        ReportWriter.write(out, report, all, diff, baseline, registry);
        if (history != null) {
            // after the report is in place: a run killed before this point leaves the history as it was
            History.append(history, report);
        }
        return diff;
    }
}
