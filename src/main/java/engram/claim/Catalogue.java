package engram.claim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Reads catalogue entries. The source of truth is the repository's {@code properties/} folder; the build copies it
 * into the jar under {@code catalogue/}, so the CLI reads the same entries.
 */
public final class Catalogue {

    private Catalogue() {
    }

    public static CatalogueEntry entry(String id) {
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

    public static CatalogueEntry parse(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String key : CatalogueEntry.KEYS) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("catalogue entry " + p.getProperty("id") + " lacks '" + key + "'");
            }
        }
        return new CatalogueEntry(p.getProperty("id"), p.getProperty("title"), p.getProperty("statement"),
                p.getProperty("source"), p.getProperty("hypotheses"), p.getProperty("metric"),
                p.getProperty("tolerance"), p.getProperty("control"), p.getProperty("test"),
                p.getProperty("direction").trim(), Double.parseDouble(p.getProperty("regression").trim()));
    }
}
