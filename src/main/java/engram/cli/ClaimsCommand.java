package engram.cli;

import engram.claim.CaseRanges;
import engram.claim.CatalogueEntry;
import engram.claim.Depth;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.report.ClaimTable;
import engram.report.JsonFormat;
import engram.theorem.Theorems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code engram claims}: the catalogue as a table, as JSON, or as the README's Markdown table. */
@Command(name = "claims", description = "List the claim catalogue.")
final class ClaimsCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Option(names = "--markdown", description = "Print the README's claim tables (one per family).")
    boolean markdown;

    /** One claim as {@code --json} prints it: its family, its catalogue entry and the ranges its cases are drawn from. */
    record Listed(String id, String family, String title, String statement, String source, String hypotheses,
            String cases, String controlCases, String metric, double tolerance, Map<String, Double> tolerances,
            String toleranceWhy, String control, String claim, String direction, double regression,
            Double falseFailurePerCase, Double falseFailureRateQuick, Double falseFailureRateDeep, String falseFailureWhy) {
    }

    /** The {@code --json} output. */
    record Listing(int count, List<Listed> claims) {
    }

    @Override public Integer call() {
        if (markdown && global.json) {
            throw new IllegalArgumentException("--markdown and --json are two different outputs: choose one");
        }
        if (markdown) {
            System.out.print(ClaimTable.markdown(Theorems.families()));
            return EngramCli.OK;
        }
        List<Listed> listed = new ArrayList<>();
        for (ClaimFamily f : Theorems.families()) {
            for (Claim<?> c : f.claims()) {
                CatalogueEntry e = c.entry();
                listed.add(new Listed(e.id(), f.name(), e.title(), e.statement(), e.source(), e.hypotheses(),
                        CaseRanges.text(c.hypotheses()), CaseRanges.text(c.control()), e.metric(), e.tolerance(),
                        e.tolerances(), e.toleranceWhy(), e.control(), e.claim(), e.direction(), e.regression(),
                        e.falseFailurePerCase(), e.statistical() ? e.falseFailureRate(Depth.QUICK.examples(c)) : null,
                        e.statistical() ? e.falseFailureRate(Depth.DEEP.examples(c)) : null, e.falseFailureWhy()));
            }
        }
        if (global.json) {
            System.out.println(JsonFormat.compact(new Listing(listed.size(), listed)));
        } else {
            System.out.printf("%-30s %-70s %s%n", "ID", "TITLE", "TOLERANCE");
            for (ClaimFamily f : Theorems.families()) {
                for (Claim<?> c : f.claims()) {
                    System.out.printf("%-30s %-70s %s%n", c.id(), c.entry().title(), c.entry().toleranceText());
                }
            }
        }
        return EngramCli.OK;
    }

}
