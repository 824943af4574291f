package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;

import engram.theorem.Theorems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/theory.md is the document the catalogue and the Javadoc cite: every citation "theory.md section N[.M]" (or
 * "sections A-B", "sections A, B") in the catalogue, the sources and the README names a section that exists; every
 * claim's catalogue source cites a subsection that discusses that claim; the document covers every claim.
 */
class TheoryDocumentTest {

    private static final Path DOC = Path.of("docs", "theory.md");
    /** "theory.md section 3.2", "theory.md sections 3-4", "theory.md sections 1, 2" (line breaks of properties joined). */
    private static final Pattern CITATION = Pattern.compile(
            "theory\\.md sections? (\\d+(?:\\.\\d+)?)(?:(?:-|, | and )(\\d+(?:\\.\\d+)?))?");

    private static Map<String, String> sections() throws IOException {
        return TheoryDocument.sections(Files.readString(DOC, StandardCharsets.UTF_8));
    }

    /** The citations in a text that name no section of the document. */
    static List<String> dangling(String text, Map<String, String> sections) {
        List<String> out = new ArrayList<>();
        Matcher m = CITATION.matcher(text.replaceAll("\\\\\\R\\s*", "").replaceAll("\\s*\\R\\s*(\\*\\s*)?", " "));
        while (m.find()) {
            for (int g = 1; g <= 2; g++) {
                if (m.group(g) != null && !sections.containsKey(m.group(g))) {
                    out.add(m.group(0));
                }
            }
        }
        return out;
    }

    @Test
    void everyCitationNamesASectionThatExists() throws IOException {
        Map<String, String> sections = sections();
        assertThat(sections).containsKeys("1", "1.1", "2", "3", "4", "5", "6", "7");
        List<String> bad = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        for (String root : List.of("properties", "src/main/java", "src/test/java")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".properties") || p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        for (Path f : files) {
            if (f.endsWith("TheoryDocumentTest.java")) {
                continue;
            }
            for (String d : dangling(Files.readString(f, StandardCharsets.UTF_8), sections)) {
                bad.add(f + ": " + d);
            }
        }
        assertThat(bad).as("citations of missing sections").isEmpty();
    }

    @Test
    void aDanglingCitationIsFound() throws IOException {
        Map<String, String> sections = sections();
        assertThat(dangling("see theory.md section 9.9 and theory.md section 3.2", sections))
                .containsExactly("theory.md section 9.9");
        assertThat(dangling("theory.md sections 3-\\\n  12", sections)).hasSize(1);
        assertThat(dangling("(theory.md \\\n  section 4.6)", sections)).isEmpty();
    }

    @Test
    void everyClaimIsCoveredAndItsSourceCitesTheSubsectionThatDiscussesIt() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, String> sections = sections();
        List<String> bad = new ArrayList<>();
        for (Claim<?> c : Theorems.all()) {
            String source = c.entry().source();
            var cited = TheoryDocument.citedSection(source);
            if (cited.isEmpty() || !cited.get().contains(".") || !sections.containsKey(cited.get())) {
                bad.add(c.id() + ": source cites no subsection of docs/theory.md: " + source);
                continue;
            }
            String body = sectionBody(doc, cited.get());
            if (!body.contains("`" + c.id() + "`")) {
                bad.add(c.id() + ": cites section " + cited.get() + ", which does not discuss it");
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void anchorsAreGithubs() {
        assertThat(TheoryDocument.anchor("1.1 The voltage model and its energy"))
                .isEqualTo("11-the-voltage-model-and-its-energy");
        assertThat(TheoryDocument.anchor("5.5 McEliece: exact unit instability")).isEqualTo("55-mceliece-exact-unit-instability");
        assertThat(TheoryDocument.sections()).as("the document bundled in the jar").isEqualTo(TheoryDocument.sections(
                readUnchecked()));
    }

    private static String readUnchecked() {
        try {
            return Files.readString(DOC, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text from a section's heading to the next heading of the same or a higher level. */
    private static String sectionBody(String doc, String number) {
        Matcher m = Pattern.compile("^(#{2,4}) +" + Pattern.quote(number) + "\\.? .*$", Pattern.MULTILINE).matcher(doc);
        if (!m.find()) {
            return "";
        }
        int level = m.group(1).length();
        Matcher next = Pattern.compile("^#{2," + level + "} ", Pattern.MULTILINE).matcher(doc);
        int end = next.find(m.end()) ? next.start() : doc.length();
        return doc.substring(m.start(), end);
    }
}
