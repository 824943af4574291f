package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engram.report.JsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** engram transitions from the command line: the JSON contract, the figure, bad input. */
class TransitionsCommandTest {

    @TempDir Path dir;

    private String patterns() throws Exception {
        double a = Math.sqrt(1.35 / 2);
        Files.writeString(dir.resolve("P.csv"), a + "," + a + "\n" + a + "," + (-a) + "\n");
        return dir.resolve("P.csv").toString();
    }

    @SuppressWarnings("unchecked")
    @Test
    void theJsonContractAndTheFigure() throws Exception {
        CliTest.Run r = CliTest.run("transitions", "--model", "modern", "--patterns", patterns(), "--beta", "2", "--paths",
                "40", "--sigmas", "0.3,0.25,0.2", "--out", dir.resolve("t").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> out = JsonFormat.read(r.out(), Map.class);
        assertThat(out).containsKeys("rows", "barrier", "slope");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) out.get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsKeys("sigma", "meanTime", "low", "high", "eyringKramers");
        assertThat(dir.resolve("t/transitions.png")).exists();
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        String p = patterns();
        List<String> base = List.of("transitions", "--model", "modern", "--patterns", p, "--paths", "10");
        for (List<String> extra : List.of(List.of("--to", "1"), List.of("--to", "3"), List.of("--radius", "0.6"),
                List.of("--beta", "0"), List.of("--beta", "0.5"), List.of("--sigmas", "-1"), List.of("--dt", "0"),
                List.of("--paths", "1"))) {
            String[] args = Stream.concat(base.stream(), extra.stream()).toArray(String[]::new);
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
        }
        CliTest.Run none = CliTest.run("transitions", "--model", "modern");
        assertThat(none.code()).isEqualTo(2);
    }
}
