package engram.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import engram.activation.Tanh;
import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.OneNetworkClaim;
import engram.cli.CliRun;
import engram.memory.DenseCouplings;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.theorem.Theorems;
import engram.theorem.capacity.CapacityMcelieceClaim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyDoubleArray;
import org.openlca.npy.Npz;

/**
 * engram check on networks saved as .npy (written here through the same library) and CSV: the JSON contract, the
 * hypotheses it measures, the claims it applies and runs, the equilibria of given patterns, a failing network's exit
 * code, and bad files.
 */
class CheckTest {

    /** A Hopfield network storing p random +-1 patterns (zero diagonal), and the patterns (n x p). */
    static double[][] hopfield(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] xi = new double[n * p];
        for (int k = 0; k < xi.length; k++) {
            xi[k] = rng.nextBoolean() ? 1 : -1;
        }
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int mu = 0; mu < p; mu++) {
                    s += xi[i * p + mu] * xi[j * p + mu];
                }
                w[i * n + j] = i == j ? 0 : s / n;
            }
        }
        return new double[][] {w, xi};
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void aHopfieldNetworkFromNpyMeetsItsTheoremsAndItsPatternsAreStableEquilibria(@TempDir Path dir) throws Exception {
        int n = 40, p = 2;
        double[][] net = hopfield(n, p, 3);
        Path w = dir.resolve("W.npy"), xi = dir.resolve("Xi.npy");
        Npy.write(w.toFile(), NpyDoubleArray.rowOrderOf(net[0], n, n));
        Npy.write(xi.toFile(), NpyDoubleArray.rowOrderOf(net[1], n, p));
        CliRun r = run("check", "--couplings", w.toString(), "--patterns", xi.toString(), "--gain", "4",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String key : List.of("n", "symmetric", "asymmetry", "spectralNorm", "lipschitzBound", "contracting", "claims",
                "equilibria")) {
            assertThat(j.has(key)).as("JSON key " + key).isTrue();
        }
        assertThat(j.get("n").asInt()).isEqualTo(n);
        assertThat(j.get("symmetric").asBoolean()).isTrue();
        double norm = Spectra.spectralNorm(new DenseCouplings(n, net[0]));
        assertThat(j.get("spectralNorm").asDouble()).isCloseTo(norm, Assertions.within(1e-9));
        assertThat(j.get("lipschitzBound").asDouble()).isCloseTo(4 * norm, Assertions.within(1e-8));
        assertThat(j.get("contracting").asBoolean()).isFalse();
        List<String> applicable = new ArrayList<>();
        for (JsonNode c : j.get("claims")) {
            assertThat(c.has("id") && c.has("applicable") && c.has("reason")).isTrue();
            if (c.get("applicable").asBoolean()) {
                applicable.add(c.get("id").asText());
                assertThat(c.get("verdict").asText()).isEqualTo("HOLDS");
                assertThat(c.has("worstMargin")).isTrue();
            }
        }
        assertThat(applicable).contains("voltage.energy-monotone", "model.derivatives").doesNotContain("voltage.contraction");
        assertThat(j.get("claims").size()).isEqualTo(Theorems.all().size());
        assertThat(j.get("equilibria").size()).isEqualTo(p);
        for (JsonNode e : j.get("equilibria")) {
            assertThat(e.get("converged").asBoolean()).isTrue();
            assertThat(e.get("residual").asDouble()).isLessThan(1e-8);
            assertThat(e.get("stable").asBoolean()).isTrue();
            assertThat(e.get("maxRealEigenvalue").asDouble()).isNegative();
            assertThat(e.get("returnFraction").asDouble()).isEqualTo(1.0);
        }
    }

    @Test
    void csvNpyAndNpzGiveTheSameAnswerAndAContractingNetworkGetsTheContractionClaim(@TempDir Path dir) throws Exception {
        int n = 12;
        SplittableRandom rng = new SplittableRandom(5);
        double[] w = new double[n * n];
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i * n + j] = 0.1 * rng.nextGaussian();
                csv.append(j > 0 ? "," : "").append(w[i * n + j]);
            }
            csv.append('\n');
        }
        Path npy = dir.resolve("W.npy"), text = dir.resolve("W.csv");
        Npy.write(npy.toFile(), NpyDoubleArray.rowOrderOf(w, n, n));
        Files.writeString(text, csv);
        Path npz = dir.resolve("net.npz");
        Npz.create(npz.toFile(), zip -> Npz.write(zip, "W.npy",
                NpyDoubleArray.rowOrderOf(w, n, n)));
        CliRun a = run("check", "--couplings", npy.toString(), "--json");
        CliRun b = run("check", "--couplings", text.toString(), "--json");
        CliRun z = run("check", "--couplings", npz.toString(), "--json");
        assertThat(a.code()).isZero();
        assertThat(a.out()).isEqualTo(b.out()).isEqualTo(z.out());
        JsonNode j = new ObjectMapper().readTree(a.out());
        assertThat(j.get("symmetric").asBoolean()).isFalse();
        assertThat(j.get("contracting").asBoolean()).isTrue();
        for (JsonNode c : j.get("claims")) {
            if (c.get("id").asText().equals("voltage.contraction")) {
                assertThat(c.get("applicable").asBoolean()).isTrue();
                assertThat(c.get("verdict").asText()).isEqualTo("HOLDS");
            }
            if (c.get("id").asText().equals("voltage.energy-monotone")) {
                assertThat(c.get("applicable").asBoolean()).isFalse();
                assertThat(c.get("reason").asText()).contains("not symmetric");
            }
        }
    }

    @Test
    void theLibraryApiAssertsOnAJavaNetworkAndNamesTheSeedWhenItFails() {
        double[][] w = {{0, 0.5}, {0.5, 0}};
        NetworkCheck.run(GivenNetwork.voltage(w, new Tanh(1), new double[] {0.1, -0.1}, 1), 7).assertHolds();
        CheckReport r = NetworkCheck.run(GivenNetwork.voltage(w, new Tanh(1), null, 1), 7);
        assertThat(r.allHold()).isTrue();
        assertThat(r.summary()).contains("Every applicable claim holds");
        // a report that fails names its claim and seed
        CheckReport failing = new CheckReport(2, "voltage", true, 0, true, 1, 1, false, 42,
                List.of(new CheckReport.ClaimCheck("voltage.energy-monotone", true, "r", "FAILS", -1.0, "rise 1e-3")),
                List.of(), List.of());
        assertThatThrownBy(failing::assertHolds).isInstanceOf(AssertionError.class).hasMessageContaining("seed 42")
                .hasMessageContaining("voltage.energy-monotone");
    }

    @Test
    void badFilesExitTwoWithOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path rect = dir.resolve("rect.npy"), nan = dir.resolve("nan.csv"), trunc = dir.resolve("trunc.npy"),
                text = dir.resolve("words.csv"), w = dir.resolve("W.npy"), xi = dir.resolve("Xi.npy");
        Npy.write(rect.toFile(), NpyDoubleArray.rowOrderOf(new double[12], 3, 4));
        Files.writeString(nan, "0,1\n1,NaN\n");
        Npy.write(w.toFile(), NpyDoubleArray.rowOrderOf(new double[16], 4, 4));
        byte[] whole = Files.readAllBytes(w);
        Files.write(trunc, Arrays.copyOf(whole, whole.length - 20));
        Files.writeString(text, "a,b\nc,d\n");
        Npy.write(xi.toFile(), NpyDoubleArray.rowOrderOf(new double[10], 5, 2));
        for (String[] args : List.of(new String[] {"--couplings", rect.toString()}, new String[] {"--couplings", nan.toString()},
                new String[] {"--couplings", trunc.toString()}, new String[] {"--couplings", text.toString()},
                new String[] {"--couplings", dir.resolve("missing.npy").toString()},
                new String[] {"--couplings", w.toString(), "--patterns", xi.toString()},
                new String[] {"--couplings", w.toString(), "--input", xi.toString()},
                new String[] {"--couplings", w.toString(), "--model", "discrete"})) {
            List<String> all = new ArrayList<>(List.of("check"));
            all.addAll(List.of(args));
            CliRun r = run(all.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().trim().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
    }

    /** A claim with the one-network capability is checked by engram check without any edit in engram.check. */
    @Test
    void aClaimWithTheOneNetworkCapabilityIsCheckedWithoutAnEditHere() {
        final class Toy implements Claim<Double>, OneNetworkClaim {
            @Override public String id() { return "voltage.energy-monotone"; } // reuses an entry for its tolerance
            @Override public CaseSpace<Double> hypotheses() { return d -> 0.0; }
            @Override public CaseSpace<Double> control() { return d -> 1.0; }
            @Override public Evaluation evaluate(Double c) { return Evaluation.atMost(c, 0.5, ""); }
            @Override public String notApplicable(Network net) { return net.voltage() ? null : "needs voltage"; }
            @Override public String needs() { return "nothing much"; }
            @Override public Measured measure(Network net, double[] x0, SplittableRandom rng) {
                return new Measured(0, "first entry " + x0[0]);
            }
        }
        var model = new VoltageModel(1, DenseCouplings.randomSymmetric(3, 0.5, true,
                new SplittableRandom(1)), new Tanh(1), Input.zero(3));
        var net = new OneNetworkClaim.Network(model, new Tanh(1), true, true, 0, 0.5, 1, 1,
                rng -> new double[] {rng.nextGaussian(), 0, 0});
        CheckReport.ClaimCheck c = NetworkCheck.check(new Toy(), "toy", net, 2, 7, line -> { });
        assertThat(c.applicable()).isTrue();
        assertThat(c.verdict()).isEqualTo("HOLDS");
        assertThat(c.reason()).isEqualTo("nothing much");
        var plain = new CapacityMcelieceClaim();
        assertThat(NetworkCheck.check(plain, "capacity", net, 2, 7, line -> { }).applicable()).isFalse();
    }
}
