package engram.claim;

import java.util.List;
import java.util.Map;

/**
 * One entry of the claim catalogue ({@code properties/<id>.properties}). {@code tolerance} and the named
 * {@code tolerance.<name>} values are numbers the claim reads (the one place they are written);
 * {@code tolerance.why} says where they come from. {@code claim} names the class that checks it. A statistical claim
 * also states the probability that one of its cases fails on correct code, {@code false-failure-rate.per-case}
 * ({@link #OPTIONAL_KEYS}); its rate per run at a depth follows from the number of cases ({@link #falseFailureRate}).
 */
public record CatalogueEntry(String id, String title, String statement, String source, String hypotheses,
        String metric, double tolerance, Map<String, Double> tolerances, String toleranceWhy, String control,
        String claim, String direction, double regression, Double falseFailurePerCase, String falseFailureWhy) {

    /** The keys every entry must define; besides them only {@code tolerance.<name>} keys are allowed. */
    public static final List<String> KEYS = List.of("id", "title", "statement", "source", "hypotheses", "metric",
            "tolerance", "tolerance.why", "control", "claim", "direction", "regression");

    /**
     * Optional keys: a claim whose verdict is random on correct code (a Monte Carlo statistic judged against a
     * threshold) states the probability that one case fails at a fresh seed, and where that number comes from;
     * {@code engram false-failures} measures the rate per run over many seeds.
     */
    public static final List<String> OPTIONAL_KEYS = List.of("false-failure-rate.per-case", "false-failure-rate.why");

    /** Whether the claim's verdict is random (it states a false-failure rate). */
    public boolean statistical() {
        return falseFailurePerCase != null;
    }

    /**
     * The stated probability that a run of {@code cases} independent cases FAILS on correct code:
     * {@code 1 - (1 - p)^cases} for the per-case bound p (each case draws its own seed). Zero for a claim that is not
     * statistical.
     */
    public double falseFailureRate(int cases) {
        return falseFailurePerCase == null ? 0 : -Math.expm1(cases * Math.log1p(-falseFailurePerCase));
    }

    public CatalogueEntry {
        if (falseFailurePerCase != null && !(falseFailurePerCase >= 0 && falseFailurePerCase < 1)) {
            throw new IllegalStateException("entry " + id + ": false-failure-rate.per-case must be in [0, 1), got "
                    + falseFailurePerCase);
        }
        if ((falseFailurePerCase == null) != (falseFailureWhy == null || falseFailureWhy.isBlank())) {
            throw new IllegalStateException("entry " + id + ": false-failure-rate.per-case and false-failure-rate.why go together");
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
