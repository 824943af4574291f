package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.report.JsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** engram continue from the command line: the JSON contract, the closed forms it reports, the figure, bad input. */
class ContinueCommandTest {

    @TempDir Path dir;

    /** Hadamard patterns (N = 32, P = 3) as CSV, and the input 0.3 xi_1. */
    private String[] files() throws Exception {
        PatternSet h = Patterns.hadamard(32, 3);
        StringBuilder xs = new StringBuilder(), us = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            xs.append(h.data()[3 * i]).append(',').append(h.data()[3 * i + 1]).append(',').append(h.data()[3 * i + 2])
                    .append('\n');
            us.append(0.3 * h.data()[3 * i]).append('\n');
        }
        Files.writeString(dir.resolve("H.csv"), xs);
        Files.writeString(dir.resolve("u.csv"), us);
        return new String[] {dir.resolve("H.csv").toString(), dir.resolve("u.csv").toString()};
    }

    @SuppressWarnings("unchecked")
    @Test
    void theJsonContractTheClosedFormsAndTheFigure() throws Exception {
        String[] f = files();
        CliTest.Run r = CliTest.run("continue", "--model", "idp", "--patterns", f[0], "--alphas", "0.5,0.7,0.3",
                "--parameter", "alpha1", "--from", "0.4", "--to", "2", "--start", "0", "--out", dir.resolve("c").toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> out = JsonFormat.read(r.out(), Map.class);
        assertThat(out).containsKeys("branches", "bifurcations");
        List<Map<String, Object>> branches = (List<Map<String, Object>>) out.get("branches");
        assertThat(branches).hasSize(3); // the start and the two arms switched onto at the birth
        assertThat(((List<Map<String, Object>>) branches.get(1).get("points")).get(0)).containsKeys("parameter", "amplitude",
                "stable");
        Map<String, Object> birth = ((List<Map<String, Object>>) out.get("bifurcations")).get(0);
        assertThat(birth).containsEntry("kind", "branch-point").containsEntry("parameter", "alpha1")
                .containsEntry("agrees", true);
        assertThat(((Number) birth.get("value")).doubleValue()).isCloseTo(1, Offset.offset(1e-9));
        assertThat(((Number) birth.get("predicted")).doubleValue()).isEqualTo(1.0);
        assertThat(dir.resolve("c/bifurcation.png")).exists();

        CliTest.Run fold = CliTest.run("continue", "--model", "idp", "--patterns", f[0], "--alphas", "3,0.5,0.5", "--input",
                f[1], "--parameter", "alpha1", "--from", "3", "--to", "0.8", "--start", "-1", "--json");
        assertThat(fold.code()).as(fold.err()).isZero();
        Map<String, Object> b = ((List<Map<String, Object>>) JsonFormat.read(fold.out(), Map.class).get("bifurcations"))
                .get(0);
        assertThat(b).containsEntry("kind", "fold").containsEntry("agrees", true);
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        String x = files()[0];
        List<String> idp = List.of("continue", "--model", "idp", "--patterns", x, "--alphas", "2,0.5,0.5");
        for (List<String> extra : List.of(List.of("--parameter", "beta", "--from", "1", "--to", "2"),
                List.of("--parameter", "alpha4", "--from", "1", "--to", "2"),
                List.of("--parameter", "rho", "--from", "1", "--to", "2"),
                List.of("--parameter", "alpha1", "--from", "1", "--to", "1"),
                List.of("--parameter", "alpha1", "--from", "1", "--to", "2", "--start", "7"),
                List.of("--parameter", "alpha1", "--from", "1", "--to", "2", "--points", "1"),
                List.of("--parameter", "alpha1", "--from", "1", "--to", "2", "--step", "0"),
                List.of("--parameter", "alpha1", "--from", "NaN", "--to", "2"))) {
            String[] args = Stream.concat(idp.stream(), extra.stream()).toArray(String[]::new);
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
        }
    }
}
