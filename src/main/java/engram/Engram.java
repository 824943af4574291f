package engram;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about Engram itself, each written once: the version (from the build) and the default seed. */
public final class Engram {

    /** The default seed of every command and of {@code mvn verify}, as the command line's default text. */
    public static final String DEFAULT_SEED_TEXT = "20261123";

    /** The default seed. */
    public static final long DEFAULT_SEED = Long.parseLong(DEFAULT_SEED_TEXT);

    /** The project version, filtered into {@code engram/version.properties} by the build. */
    public static final String VERSION = readVersion();

    private Engram() {
    }

    private static String readVersion() {
        try (InputStream in = Engram.class.getResourceAsStream("/engram/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
