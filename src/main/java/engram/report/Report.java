package engram.report;

import engram.claim.Catalogue;
import engram.claim.CatalogueEntry;
import engram.claim.ClaimResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's results: the claims' verdicts and metrics (deterministic for a seed) and its {@link Provenance}. Its JSON
 * form is {@code report.json}; a committed copy of it is the baseline.
 */
public record Report(long seed, String depth, List<ClaimResult> results, Provenance provenance) {

    public boolean allHold() {
        return results.stream().allMatch(ClaimResult::holds);
    }

    public long holds() {
        return results.stream().filter(ClaimResult::holds).count();
    }

    /** The metrics of one claim, each with its direction and regression tolerance from the catalogue. */
    static Map<String, Object> metrics(ClaimResult r) {
        CatalogueEntry e = Catalogue.entry(r.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("worstMargin", metric(r.worstMargin(), "larger", e.regression()));
        m.put("worstMetric", metric(r.worstMetric(), e.direction(), e.regression()));
        return m;
    }

    private static Map<String, Object> metric(double value, String direction, double tolerance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("direction", direction);
        m.put("tolerance", tolerance);
        return m;
    }

    /** The deterministic part of report.json (everything but provenance). */
    public Map<String, Object> body() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("engram", Provenance.VERSION);
        root.put("seed", seed);
        root.put("depth", depth);
        root.put("verdict", allHold() ? "HOLDS" : "FAILS");
        root.put("holds", holds());
        root.put("total", results.size());
        List<Object> claims = new ArrayList<>();
        for (ClaimResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("verdict", r.verdict().name());
            m.put("worstMargin", r.worstMargin());
            m.put("worstMetric", r.worstMetric());
            m.put("metrics", metrics(r));
            m.put("cases", r.cases());
            m.put("seed", r.seed());
            m.put("worstCase", r.worstCase());
            m.put("worstDetail", r.worstDetail());
            m.put("controlCases", r.controlCases());
            m.put("controlViolation", r.controlCase());
            m.put("controlDetail", r.controlDetail());
            claims.add(m);
        }
        root.put("claims", claims);
        return root;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> root = body();
        if (provenance != null) {
            root.put("provenance", provenance.toJson());
        }
        return root;
    }

    public String toJsonText() {
        return Json.write(toJson()) + "\n";
    }

    private static double num(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(String.valueOf(o));
    }

    @SuppressWarnings("unchecked")
    public static Report fromJson(Map<String, Object> root) {
        Provenance prov = root.get("provenance") instanceof Map<?, ?> p ? Provenance.fromJson((Map<String, Object>) p) : null;
        List<ClaimResult> results = new ArrayList<>();
        for (Object o : (List<Object>) root.get("claims")) {
            Map<String, Object> m = (Map<String, Object>) o;
            String id = (String) m.get("id");
            long millis = prov != null ? prov.claimMillis().getOrDefault(id, 0L) : 0L;
            results.add(new ClaimResult(id, ClaimResult.Verdict.valueOf((String) m.get("verdict")), num(m.get("worstMargin")),
                    num(m.get("worstMetric")), (int) num(m.get("cases")), (long) num(m.get("seed")),
                    (String) m.get("worstCase"), (String) m.get("worstDetail"), (int) num(m.get("controlCases")),
                    (String) m.get("controlViolation"), (String) m.get("controlDetail"), millis));
        }
        return new Report((long) num(root.get("seed")), (String) root.get("depth"), results, prov);
    }

    @SuppressWarnings("unchecked")
    public static Report read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("report file not found: " + file);
        }
        try {
            return fromJson((Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read report " + file + ": " + e.getMessage());
        }
    }
}
