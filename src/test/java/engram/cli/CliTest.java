package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: exit codes 0/1/2, one JSON object on stdout with --json, one-line errors. */
class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = EngramCli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
                {"fr-stability", "--a", "1", "--b", "0"}, {"fr-phase", "--grid", "1"},
                {"idp-equilibria", "--n", "48", "--alphas", "2,1"}, {"idp-equilibria", "--alphas", "2,x"},
                {"idp-equilibria", "--alphas", "2", "--activation", "logistic"}, {"idp-retrieval", "--trials", "0"},
                {"idp-retrieval", "--sigmas", "-1"}, {"simulate", "--model", "idp"},
                {"simulate", "--model", "modern", "--patterns", "sparse"}, {"memory-dynamics", "--nh", "60"},
                {"memory-dynamics", "--every", "0"}, {"spectrum", "--nv", "0", "--nh", "5"},
                {"spectrum", "--nv", "10", "--nh", "5", "--entries", "cauchy"},
                {"capacity", "--activation", "relu", "--n", "500"}, {"capacity", "--activation", "sign", "--n", "20"},
                {"capacity", "--activation", "sign", "--n", "500,400"},
                {"capacity", "--activation", "sign", "--n", "500", "--loads", "0.2,0.1"},
                {"capacity", "--activation", "sign", "--n", "500", "--cue-noise", "0.5"},
                {"capacity", "--activation", "tanh", "--gain", "-2", "--n", "500"},
                {"capacity-theory", "--activation", "sinh"}, {"capacity-theory", "--activation", "tanh", "--loads", "0"}}) {
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
        // only the families of the claims run draw their figures
        assertThat(dir.resolve("capacity-gain.png")).doesNotExist();
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("data:image/png;base64,").contains("rate.positivity").doesNotContain("<script")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(r.err()).contains("[1/2] discrete.energy-monotone");
    }

    @Test
    void idpEquilibriaAnswersFromTheDynamicsWithTheConditionsBeside() throws Exception {
        Run r = run("idp-equilibria", "--n", "64", "--patterns", "hadamard", "--alphas", "3,2,0.5,1.2", "--activation",
                "tanh", "--json");
        assertThat(r.code()).isZero();
        var root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("memories")).hasSize(4);
        assertThat(root.get("originStable").asBoolean()).isFalse();
        var first = root.get("memories").get(0);
        assertThat(first.get("alpha").asDouble()).isEqualTo(3.0);
        assertThat(first.get("exists").asBoolean()).isTrue();
        for (String key : new String[] {"c", "maxRealEigenvalue", "stable", "energyPerNeuron"}) {
            assertThat(first.has(key)).as(key).isTrue();
        }
        assertThat(first.get("c").asDouble()).isCloseTo(first.get("predictedC").asDouble(), within(1e-9));
        assertThat(root.get("memories").get(2).get("exists").asBoolean()).as("alpha psi'(0) = 0.5 < 1").isFalse();
        assertThat(root.get("memories").get(3).get("stable").asBoolean()).as("alpha 3 > 1/psi'(c) at c(1.2)").isFalse();
    }

    @Test
    void idpRetrievalWritesTheAccuracyTable(@TempDir Path dir) throws Exception {
        Run r = run("idp-retrieval", "--n", "128", "--p", "4", "--inputs", "2", "--trials", "2", "--sigmas", "0,8",
                "--out", dir.toString(), "--json");
        assertThat(r.code()).isZero();
        var root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("rows")).hasSize(4);
        assertThat(root.get("rows").get(0).get("inputs").asInt()).isEqualTo(4);
        assertThat(Files.readAllLines(dir.resolve("accuracy.csv")).get(0)).startsWith("model,sigma,inputs,retrieved,rate");
        assertThat(dir.resolve("accuracy.png")).exists();
        assertThat(r.err()).contains("idp").contains("classic");
    }

    @Test
    void simulateRunsTheIdpClassicAndModernNetworks(@TempDir Path dir) throws Exception {
        for (String model : new String[] {"idp", "classic"}) {
            Run r = run("simulate", "--model", model, "--n", "256", "--p", "4", "--mixtures", "2", "--gain", "10", "--t", "2",
                    "--integrator", "em", "--sigma", "1", "--cue", "-1", "--out", dir.resolve(model + ".csv").toString(),
                    "--json");
            assertThat(r.code()).as(model).isZero();
            assertThat(r.out()).contains("\"model\": \"" + model + "\"").contains("\"t\": 4");
        }
        Run m = run("simulate", "--model", "modern", "--n", "64", "--p", "5", "--beta", "0.2", "--cue", "1", "--cue-noise",
                "0.3", "--out", dir.resolve("m.csv").toString(), "--json");
        assertThat(m.code()).isZero();
        assertThat(m.out()).contains("\"energyNonIncreasing\": true").contains("\"retrieved\": 1");
    }

    @Test
    void memoryDynamicsPrintsTheFigureOneContract(@TempDir Path dir) throws Exception {
        Run r = run("memory-dynamics", "--nv", "50", "--nh", "4", "--tau", "250", "--beta", "2", "--sigma", "0.4", "--steps",
                "2000", "--every", "500", "--out", dir.toString(), "--json");
        assertThat(r.code()).isZero();
        var root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("initialCosine")).hasSize(4);
        assertThat(root.get("finalCosine")).hasSize(4);
        assertThat(root.get("maxDeviation").asDouble()).isLessThan(0.02);
        assertThat(root.get("curves").get("simulated")).hasSize(4);
        assertThat(root.get("curves").get("t")).hasSize(5);
        assertThat(dir.resolve("figure1.png")).exists();
        assertThat(Files.readAllLines(dir.resolve("figure1.csv")).get(0)).isEqualTo("t,cos1,theory1,cos2,theory2,cos3,theory3,cos4,theory4");
    }

    @Test
    void spectrumComparesWithTheMarchenkoPasturLaw(@TempDir Path dir) throws Exception {
        Run r = run("spectrum", "--nv", "400", "--nh", "200", "--entries", "rademacher", "--out", dir.toString(), "--json");
        assertThat(r.code()).isZero();
        var root = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"lambdaMin", "lambdaMax", "mpLower", "mpUpper", "ksStatistic", "ksPValue"}) {
            assertThat(root.has(key)).as(key).isTrue();
        }
        assertThat(root.get("mpUpper").asDouble()).isCloseTo(Math.pow(1 + Math.sqrt(0.5), 2), within(1e-10));
        assertThat(root.get("ksPValue").asDouble()).isGreaterThan(1e-3);
        assertThat(dir.resolve("spectrum.png")).exists();
    }

    @Test
    void capacityMeasuresAlphaCAgainstTheTheory() throws Exception {
        Run r = run("capacity", "--activation", "sign", "--n", "300,600,1200", "--trials", "12", "--seed", "5", "--json");
        assertThat(r.code()).isZero();
        var root = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"alphaC", "alphaCLow", "alphaCHigh", "alphaCTheory", "loads", "sizes",
                "extrapolation"}) {
            assertThat(root.has(key)).as(key).isTrue();
        }
        assertThat(root.get("alphaCTheory").asDouble()).isCloseTo(0.1379, within(1e-4));
        assertThat(root.get("alphaCLow").asDouble()).isLessThanOrEqualTo(root.get("alphaC").asDouble());
        assertThat(root.get("alphaCHigh").asDouble()).isGreaterThanOrEqualTo(root.get("alphaC").asDouble());
        assertThat(root.get("sizes")).hasSize(3);
        assertThat(root.get("loads").get(0).get("overlap").asDouble()).isGreaterThan(0.95);
        assertThat(root.get("extrapolation").has("agsInside")).isTrue();
        Run again = run("capacity", "--activation", "sign", "--n", "300,600,1200", "--trials", "12", "--seed", "5", "--json");
        assertThat(again.out().replaceAll("\"seconds\": [0-9.eE+-]+", ""))
                .isEqualTo(r.out().replaceAll("\"seconds\": [0-9.eE+-]+", ""));

        Run analog = run("capacity", "--activation", "tanh", "--gain", "4", "--n", "400", "--trials", "4", "--loads",
                "0.03,0.3", "--json");
        assertThat(analog.code()).isZero();
        var a = new ObjectMapper().readTree(analog.out());
        assertThat(a.get("loads").get(0).get("rate").asDouble()).isEqualTo(1.0);
        assertThat(a.get("loads").get(1).get("rate").asDouble()).isEqualTo(0.0);
        assertThat(a.get("loads").get(0).get("overlap").asDouble())
                .isCloseTo(a.get("loads").get(0).get("theoryOverlap").asDouble(), within(0.01));
    }

    @Test
    void capacityTheoryGivesTheAgsValueForSignNeurons() throws Exception {
        Run r = run("capacity-theory", "--activation", "sign", "--json");
        assertThat(r.code()).isZero();
        var root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("alphaC").asDouble()).isCloseTo(root.get("alphaCAgs").asDouble(), within(3e-5));
        // the naive transition is continuous: its overlap reaches 0.1 at 0.633, just below 2/pi
        assertThat(root.get("alphaCNoReaction").asDouble()).isBetween(0.625, 2 / Math.PI);
        assertThat(root.get("curve")).hasSize(40);
        Run t = run("capacity-theory", "--activation", "tanh", "--gain", "2", "--json");
        var tr = new ObjectMapper().readTree(t.out());
        assertThat(tr.get("alphaC").asDouble()).isBetween(0.05, 0.1);
        assertThat(tr.get("alphaCAgs").isNull()).isTrue();
    }
}
