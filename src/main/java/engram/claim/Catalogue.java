package engram.claim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads catalogue entries. The source of truth is the repository's {@code properties/} folder; the build copies it
 * into the jar under {@code catalogue/}, so the CLI reads the same entries. Entries are parsed once. Every tolerance
 * a claim reads is recorded ({@link #tolerancesRead()}), so a test can show that each one written in the catalogue
 * is the one the check uses.
 */
public final class Catalogue {

    private static final Map<String, CatalogueEntry> ENTRIES = new ConcurrentHashMap<>();
    private static final Set<String> READ = ConcurrentHashMap.newKeySet();

    private Catalogue() {
    }

    public static CatalogueEntry entry(String id) {
        return ENTRIES.computeIfAbsent(id, Catalogue::load);
    }

    private static CatalogueEntry load(String id) {
        String path = "catalogue/" + id + ".properties";
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no catalogue entry " + path + " for claim " + id);
            }
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /**
     * {@code tolerance} (name null) or {@code tolerance.<name>} of the claim's entry; recorded as read. Public for a
     * claim whose bound rests on another claim's (the positivity claims allow the oracle the accuracy that
     * {@code oracle.accuracy} checks), so the number stays written once.
     */
    public static double tolerance(String id, String name) {
        CatalogueEntry e = entry(id);
        READ.add(id + (name == null ? "" : "/" + name));
        if (name == null) {
            return e.tolerance();
        }
        Double v = e.tolerances().get(name);
        if (v == null) {
            throw new IllegalStateException("catalogue entry " + id + " has no 'tolerance." + name + "'");
        }
        return v;
    }

    /** The tolerances claims have read so far, as {@code id} or {@code id/name}. */
    public static Set<String> tolerancesRead() {
        return Set.copyOf(READ);
    }

    public static CatalogueEntry parse(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        String id = p.getProperty("id");
        for (String key : CatalogueEntry.KEYS) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("catalogue entry " + id + " lacks '" + key + "'");
            }
        }
        Map<String, Double> named = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (CatalogueEntry.KEYS.contains(key) || CatalogueEntry.OPTIONAL_KEYS.contains(key)) {
                continue;
            }
            if (!key.startsWith("tolerance.")) {
                throw new IllegalStateException("catalogue entry " + id + ": unknown key '" + key + "'; valid keys are "
                        + CatalogueEntry.KEYS + ", " + CatalogueEntry.OPTIONAL_KEYS + " and tolerance.<name>");
            }
            named.put(key.substring("tolerance.".length()), number(id, key, p.getProperty(key)));
        }
        return new CatalogueEntry(id, p.getProperty("title"), p.getProperty("statement"), p.getProperty("source"),
                p.getProperty("hypotheses"), p.getProperty("metric"), number(id, "tolerance", p.getProperty("tolerance")),
                named, p.getProperty("tolerance.why"), p.getProperty("control"), p.getProperty("claim").trim(),
                p.getProperty("direction").trim(), number(id, "regression", p.getProperty("regression")),
                p.getProperty("false-failure-rate.per-case") == null ? null
                        : number(id, "false-failure-rate.per-case", p.getProperty("false-failure-rate.per-case")),
                p.getProperty("false-failure-rate.why"));
    }

    private static double number(String id, String key, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("catalogue entry " + id + ": '" + key + "' must be a number, got '" + text + "'");
        }
    }

    /** A tolerance as written for people: {@code 1e-09} as {@code 1e-9}, {@code 0.30} as {@code 0.3}. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return parts[0].replaceAll("\\.?0+$", "") + "e" + Integer.parseInt(parts[1]);
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }
}
