package engram.claim;

import java.util.List;
import java.util.Map;

/**
 * One entry of the claim catalogue ({@code properties/<id>.properties}). {@code tolerance} and the named
 * {@code tolerance.<name>} values are numbers the claim reads (the one place they are written);
 * {@code tolerance.why} says where they come from. {@code claim} names the class that checks it.
 */
public record CatalogueEntry(String id, String title, String statement, String source, String hypotheses,
        String metric, double tolerance, Map<String, Double> tolerances, String toleranceWhy, String control,
        String claim, String direction, double regression) {

    /** The keys every entry must define; besides them only {@code tolerance.<name>} keys are allowed. */
    public static final List<String> KEYS = List.of("id", "title", "statement", "source", "hypotheses", "metric",
            "tolerance", "tolerance.why", "control", "claim", "direction", "regression");

    public CatalogueEntry {
        if (!List.of("smaller", "larger", "none").contains(direction)) {
            throw new IllegalStateException("entry " + id + ": direction must be smaller, larger or none, got " + direction);
        }
        if (!(regression >= 0)) {
            throw new IllegalStateException("entry " + id + ": regression tolerance must be >= 0, got " + regression);
        }
        tolerances = Map.copyOf(tolerances);
    }

    /** The tolerances as the report shows them: {@code 1e-9}, or {@code 1e-10; euler 1e-15}. */
    public String toleranceText() {
        StringBuilder sb = new StringBuilder(Catalogue.number(tolerance));
        tolerances.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("; ").append(e.getKey()).append(' ').append(Catalogue.number(e.getValue())));
        return sb.toString();
    }
}
