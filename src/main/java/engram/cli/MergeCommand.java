package engram.cli;

import engram.claim.Claim;
import engram.claim.ClaimResult;
import engram.report.Baseline;
import engram.report.BaselineDiff;
import engram.report.JsonFormat;
import engram.report.RenderedFigure;
import engram.report.Report;
import engram.report.ReportRun;
import engram.report.ReportWriter;
import engram.theorem.Theorems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code engram merge DIR...}: combine the outputs of {@code report --shard I/N} runs (same seed and depth) into one
 * report whose report.json equals an unsharded run's apart from the provenance block.
 */
@Command(name = "merge", description = "Merge sharded report directories into one report.")
final class MergeCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Shard output directories (each with report.json).")
    List<Path> dirs;

    @Option(names = "--out", defaultValue = "reports/latest", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--baseline", description = "Compare with this baseline report.json; exit 1 on a regression.")
    Path baseline;

    @Option(names = "--history", defaultValue = "reports/history.jsonl", description = "History file (default ${DEFAULT-VALUE}).")
    Path history;

    @Option(names = "--no-history", description = "Do not append the merged run to the history.")
    boolean noHistory;

    @Option(names = "--fail-on-slowdown", description = "Count a claim much slower than in the baseline as a "
            + "regression (exit 1). Off by default: wall time depends on the machine's load.")
    boolean failOnSlowdown;

    @Override public Integer call() throws Exception {
        engram.report.ReportWriter.checkDestination(out, "--out");
        if (!noHistory) {
            engram.report.AtomicFiles.checkFile(history, "--history");
        }
        Map<String, ClaimResult> byId = new HashMap<>();
        List<engram.claim.Sensitivity> sensitivities = new ArrayList<>();
        List<RenderedFigure> figures = new ArrayList<>();
        Long seed = null;
        String depth = null;
        long wall = 0;
        for (Path dir : dirs) {
            Report r = Report.read(dir.resolve("report.json"));
            if (seed != null && (seed != r.seed() || !depth.equals(r.depth()))) {
                throw new IllegalArgumentException("DIR " + dir + ": seed " + r.seed() + " depth " + r.depth()
                        + " differs from seed " + seed + " depth " + depth);
            }
            seed = r.seed();
            depth = r.depth();
            wall += r.provenance() == null ? 0 : r.provenance().wallMillis();
            sensitivities.addAll(r.sensitivities());
            for (ClaimResult c : r.results()) {
                if (byId.put(c.id(), c) != null) {
                    throw new IllegalArgumentException("DIR " + dir + ": claim " + c.id() + " appears in two shards");
                }
            }
            Path captions = dir.resolve("figures.json");
            if (Files.exists(captions)) {
                for (ReportWriter.Caption f : JsonFormat.read(Files.readString(captions), ReportWriter.Caption[].class)) {
                    String name = f.file();
                    if (!name.equals("history.png") && figures.stream().noneMatch(x -> x.file().equals(name))) {
                        figures.add(new RenderedFigure(name, f.caption(), Files.readAllBytes(dir.resolve(name))));
                    }
                }
            }
        }
        List<ClaimResult> ordered = new ArrayList<>();
        for (Claim<?> c : Theorems.all()) {
            if (byId.containsKey(c.id())) {
                ordered.add(byId.remove(c.id()));
            }
        }
        ordered.addAll(byId.values());
        Report merged = ReportRun.withProvenance(ordered, seed, depth, "merged from " + dirs.size(), wall)
                .withSensitivities(ReportRun.inRegistryOrder(sensitivities, Theorems.all()));
        Baseline against = baseline == null ? Baseline.none("no --baseline given")
                : Baseline.of(Report.read(baseline), baseline.toString());
        BaselineDiff diff = ReportRun.publish(out, merged, figures, against, noHistory ? null : history, Theorems.all(),
                failOnSlowdown ? BaselineDiff.Slowdowns.FAIL : BaselineDiff.Slowdowns.INFORM);
        ReportOutput.print(merged, diff, out, global.json, "merged " + dirs.size() + " shards: ");
        return merged.allHold() && (diff == null || !diff.regressed()) ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }
}
