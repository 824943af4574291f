package engram.cli;

import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.claim.Depth;
import engram.report.AtomicFiles;
import engram.report.Baseline;
import engram.report.BaselineDiff;
import engram.report.FalseFailures;
import engram.report.History;
import engram.report.MutationSummary;
import engram.report.RenderedFigure;
import engram.report.Report;
import engram.report.ReportRun;
import engram.report.ReportWriter;
import engram.report.Shard;
import engram.theorem.Theorems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code engram report}: run the claims' checks and write report.json, summary.md, figures and index.html; optionally
 * compare with a baseline (exit 1 on a regression), rewrite the baseline, append to the history, or run one shard.
 */
@Command(name = "report", description = "Check every claim and write the report.")
final class ReportCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--depth", defaultValue = "quick", description = "quick | deep (ten times the cases) (default ${DEFAULT-VALUE}).")
    String depth;

    @Option(names = "--out", defaultValue = "reports/latest", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--claim", description = "Only this claim id (repeatable).")
    List<String> only;

    @Option(names = "--baseline", description = "Compare with this baseline report.json; exit 1 on a regression.")
    Path baseline;

    @Option(names = "--update-baseline", description = "Rewrite the baseline (the --baseline path, default reports/baseline.json) with this run.")
    boolean updateBaseline;

    @Option(names = "--history", defaultValue = "reports/history.jsonl", description = "History file to append to (default ${DEFAULT-VALUE}).")
    Path history;

    @Option(names = "--no-history", description = "Do not append this run to the history.")
    boolean noHistory;

    @Option(names = "--fail-on-slowdown", description = "Count a claim much slower than in the baseline (more than 5 "
            + "times and 2 s) as a regression (exit 1). Off by default: wall time depends on the machine's load, so "
            + "slowdowns are only shown.")
    boolean failOnSlowdown;

    @Option(names = "--mutations", paramLabel = "DIR", description = "Read PIT's mutations.xml files under DIR (after "
            + "mvn -Pmutation verify: target/pit-reports) and put the mutation score per package and the surviving "
            + "mutants into the report and its history.")
    Path mutations;

    @Option(names = "--false-failures", paramLabel = "FILE", description = "Measured false-failure rates to show "
            + "beside the stated ones (repeatable; engram false-failures writes them). Default: "
            + "reports/false-failures.json and reports/false-failures-deep.json, those that exist.")
    List<Path> falseFailures;

    @Option(names = "--shard", description = "Run only shard I of N (I/N); the split depends only on claim ids.")
    String shard;

    @Override public Integer call() throws Exception {
        Depth d = Depth.parse(depth);
        Shard s = shard == null ? Shard.ALL : Shard.parse(shard);
        if (updateBaseline && (shard != null || only != null && !only.isEmpty())) {
            throw new IllegalArgumentException("--update-baseline needs a full run: drop --claim and --shard "
                    + "(a partial baseline would report every other claim as removed)");
        }
        List<Claim<?>> claims = selected(s);
        ReportWriter.checkDestination(out, "--out");
        if (!noHistory) {
            History.check(FileOptions.file(commandSpec, "--history", history), "--history");
        }
        Path baselinePath = baseline != null ? baseline : updateBaseline ? Path.of("reports", "baseline.json") : null;
        Report old = baselinePath != null && Files.exists(baselinePath) ? Report.read(baselinePath, "--baseline") : null;
        if (baseline != null && old == null && !updateBaseline) {
            throw new IllegalArgumentException("--baseline: file not found: " + baseline);
        }
        if (updateBaseline) {
            AtomicFiles.checkFile(FileOptions.file(commandSpec, "--baseline", baselinePath), "--baseline");
        }
        MutationSummary mutation = mutations == null ? null : MutationSummary.read(mutations,
                MutationSummary.equivalents(Path.of("properties", "equivalent-mutants.csv")));
        Baseline against = old != null ? Baseline.of(old, baselinePath.toString())
                : Baseline.none(updateBaseline ? "the baseline " + baselinePath + " is created by this run" : "no --baseline given");
        CompletableFuture<List<RenderedFigure>> drawing = drawFigures(claims, s);
        List<FalseFailures> rates = falseFailureRecords();
        Report report = ReportRun.run(claims, global.seed, d, s, System.err::println).withMutation(mutation)
                .withFalseFailures(rates);
        List<RenderedFigure> figures;
        try {
            figures = drawing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        BaselineDiff diff = ReportRun.publish(out, report, figures, against, noHistory ? null : history, Theorems.all(),
                failOnSlowdown ? BaselineDiff.Slowdowns.FAIL : BaselineDiff.Slowdowns.INFORM);
        if (updateBaseline) {
            AtomicFiles.write(baselinePath, report.toJsonText());
            System.err.println("baseline " + baselinePath + (old == null ? " created"
                    : " updated; what changed: " + (diff == null ? "" : diff.text().replace("\n", "; "))));
        }
        boolean regressed = diff != null && diff.regressed() && !updateBaseline;
        ReportOutput.print(report, diff, out, global.json, "");
        return report.allHold() && !regressed ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }

    /** The claims this run checks: all, or those named by --claim (each once), within the shard. */
    private List<Claim<?>> selected(Shard s) {
        List<Claim<?>> claims = new ArrayList<>();
        if (only == null || only.isEmpty()) {
            claims.addAll(Theorems.all());
        } else {
            for (String id : new LinkedHashSet<>(only)) {
                claims.add(Theorems.byId(id));
            }
        }
        claims.removeIf(c -> !s.includes(c.id()));
        return claims;
    }

    /**
     * The figures of the families with a claim in this run (every family in a full run); shard 1 draws them, on a
     * thread of its own while the claims run (both depend only on the seed).
     */
    private CompletableFuture<List<RenderedFigure>> drawFigures(List<Claim<?>> claims, Shard s) {
        Set<String> ids = new HashSet<>();
        claims.forEach(c -> ids.add(c.id()));
        List<ClaimFamily> drawn = Theorems.families().stream()
                .filter(f -> only == null || only.isEmpty() || f.claims().stream().anyMatch(c -> ids.contains(c.id())))
                .toList();
        if (s.index() != 1) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> ReportRun.figures(drawn, global.seed),
                Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "engram-figures");
                    t.setDaemon(true);
                    return t;
                }));
    }

    /** The measured false-failure rates: the files given, or the default file of each depth where it exists. */
    private List<FalseFailures> falseFailureRecords() throws IOException {
        List<FalseFailures> rates = new ArrayList<>();
        if (falseFailures == null || falseFailures.isEmpty()) {
            for (Depth k : Depth.values()) {
                Path p = FalseFailures.defaultFile(k);
                if (Files.exists(p)) {
                    rates.add(FalseFailures.read(p, "--false-failures"));
                }
            }
        } else {
            for (Path p : falseFailures) {
                rates.add(FalseFailures.read(p, "--false-failures"));
            }
        }
        return rates;
    }
}
