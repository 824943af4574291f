package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engram.report.JsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * engram basins and engram landscape from the command line: the JSON contracts, the figures, and bad input refused
 * with exit 2.
 */
class BasinsCommandTest {

    @TempDir Path dir;

    /** A 60-unit Hebbian W (2 patterns, zero diagonal) and its patterns, as CSV. */
    private void hebbian() throws Exception {
        int n = 60, p = 2;
        SplittableRandom rng = new SplittableRandom(5);
        double[][] xi = new double[n][p];
        StringBuilder xs = new StringBuilder(), ws = new StringBuilder();
        for (double[] row : xi) {
            for (int mu = 0; mu < p; mu++) {
                row[mu] = rng.nextBoolean() ? 1 : -1;
            }
            xs.append(row[0]).append(',').append(row[1]).append('\n');
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double w = i == j ? 0 : (xi[i][0] * xi[j][0] + xi[i][1] * xi[j][1]) / n;
                ws.append(w).append(j + 1 < n ? "," : "\n");
            }
        }
        Files.writeString(dir.resolve("W.csv"), ws);
        Files.writeString(dir.resolve("Xi.csv"), xs);
    }

    @SuppressWarnings("unchecked")
    @Test
    void theJsonContractAndTheFigures() throws Exception {
        hebbian();
        CliTest.Run r = CliTest.run("basins", "--couplings", dir.resolve("W.csv").toString(), "--patterns",
                dir.resolve("Xi.csv").toString(), "--gain", "4", "--noise", "0.2,0.6", "--per-level", "10", "--uniform",
                "20", "--map-grid", "9", "--out", dir.resolve("figs").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> out = JsonFormat.read(r.out(), Map.class);
        assertThat(out).containsKeys("attractors", "samples", "notConverged", "curves", "seconds");
        assertThat(out.get("samples")).isEqualTo(2 * 2 * 10 + 20);
        List<Map<String, Object>> attractors = (List<Map<String, Object>>) out.get("attractors");
        assertThat(attractors.get(0)).containsKeys("kind", "pattern", "fraction", "low", "high", "meanTime");
        assertThat(attractors).extracting(a -> a.get("kind")).contains("memory");
        assertThat(dir.resolve("figs/basins.png")).exists();
        assertThat(dir.resolve("figs/basin-map.png")).exists();
    }

    /** engram landscape on the same network: the JSON contract, the figure, and its own bad input. */
    @SuppressWarnings("unchecked")
    @Test
    void landscapeFindsTheSaddleBetweenTheTwoMemories() throws Exception {
        hebbian();
        String w = dir.resolve("W.csv").toString(), x = dir.resolve("Xi.csv").toString();
        CliTest.Run r = CliTest.run("landscape", "--couplings", w, "--patterns", x, "--gain", "4", "--out",
                dir.resolve("l").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> out = JsonFormat.read(r.out(), Map.class);
        assertThat(out).containsKeys("saddle", "barriers", "path");
        assertThat((Map<String, Object>) out.get("saddle")).containsKeys("energy", "index", "residual")
                .containsEntry("index", 1);
        assertThat((List<Map<String, Object>>) out.get("barriers")).extracting(b -> b.get("from")).containsExactly(1, 2);
        assertThat(((List<Map<String, Object>>) out.get("path")).get(0)).containsKeys("s", "energy");
        assertThat(dir.resolve("l/landscape.png")).exists();
        for (String[] args : List.of(new String[] {"landscape", "--couplings", w, "--patterns", x, "--to", "1"},
                new String[] {"landscape", "--couplings", w, "--patterns", x, "--to", "3"},
                new String[] {"landscape", "--couplings", w, "--patterns", x, "--images", "2"})) {
            CliTest.Run bad = CliTest.run(args);
            assertThat(bad.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(bad.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        hebbian();
        String w = dir.resolve("W.csv").toString(), x = dir.resolve("Xi.csv").toString();
        for (String[] args : List.of(new String[] {"basins", "--couplings", w},
                new String[] {"basins", "--couplings", w, "--patterns", x, "--noise", "1.5"},
                new String[] {"basins", "--couplings", w, "--patterns", x, "--model", "rate"},
                new String[] {"basins", "--couplings", w, "--patterns", x, "--per-level", "-1"},
                new String[] {"basins", "--couplings", w, "--patterns", x, "--map-grid", "1"})) {
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
        }
    }
}
