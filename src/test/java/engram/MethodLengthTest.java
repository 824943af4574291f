package engram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Methods a reader can hold: no method or constructor in src/main is longer than 60 lines unless the comment just
 * above it says why ("Long: ..."). Lines are counted from the declaration to the closing brace.
 */
class MethodLengthTest {

    static final int LIMIT = 60;
    /** A member declaration at any class depth: modifiers, a return type, a name and an open parenthesis. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|private|protected|static|final|synchronized|default|abstract)\\s+)*"
                    + "(?:<[^>]+>\\s+)?[\\w<>\\[\\], .?]+\\s+\\w+\\s*\\([^;]*$");
    private static final Pattern NOT_DECLARATION = Pattern.compile("^\\s*(?:if|for|while|switch|return|new|else|try|catch|throw)\\b.*");

    /** The methods over the limit without a "Long:" comment, as "file:line name (n lines)". */
    static List<String> tooLong(Path file, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!DECLARATION.matcher(line).matches() || NOT_DECLARATION.matcher(line).matches()) {
                continue;
            }
            int depth = 0, j = i;
            boolean opened = false;
            for (; j < lines.size(); j++) {
                String l = lines.get(j).replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("'(?:\\\\.|[^'\\\\])'", "''");
                for (char ch : l.toCharArray()) {
                    if (ch == '{') {
                        depth++;
                        opened = true;
                    } else if (ch == '}') {
                        depth--;
                    }
                }
                if (!opened && l.trim().endsWith(";")) {
                    break;
                }
                if (opened && depth == 0) {
                    break;
                }
            }
            int length = j - i + 1;
            if (opened && length > LIMIT && !justified(lines, i)) {
                out.add(file + ":" + (i + 1) + " " + line.trim() + " (" + length + " lines)");
            }
        }
        return out;
    }

    /** Whether the comment right above line i (Javadoc or // lines, annotations skipped) contains "Long:". */
    private static boolean justified(List<String> lines, int i) {
        for (int k = i - 1; k >= 0; k--) {
            String l = lines.get(k).trim();
            if (l.startsWith("@")) {
                continue;
            }
            if (!(l.startsWith("*") || l.startsWith("/**") || l.startsWith("//") || l.startsWith("/*"))) {
                return false;
            }
            if (l.contains("Long:")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noMethodInMainIsLongerThanSixtyLinesWithoutSayingWhy() throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                bad.addAll(tooLong(f, Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void theScannerFindsALongMethodAndAcceptsAJustifiedOne() {
        List<String> body = new ArrayList<>(List.of("class A {", "    /** Does it. */", "    static int f(int x) {"));
        for (int k = 0; k < 70; k++) {
            body.add("        x++;");
        }
        body.add("        return x;");
        body.add("    }");
        body.add("}");
        assertThat(tooLong(Path.of("A.java"), body)).hasSize(1);
        body.set(1, "    /** Does it. Long: one algorithm. */");
        assertThat(tooLong(Path.of("A.java"), body)).isEmpty();
    }
}
