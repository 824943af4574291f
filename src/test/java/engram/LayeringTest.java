package engram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: the README's Layout lists the packages from the bottom up, and a class in src/main may
 * refer (by import or by a qualified name in code, not in comments) only to its own package's entry or to one above
 * it. A subpackage belongs to the longest entry that is its prefix (the families under {@code engram.theorem} are that
 * entry's). A package the list does not name fails too, so a new one has to be placed.
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("\\b(engram(?:\\.[a-z]+)*)\\.[A-Z]");

    /** The README's Layout entries, in order. */
    static List<String> layout() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("## Layout");
        int open = readme.indexOf("```", from);
        int close = readme.indexOf("```", open + 3);
        List<String> entries = new ArrayList<>();
        for (String line : readme.substring(open + 3, close).split("\n")) {
            if (line.startsWith("engram")) {
                entries.add(line.split("\\s+")[0]);
            }
        }
        return entries;
    }

    /** The entry a package belongs to: the longest one that is the package or a prefix of it, or null. */
    static String entryOf(String pkg, List<String> entries) {
        String best = null;
        for (String e : entries) {
            if ((pkg.equals(e) || pkg.startsWith(e + ".")) && (best == null || e.length() > best.length())) {
                best = e;
            }
        }
        return best;
    }

    /** Source without comments and string literals, so that a Javadoc link or a message is not a dependency. */
    static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    /** Every reference that points down the list, as "file -> package", for sources given as (package, text). */
    static List<String> violations(List<String> entries, Path file, String pkg, String source) {
        List<String> out = new ArrayList<>();
        String own = entryOf(pkg, entries);
        Matcher m = REFERENCE.matcher(code(source));
        while (m.find()) {
            String target = entryOf(m.group(1), entries);
            if (target != null && entries.indexOf(target) > entries.indexOf(own)) {
                out.add(file + " (" + own + ") -> " + m.group(1));
            }
        }
        return out;
    }

    @Test
    void everyPackageIsListedAndEveryReferencePointsUp() throws IOException {
        List<String> entries = layout();
        assertThat(entries).contains("engram", "engram.kernel", "engram.cli");
        Set<String> unlisted = new TreeSet<>();
        List<String> down = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
                if (entryOf(pkg, entries) == null) {
                    unlisted.add(pkg);
                    continue;
                }
                down.addAll(violations(entries, f, pkg, Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(unlisted).as("packages the README's Layout does not list").isEmpty();
        assertThat(down).as("references that point down the README's Layout").isEmpty();
    }

    @Test
    void aReferenceDownTheListIsFoundAndCommentsAreNot() {
        List<String> entries = List.of("engram", "engram.kernel", "engram.model", "engram.theorem", "engram.cli");
        Path f = Path.of("X.java");
        assertThat(violations(entries, f, "engram.model", "import engram.theorem.foundation.X;")).hasSize(1);
        assertThat(violations(entries, f, "engram.model", "double y = engram.cli.Main.run();")).hasSize(1);
        assertThat(violations(entries, f, "engram.theorem.numerics", "import engram.theorem.Theorems;")).isEmpty();
        assertThat(violations(entries, f, "engram.model", "/** {@link engram.cli.Main} */ // engram.cli.Main\n"
                + "String s = \"engram.cli.Main\";")).isEmpty();
        assertThat(violations(entries, f, "engram.cli", "import engram.kernel.Kernels;")).isEmpty();
    }
}
