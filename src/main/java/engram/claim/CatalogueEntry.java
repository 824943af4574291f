package engram.claim;

/** One entry of the claim catalogue ({@code properties/<id>.properties}). */
public record CatalogueEntry(String id, String title, String statement, String source, String hypotheses,
        String metric, String tolerance, String control, String test, String direction, double regression) {

    /** The keys every entry must define. */
    public static final java.util.List<String> KEYS = java.util.List.of("id", "title", "statement", "source",
            "hypotheses", "metric", "tolerance", "control", "test", "direction", "regression");

    public CatalogueEntry {
        if (!java.util.List.of("smaller", "larger", "none").contains(direction)) {
            throw new IllegalStateException("entry " + id + ": direction must be smaller, larger or none, got " + direction);
        }
        if (!(regression >= 0)) {
            throw new IllegalStateException("entry " + id + ": regression tolerance must be >= 0, got " + regression);
        }
    }
}
