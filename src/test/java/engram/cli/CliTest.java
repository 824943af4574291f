package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line contract: exit codes 0/1/2, one JSON object on stdout with --json, one-line errors. */
class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter cliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = EngramCli.commandLine(args);
            cl.setErr(new PrintWriter(cliErr, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + cliErr);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void claimsJsonListsTheWholeCatalogue() {
        Run r = run("claims", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out().trim()).startsWith("{").endsWith("}").contains("\"id\": \"voltage.energy-monotone\"");
        assertThat(r.out().trim().lines()).hasSize(1);
    }

    @Test
    void simulateWritesCsvAndJsonSummary(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("trace.csv");
        Run r = run("simulate", "--model", "voltage", "--n", "64", "--p", "3", "--t", "4", "--dt", "0.01",
                "--cue-noise", "0.1", "--out", csv.toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"energyNonIncreasing\": true").contains("\"retrieved\": 0");
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("t,energy,m1,m2,m3");
        assertThat(Files.readAllLines(csv)).hasSize(1 + 41);
    }

    @Test
    void simulateReadsAParameterFileAndFlagsWin(@TempDir Path dir) throws Exception {
        Path params = dir.resolve("run.properties");
        Files.writeString(params, "model = voltage\nn = 32\np = 2\nt = 1\nactivation = tanh\n");
        Run r = run("simulate", "--params", params.toString(), "--p", "4", "--out", dir.resolve("x.csv").toString(),
                "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"n\": 32").contains("\"p\": 4");
    }

    @Test
    void badInputExitsTwoWithOneLineNamingTheParameter() {
        for (String[] args : new String[][] {{"simulate", "--n", "0"}, {"simulate", "--gain", "-1"},
                {"simulate", "--bogus"}, {"report", "--depth", "medium"}, {"simulate", "--sigma", "0.3"},
                {"simulate", "--model", "spiking"}, {"simulate", "--dt", "20", "--t", "1"},
                {"report", "--claim", "rate.positivity", "--update-baseline"}, {"report", "--shard", "5/2"},
                {"fr-stability", "--a", "1", "--b", "0"}, {"fr-phase", "--grid", "1"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).as("stdout of " + String.join(" ", args)).isEmpty();
            assertThat(r.err().trim().lines()).as("stderr of " + String.join(" ", args)).hasSize(1);
            assertThat(r.err()).startsWith("engram: error: ").containsPattern("--[a-z]+|Unknown option");
        }
    }

    @Test
    void reportWritesJsonHtmlAndFigures(@TempDir Path dir) throws Exception {
        Run r = run("report", "--claim", "discrete.energy-monotone", "--claim", "rate.positivity", "--no-history", "--out",
                dir.toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out().trim().lines()).hasSize(1);
        assertThat(r.out()).contains("\"verdict\": \"HOLDS\"");
        assertThat(dir.resolve("report.json")).exists();
        assertThat(dir.resolve("energy.png")).exists();
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("data:image/png;base64,").contains("rate.positivity").doesNotContain("<script")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(r.err()).contains("[1/2] discrete.energy-monotone");
    }
}
