package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engram.report.ClaimTable;
import engram.theorem.Theorems;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the claim catalogue ({@code properties/}) and the registry ({@link Theorems}) in one-to-one correspondence:
 * every entry is complete, names a registered claim and the class that checks it; every claim has an entry; class
 * names line up with ids; case ranges are written only in the code; the README's claim tables are the generated ones.
 */
class CatalogueTest {

    private static final Path CATALOGUE = Paths.get("properties");

    private static Map<String, CatalogueEntry> entries() throws IOException {
        Map<String, CatalogueEntry> m = new HashMap<>();
        try (Stream<Path> files = Files.list(CATALOGUE)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties")).collect(Collectors.toList())) {
                try (InputStream in = Files.newInputStream(p)) {
                    CatalogueEntry e = Catalogue.parse(in);
                    assertThat(p.getFileName().toString()).as("file name of entry " + e.id())
                            .isEqualTo(e.id() + ".properties");
                    m.put(e.id(), e);
                }
            }
        }
        return m;
    }

    @Test
    void everyRegisteredClaimHasACompleteEntryAndViceVersa() throws IOException {
        Set<String> registered = Theorems.all().stream().map(Claim::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(registered).as("ids are unique").hasSize(Theorems.all().size());
        assertThat(new TreeSet<>(entries().keySet())).isEqualTo(registered);
        for (String id : registered) {
            assertThat(Catalogue.entry(id).id()).as("entry packaged into the jar").isEqualTo(id);
        }
    }

    @Test
    void everyEntryNamesTheClassThatChecksIt() {
        for (Claim<?> c : Theorems.all()) {
            assertThat(c.getClass().getName()).as("claim class named by " + c.id()).isEqualTo(c.entry().claim());
        }
    }

    /**
     * One naming rule: a claim class checked for one id is the id camel-cased plus "Claim" ({@code fr.global-stability}
     * is {@code FrGlobalStabilityClaim}); a class shared by several ids (Euler and RK4 orders) starts with their common
     * prefix ({@code IntegrateFixedStepOrderClaim}); a family's class ends in "Family".
     */
    @Test
    void classNamesLineUpWithIds() {
        Map<Class<?>, Long> uses = Theorems.all().stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        for (Claim<?> c : Theorems.all()) {
            String name = c.getClass().getSimpleName();
            if (uses.get(c.getClass()) > 1) {
                assertThat(name).as("shared class of " + c.id()).startsWith(camel(c.id().split("\\.")[0])).endsWith("Claim");
            } else {
                assertThat(name).as("class of " + c.id()).isEqualTo(camel(c.id()) + "Claim");
            }
        }
        for (ClaimFamily f : Theorems.families()) {
            assertThat(f.getClass().getSimpleName()).as("family class").endsWith("Family");
        }
    }

    /**
     * One fact, one place: a claim class's Javadoc names its ids, their catalogue files and theory sections in a few
     * lines, and does not restate the entry (an essay copied from the catalogue goes stale when the check changes).
     */
    @Test
    void claimClassesPointAtTheCatalogueInsteadOfCopyingIt() throws IOException {
        for (Claim<?> c : Theorems.all()) {
            Path source = Path.of("src/main/java", c.getClass().getName().replace('.', '/') + ".java");
            String text = Files.readString(source, StandardCharsets.UTF_8);
            int end = text.indexOf("\npublic ");
            int start = text.lastIndexOf("\n/**", end);
            String doc = text.substring(start + 1, end);
            assertThat(doc).as(source + " Javadoc").contains("{@code " + c.id() + "}", "properties/" + c.id() + ".properties",
                    "docs/theory.md section");
            assertThat(doc.split("\n")).as(source + " Javadoc lines").hasSizeLessThanOrEqualTo(7);
        }
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String w : id.split("[.\\-]")) {
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    /** Ranges like {@code 2..60} belong in the named draws of the code, which the report renders, not in prose. */
    @Test
    void caseRangesAreWrittenOnlyInTheCode() throws IOException {
        for (CatalogueEntry e : entries().values()) {
            assertThat(e.hypotheses()).as("hypotheses of " + e.id()).doesNotContainPattern("\\d\\s*\\.\\.\\s*-?\\d");
            assertThat(e.control()).as("control of " + e.id()).doesNotContainPattern("\\d\\s*\\.\\.\\s*-?\\d");
        }
        for (Claim<?> c : Theorems.all()) {
            assertThat(CaseRanges.text(c.hypotheses())).as("rendered case ranges of " + c.id()).isNotBlank();
            assertThat(CaseRanges.text(c.control())).as("rendered control ranges of " + c.id()).isNotBlank();
        }
    }

    @Test
    void theReadmeClaimTablesAreTheGeneratedOnes() throws Exception {
        String readme = Files.readString(Paths.get("README.md"));
        String begin = "<!-- claims:begin (generated: java -jar target/engram.jar claims --markdown) -->", end = "<!-- claims:end -->";
        assertThat(readme).contains(begin).contains(end);
        String block = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf(end));
        assertThat(block.strip()).isEqualTo(ClaimTable.markdown(Theorems.families()).strip());
    }

    @Test
    void entriesWithUnknownKeysOrProseTolerancesAreRefused() {
        String base = "id = x\ntitle = t\nstatement = s\nsource = s\nhypotheses = h\nmetric = m\ntolerance.why = w\n"
                + "control = c\nclaim = C\ndirection = smaller\nregression = 0\n";
        assertThatThrownBy(() -> parse(base + "tolerance = 1e-9 (the oracle)\n")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> parse(base + "tolerance = 1e-9\ntest = A#b\n")).hasMessageContaining("unknown key 'test'");
        assertThatThrownBy(() -> parse(base.replace("claim = C\n", "") + "tolerance = 1\n")).hasMessageContaining("lacks 'claim'");
    }

    private static CatalogueEntry parse(String text) throws IOException {
        return Catalogue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
