package engram.claim;

import java.util.List;
import java.util.Map;

/**
 * One entry of the claim catalogue ({@code properties/<id>.properties}). {@code tolerance} and the named
 * {@code tolerance.<name>} values are numbers the claim reads (the one place they are written);
 * {@code tolerance.why} says where they come from. {@code claim} names the class that checks it. A statistical claim
 * also states its {@code false-failure-rate} ({@link #OPTIONAL_KEYS}).
 */
public record CatalogueEntry(String id, String title, String statement, String source, String hypotheses,
        String metric, double tolerance, Map<String, Double> tolerances, String toleranceWhy, String control,
        String claim, String direction, double regression, Double falseFailureRate, String falseFailureWhy) {

    /** The keys every entry must define; besides them only {@code tolerance.<name>} keys are allowed. */
    public static final List<String> KEYS = List.of("id", "title", "statement", "source", "hypotheses", "metric",
            "tolerance", "tolerance.why", "control", "claim", "direction", "regression");

    /**
     * Optional keys: a claim whose verdict is random on correct code (a Monte Carlo statistic judged against a
     * threshold) states the probability that a quick run at a fresh seed FAILS, and where that number comes from;
     * {@code engram false-failures} measures it over many seeds.
     */
    public static final List<String> OPTIONAL_KEYS = List.of("false-failure-rate", "false-failure-rate.why");

    /** Whether the claim's verdict is random (it states a false-failure rate). */
    public boolean statistical() {
        return falseFailureRate != null;
    }

    public CatalogueEntry {
        if (falseFailureRate != null && !(falseFailureRate >= 0 && falseFailureRate < 1)) {
            throw new IllegalStateException("entry " + id + ": false-failure-rate must be in [0, 1), got " + falseFailureRate);
        }
        if ((falseFailureRate == null) != (falseFailureWhy == null || falseFailureWhy.isBlank())) {
            throw new IllegalStateException("entry " + id + ": false-failure-rate and false-failure-rate.why go together");
        }
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
