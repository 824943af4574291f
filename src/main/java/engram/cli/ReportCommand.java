package engram.cli;

import engram.claim.Claim;
import engram.claim.ClaimResult;
import engram.claim.ClaimRunner;
import engram.claim.Depth;
import engram.report.Figures;
import engram.report.Json;
import engram.report.ReportWriter;
import engram.theorem.Theorems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code engram report}: run every claim's check and write report.json, figures and index.html. */
@Command(name = "report", description = "Check every claim and write the report.")
final class ReportCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Option(names = "--depth", defaultValue = "quick", description = "quick | deep (ten times the cases) (default ${DEFAULT-VALUE}).")
    String depth;

    @Option(names = "--out", defaultValue = "reports/latest", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--claim", description = "Only this claim id (repeatable).")
    List<String> only;

    @Override public Integer call() throws Exception {
        Depth d = Depth.parse(depth);
        List<Claim<?>> claims = new ArrayList<>();
        if (only == null || only.isEmpty()) {
            claims.addAll(Theorems.all());
        } else {
            for (String id : only) {
                claims.add(Theorems.byId(id));
            }
        }
        List<ClaimResult> results = new ArrayList<>();
        int k = 0;
        for (Claim<?> c : claims) {
            k++;
            System.err.printf("[%d/%d] %-30s ", k, claims.size(), c.id());
            System.err.flush();
            ClaimResult r = ClaimRunner.run(c, global.seed, d.examples(c));
            results.add(r);
            System.err.printf("%-8s %d cases, worst margin %.3g, %d ms%n", r.verdict(), r.cases(), r.worstMargin(), r.millis());
        }
        List<Figures.Figure> figures = List.of(Figures.energyTraces(global.seed), Figures.convergence(global.seed),
                Figures.phaseDiagram(), Figures.retrieval(global.seed), Figures.randomResidual(global.seed));
        ReportWriter.write(out, results, global.seed, depth, figures);
        boolean all = results.stream().allMatch(ClaimResult::holds);
        if (global.json) {
            Map<String, Object> summary = new LinkedHashMap<>(ReportWriter.toJson(results, global.seed, depth));
            summary.put("out", out.toString());
            System.out.println(Json.compact(summary));
        } else {
            System.out.printf("%d of %d claims hold; report written to %s%n",
                    results.stream().filter(ClaimResult::holds).count(), results.size(), out.resolve("index.html"));
        }
        return all ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }
}
