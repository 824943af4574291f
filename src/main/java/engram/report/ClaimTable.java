package engram.report;

import engram.claim.CatalogueEntry;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import java.util.List;

/** The README's claim tables, generated from the registry and the catalogue (a test keeps the README equal to them). */
public final class ClaimTable {

    private ClaimTable() {
    }

    /** One Markdown table per family: id, title, tolerances. */
    public static String markdown(List<ClaimFamily> families) {
        StringBuilder sb = new StringBuilder();
        for (ClaimFamily f : families) {
            sb.append("\n**").append(f.title()).append("** (`engram.theorem.").append(f.name()).append("`)\n\n")
                    .append("| id | claim | tolerance |\n|---|---|---|\n");
            for (Claim<?> c : f.claims()) {
                CatalogueEntry e = c.entry();
                sb.append("| `").append(e.id()).append("` | ").append(e.title().replace("|", "\\|")).append(" | ")
                        .append(e.toleranceText()).append(" |\n");
            }
        }
        return sb.toString();
    }
}
