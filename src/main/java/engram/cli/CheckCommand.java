package engram.cli;

import engram.check.CheckReport;
import engram.check.GivenNetwork;
import engram.check.NetworkCheck;
import engram.claim.ClaimResult;
import engram.report.Baseline;
import engram.report.BaselineDiff;
import engram.report.JsonFormat;
import engram.report.Report;
import engram.report.ReportRun;
import engram.report.ReportWriter;
import engram.theorem.Theorems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram check}: the catalogue's theorems on the user's own network (W, and optionally patterns and an input,
 * from .npy or CSV): which claims apply (and which hypothesis fails for the others), their verdicts on oracle
 * trajectories, and the equilibrium of each given pattern. Exit 0 when every applicable claim holds, 1 when one fails.
 */
@Command(name = "check", description = "Check the theorems that apply to your own network (W from .npy or CSV).",
        sortOptions = false)
final class CheckCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Mixin NetworkOptions network;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the HTML report (as report does) into DIR.")
    Path out;

    @Option(names = "--certify", description = "Also prove what engram certify proves (contraction, each pattern's "
            + "equilibrium, its stability and basin): JSON key proofs.")
    boolean certify;

    @Override public Integer call() throws Exception {
        if (out != null) {
            ReportWriter.checkDestination(out, "--out");
        }
        if (network.couplings == null) {
            throw new IllegalArgumentException("--couplings is required (W, n x n)");
        }
        GivenNetwork g = network.read();
        long start = System.nanoTime();
        CheckReport r = NetworkCheck.run(g, global.seed, line -> System.err.println("[check] " + line));
        if (out != null) {
            writeReport(r, (System.nanoTime() - start) / 1_000_000);
        }
        CertifyCommand.Result proofs = certify ? CertifyCommand.prove(g, global.seed, null, System.nanoTime()) : null;
        if (global.json) {
            if (proofs == null) {
                System.out.println(JsonFormat.compact(r));
            } else {
                Map<String, Object> both = new LinkedHashMap<>(JsonFormat.read(JsonFormat.compact(r), Map.class));
                both.put("proofs", proofs);
                System.out.println(JsonFormat.compact(both));
            }
        } else {
            System.out.print(r.summary());
            if (proofs != null) {
                CertifyCommand.print(proofs, System.out);
            }
            if (out != null) {
                System.out.println("Report written to " + out.resolve("index.html"));
            }
        }
        return r.allHold() ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }

    /** The applicable claims' verdicts as a report in --out, the same HTML as engram report's. */
    private void writeReport(CheckReport r, long millis) throws IOException {
        List<ClaimResult> results = new ArrayList<>();
        for (CheckReport.ClaimCheck c : r.claims()) {
            if (c.applicable()) {
                results.add(new ClaimResult(c.id(), ClaimResult.Verdict.valueOf(c.verdict()), c.worstMargin(),
                        Double.NaN, 1, 0, global.seed, "the given network (" + network.couplings.getFileName() + ")", c.detail(),
                        0, "", "not run: engram check runs no negative controls on a given network", millis));
            }
        }
        Report report = ReportRun.withProvenance(results, global.seed, "check", "all", millis);
        ReportRun.publish(out, report, List.of(), Baseline.none("engram check of a given network"), null,
                Theorems.all(), BaselineDiff.Slowdowns.INFORM);
    }
}
