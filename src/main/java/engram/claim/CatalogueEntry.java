package engram.claim;

/** One entry of the claim catalogue ({@code properties/<id>.properties}). */
public record CatalogueEntry(String id, String title, String statement, String source, String hypotheses,
        String metric, String tolerance, String control, String test) {

    /** The keys every entry must define. */
    public static final java.util.List<String> KEYS = java.util.List.of("id", "title", "statement", "source",
            "hypotheses", "metric", "tolerance", "control", "test");
}
