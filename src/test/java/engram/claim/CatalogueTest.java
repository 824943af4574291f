package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;

import engram.theorem.Theorems;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the claim catalogue ({@code properties/}), the registry ({@link Theorems}) and the tests in one-to-one
 * correspondence: every entry is complete, names a registered claim and an existing property test annotated for it;
 * every claim has an entry, a property test and a control test; every annotated test names an entry.
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

    /** Every test method annotated with {@link AssertsClaim}, found by scanning the compiled test classes. */
    static List<Method> annotatedTests() throws IOException {
        Path root = Paths.get("target", "test-classes");
        List<Method> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = root.relativize(p).toString().replace('/', '.').replace('\\', '.')
                        .replaceAll("\\.class$", "");
                try {
                    for (Method m : Class.forName(name).getDeclaredMethods()) {
                        if (m.isAnnotationPresent(AssertsClaim.class)) {
                            out.add(m);
                        }
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    throw new IllegalStateException("cannot load test class " + name, e);
                }
            }
        }
        return out;
    }

    @Test
    void everyRegisteredClaimHasACompleteEntryAndViceVersa() throws IOException {
        Set<String> registered = Theorems.all().stream().map(Claim::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(entries().keySet())).isEqualTo(registered);
        for (String id : registered) {
            assertThat(Catalogue.entry(id).id()).as("entry packaged into the jar").isEqualTo(id);
        }
    }

    @Test
    void theReadmeClaimTableListsEveryClaim() throws IOException {
        String readme = Files.readString(Paths.get("README.md"));
        for (Claim<?> c : Theorems.all()) {
            assertThat(readme).as("README row for " + c.id()).contains("| `" + c.id() + "` |");
        }
    }

    @Test
    void everyEntryNamesItsPropertyTestAndEveryTestNamesAnEntry() throws Exception {
        Map<String, CatalogueEntry> entries = entries();
        List<Method> tests = annotatedTests();
        for (Method m : tests) {
            assertThat(entries).as("catalogue entry for test " + m).containsKey(m.getAnnotation(AssertsClaim.class).value());
        }
        for (CatalogueEntry e : entries.values()) {
            String[] parts = e.test().split("#");
            assertThat(parts).as("test of " + e.id() + " as Class#method").hasSize(2);
            Method m = Class.forName(parts[0]).getDeclaredMethod(parts[1]);
            AssertsClaim a = m.getAnnotation(AssertsClaim.class);
            assertThat(a).as(e.test() + " is annotated @AssertsClaim").isNotNull();
            assertThat(a.value()).isEqualTo(e.id());
            assertThat(a.control()).as(e.test() + " is the property test, not the control").isFalse();
            long controls = tests.stream().map(t -> t.getAnnotation(AssertsClaim.class))
                    .filter(t -> t.value().equals(e.id()) && t.control()).count();
            long properties = tests.stream().map(t -> t.getAnnotation(AssertsClaim.class))
                    .filter(t -> t.value().equals(e.id()) && !t.control()).count();
            assertThat(controls).as("control tests for " + e.id()).isEqualTo(1);
            assertThat(properties).as("property tests for " + e.id()).isEqualTo(1);
        }
    }
}
