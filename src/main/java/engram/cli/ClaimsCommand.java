package engram.cli;

import engram.claim.Catalogue;
import engram.claim.CatalogueEntry;
import engram.claim.Claim;
import engram.report.Json;
import engram.theorem.Theorems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code engram claims}: the catalogue as a table or JSON. */
@Command(name = "claims", description = "List the claim catalogue.")
final class ClaimsCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Override public Integer call() {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (Claim<?> c : Theorems.all()) {
            entries.add(Catalogue.entry(c.id()));
        }
        if (global.json) {
            List<Object> list = new ArrayList<>();
            for (CatalogueEntry e : entries) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("title", e.title());
                m.put("statement", e.statement());
                m.put("source", e.source());
                m.put("hypotheses", e.hypotheses());
                m.put("metric", e.metric());
                m.put("tolerance", e.tolerance());
                m.put("control", e.control());
                m.put("test", e.test());
                list.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("count", entries.size());
            root.put("claims", list);
            System.out.println(Json.compact(root));
        } else {
            System.out.printf("%-30s %-70s %s%n", "ID", "TITLE", "TOLERANCE");
            for (CatalogueEntry e : entries) {
                String tol = e.tolerance().split(" \\(|\\. |; ")[0].trim();
                System.out.printf("%-30s %-70s %s%n", e.id(), e.title(), tol);
            }
        }
        return EngramCli.OK;
    }
}
