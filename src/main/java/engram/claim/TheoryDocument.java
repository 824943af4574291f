package engram.claim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered sections of {@code docs/theory.md} (bundled in the jar as {@code docs/theory.md}), which catalogue
 * sources and Javadoc cite as "theory.md section N" or "N.M": the heading of each section and its GitHub anchor.
 */
public final class TheoryDocument {

    /** A heading such as {@code ### 3.2 Equilibria along orthogonal memories} or {@code ## 3. Input-driven ...}. */
    private static final Pattern HEADING = Pattern.compile("^#{2,4} +(\\d+(?:\\.\\d+)?)\\.? +(.+)$", Pattern.MULTILINE);
    /** A citation: "theory.md section 3.2", "theory.md sections 3-4", "theory.md sections 1, 2". */
    private static final Pattern CITATION = Pattern.compile("theory\\.md sections? (\\d+(?:\\.\\d+)?)");

    private static Map<String, String> sections;

    private TheoryDocument() {
    }

    /** Section number (e.g. "3.2") to its heading line's text, in document order. */
    public static Map<String, String> sections(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            out.put(m.group(1), m.group(0).replaceFirst("^#+ +", ""));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The sections of the bundled document. */
    public static synchronized Map<String, String> sections() {
        if (sections == null) {
            try (InputStream in = TheoryDocument.class.getResourceAsStream("/docs/theory.md")) {
                sections = in == null ? Map.of() : sections(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sections;
    }

    /** The first section a text cites ("theory.md section N.M"), if any. */
    public static Optional<String> citedSection(String text) {
        Matcher m = CITATION.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** GitHub's anchor for a heading: lower case, punctuation other than '-' dropped, spaces to '-'. */
    public static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
