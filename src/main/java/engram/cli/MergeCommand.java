package engram.cli;

import engram.claim.Claim;
import engram.claim.ClaimResult;
import engram.claim.Sensitivity;
import engram.report.AtomicFiles;
import engram.report.Baseline;
import engram.report.BaselineDiff;
import engram.report.History;
import engram.report.JsonFormat;
import engram.report.RenderedFigure;
import engram.report.Report;
import engram.report.ReportRun;
import engram.report.ReportWriter;
import engram.report.Shard;
import engram.report.TextFiles;
import engram.theorem.Theorems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code engram merge DIR...}: combine the outputs of {@code report --shard I/N} runs (same seed and depth) into one
 * report whose report.json equals an unsharded run's apart from the provenance block.
 */
@Command(name = "merge", description = "Merge sharded report directories into one report.")
final class MergeCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

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
        ReportWriter.checkDestination(out, "--out");
        if (!noHistory) {
            History.check(FileOptions.file(commandSpec, "--history", history), "--history");
        }
        Baseline against = baseline == null ? Baseline.none("no --baseline given")
                : Baseline.of(Report.read(baseline, "--baseline"), baseline.toString());
        Map<String, ClaimResult> byId = new HashMap<>();
        List<Sensitivity> sensitivities = new ArrayList<>();
        List<RenderedFigure> figures = new ArrayList<>();
        Long seed = null;
        String depth = null;
        Integer count = null;
        Set<Integer> seen = new TreeSet<>();
        long wall = 0;
        for (Path dir : dirs) {
            Report r = Report.read(dir.resolve("report.json"), "DIR " + dir + ":");
            if (seed != null && (seed != r.seed() || !depth.equals(r.depth()))) {
                throw new IllegalArgumentException("DIR " + dir + ": seed " + r.seed() + " depth " + r.depth()
                        + " differs from seed " + seed + " depth " + depth);
            }
            seed = r.seed();
            depth = r.depth();
            Shard shard = shardOf(dir, r);
            if (count != null && count != shard.count()) {
                throw new IllegalArgumentException("DIR " + dir + ": shard " + shard + " is of " + shard.count()
                        + ", the others of " + count);
            }
            count = shard.count();
            if (!seen.add(shard.index())) {
                throw new IllegalArgumentException("DIR " + dir + ": shard " + shard + " given twice");
            }
            wall += r.provenance().wallMillis();
            sensitivities.addAll(r.sensitivities());
            for (ClaimResult c : r.results()) {
                if (!shard.includes(c.id())) {
                    throw new IllegalArgumentException("DIR " + dir + ": claim " + c.id() + " does not belong to shard "
                            + shard + " (a foreign or edited shard)");
                }
                if (byId.put(c.id(), c) != null) {
                    throw new IllegalArgumentException("DIR " + dir + ": claim " + c.id() + " appears in two shards");
                }
            }
            readFigures(dir, shard, figures);
        }
        requireEveryShard(seen, count);
        List<ClaimResult> ordered = inRegistryOrder(byId);
        Report merged = ReportRun.withProvenance(ordered, seed, depth, "merged from " + dirs.size(), wall)
                .withSensitivities(ReportRun.inRegistryOrder(sensitivities, Theorems.all()));
        BaselineDiff diff = ReportRun.publish(out, merged, figures, against, noHistory ? null : history, Theorems.all(),
                failOnSlowdown ? BaselineDiff.Slowdowns.FAIL : BaselineDiff.Slowdowns.INFORM);
        ReportOutput.print(merged, diff, out, global.json, "merged " + dirs.size() + " shards: ");
        return merged.allHold() && (diff == null || !diff.regressed()) ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }

    /** Refuses a merge with a shard missing. */
    private static void requireEveryShard(Set<Integer> seen, int count) {
        if (seen.size() == count) {
            return;
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!seen.contains(i)) {
                missing.add(i);
            }
        }
        throw new IllegalArgumentException("shards missing: " + missing + " of " + count
                + " (a merge needs every shard of the run)");
    }

    /** The merged results in the registry's order; refused when empty or holding a claim this Engram lacks. */
    private static List<ClaimResult> inRegistryOrder(Map<String, ClaimResult> byId) {
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("the shards hold no claims: nothing to merge");
        }
        List<ClaimResult> ordered = new ArrayList<>();
        for (Claim<?> c : Theorems.all()) {
            if (byId.containsKey(c.id())) {
                ordered.add(byId.remove(c.id()));
            }
        }
        if (!byId.isEmpty()) {
            throw new IllegalArgumentException("the shards hold claims this Engram does not have: " + byId.keySet());
        }
        return ordered;
    }

    /** The shard a directory's report says it is ({@code report --shard I/N}); an unsharded report is 1 of 1. */
    private static Shard shardOf(Path dir, Report r) {
        String text = r.provenance() == null ? null : r.provenance().shard();
        if (text == null) {
            throw new IllegalArgumentException("DIR " + dir + ": report.json records no shard (not written by engram "
                    + "report --shard)");
        }
        try {
            return text.equals("all") ? Shard.ALL : Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DIR " + dir + ": report.json records the shard '" + text + "', not I/N");
        }
    }

    /**
     * The figures a shard drew (shard 1 draws them), named in its figures.json: each name must be a plain file name
     * inside the shard's directory, a regular file, and a PNG.
     */
    private static void readFigures(Path dir, Shard shard, List<RenderedFigure> figures) {
        Path captions = dir.resolve("figures.json");
        if (!Files.exists(captions)) {
            return;
        }
        ReportWriter.Caption[] listed;
        try {
            listed = JsonFormat.read(TextFiles.read(captions, "DIR " + dir + ":"), ReportWriter.Caption[].class);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("DIR") ? e : new IllegalArgumentException("DIR " + dir
                    + ": figures.json is not a list of figures (" + TextFiles.firstLine(e.getMessage()) + ")");
        }
        for (ReportWriter.Caption f : listed == null ? new ReportWriter.Caption[0] : listed) {
            String name = f == null ? null : f.file();
            Path file;
            try {
                file = AtomicFiles.child(dir, name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DIR " + dir + ": figures.json names " + e.getMessage());
            }
            if (name.equals("history.png") || figures.stream().anyMatch(x -> x.file().equals(name))) {
                continue;
            }
            if (!name.endsWith(".png") || Files.isSymbolicLink(file) || !Files.isRegularFile(file)) {
                throw new IllegalArgumentException("DIR " + dir + ": figures.json names '" + name + "', which is not a "
                        + "PNG file in the shard");
            }
            byte[] png;
            try {
                png = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("DIR " + dir + ": cannot read " + name);
            }
            figures.add(new RenderedFigure(name, f.caption(), png));
        }
    }
}
