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
 * {@code engram certify} and {@code engram verify-certificate} from the command line: the JSON contract's keys and
 * verdict words, a certificate that verifies, tampered certificates and another network rejected with exit 1 and one
 * line, bad files and impossible options refused with exit 2, and the IDP Hadamard table proven memory by memory.
 */
class CertifyCommandTest {

    @TempDir Path dir;

    /** A 40-unit Hebbian W (3 patterns, zero diagonal) and its patterns, as CSV. */
    private void hebbian() throws Exception {
        int n = 40, p = 3;
        SplittableRandom rng = new SplittableRandom(7);
        double[][] xi = new double[n][p];
        StringBuilder xs = new StringBuilder(), ws = new StringBuilder();
        for (double[] row : xi) {
            for (int mu = 0; mu < p; mu++) {
                row[mu] = rng.nextBoolean() ? 1 : -1;
                xs.append(mu == 0 ? "" : ",").append(row[mu]);
            }
            xs.append('\n');
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int mu = 0; mu < p && i != j; mu++) {
                    s += xi[i][mu] * xi[j][mu];
                }
                ws.append(j == 0 ? "" : ",").append(s / n);
            }
            ws.append('\n');
        }
        Files.writeString(dir.resolve("W.csv"), ws);
        Files.writeString(dir.resolve("Xi.csv"), xs);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void certifyWritesTheContractAndACertificateThatVerifies() throws Exception {
        hebbian();
        CliTest.Run r = CliTest.run("certify", "--couplings", path("W.csv"), "--patterns", path("Xi.csv"), "--gain", "4",
                "--certificates", path("proofs"), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> json = JsonFormat.read(r.out(), Map.class);
        assertThat(json).containsKeys("n", "spectralNormUpper", "contracting", "equilibria", "seconds");
        assertThat(json.get("contracting")).isEqualTo("refuted");
        List<Map<String, Object>> eq = (List<Map<String, Object>>) json.get("equilibria");
        assertThat(eq).hasSize(3);
        for (Map<String, Object> e : eq) {
            assertThat(e).containsKeys("pattern", "exists", "radius", "stable", "decayRate", "basinRadius", "certificate");
            assertThat(e.get("exists")).isEqualTo("proven");
            assertThat(e.get("stable")).isEqualTo("proven");
        }
        assertThat(eq.get(0).get("pattern")).isEqualTo(1);
        String cert = path("proofs/certificate.json");
        CliTest.Run ok = CliTest.run("verify-certificate", cert, "--couplings", path("W.csv"), "--gain", "4");
        assertThat(ok.code()).as(ok.err()).isZero();

        String text = Files.readString(Path.of(cert));
        Files.writeString(dir.resolve("raised.json"), text.replaceFirst("\"decayRate\"\\s*:\\s*[0-9.eE-]+", "\"decayRate\": 1.5"));
        CliTest.Run raised = CliTest.run("verify-certificate", path("raised.json"), "--couplings", path("W.csv"), "--gain", "4");
        assertThat(raised.code()).isEqualTo(1);
        assertThat(raised.err().strip()).contains("rejected: pattern 1: stable with decay rate 1.5").doesNotContain("\n");

        CliTest.Run other = CliTest.run("verify-certificate", cert, "--couplings", path("W.csv"), "--gain", "4.5");
        assertThat(other.code()).isEqualTo(1);
        assertThat(other.err()).contains("another network");
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkCertifyAddsTheProofsBesideTheSampledVerdicts() throws Exception {
        hebbian();
        CliTest.Run r = CliTest.run("check", "--couplings", path("W.csv"), "--patterns", path("Xi.csv"), "--gain", "4",
                "--certify", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> json = JsonFormat.read(r.out(), Map.class);
        assertThat(json).containsKeys("claims", "equilibria", "proofs");
        List<Map<String, Object>> sampled = (List<Map<String, Object>>) json.get("equilibria");
        List<Map<String, Object>> proven = (List<Map<String, Object>>) ((Map<String, Object>) json.get("proofs"))
                .get("equilibria");
        for (int k = 0; k < sampled.size(); k++) {
            assertThat(sampled.get(k).get("stable")).isEqualTo(true);
            assertThat(proven.get(k).get("stable")).isEqualTo("proven");
            // the proven decay rate is a bound on the sampled eigenvalue
            assertThat(((Number) proven.get(k).get("decayRate")).doubleValue())
                    .isLessThanOrEqualTo(-((Number) sampled.get(k).get("maxRealEigenvalue")).doubleValue() + 1e-9);
        }
    }

    @Test
    void badFilesAndImpossibleOptionsExit2WithOneLine() throws Exception {
        hebbian();
        Files.writeString(dir.resolve("junk.json"), "{\"format\": 3, \"equilibria\": \"x\"}");
        Files.writeString(dir.resolve("empty.json"), "{}");
        List<String[]> bad = List.of(
                new String[] {"verify-certificate", path("missing.json"), "--couplings", path("W.csv")},
                new String[] {"verify-certificate", path("junk.json"), "--couplings", path("W.csv")},
                new String[] {"verify-certificate", path("empty.json"), "--couplings", path("W.csv")},
                new String[] {"certify", "--patterns", path("Xi.csv")},
                new String[] {"certify", "--couplings", path("W.csv"), "--activation", "relu"},
                new String[] {"certify", "--model", "idp", "--patterns", path("Xi.csv")},
                new String[] {"certify", "--model", "idp", "--patterns", path("Xi.csv"), "--alphas", "1,2"},
                new String[] {"certify", "--couplings", path("W.csv"), "--alphas", "1,2,3"},
                new String[] {"certify", "--couplings", path("W.csv"), "--model", "spiking"},
                new String[] {"certify", "--couplings", path("W.csv"), "--certificates", path("W.csv")});
        for (String[] args : bad) {
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).doesNotContain("\n").startsWith("engram");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIdpHadamardTableIsProvenMemoryByMemory() throws Exception {
        int n = 64;
        double[][] h = {{1}};
        while (h.length < n) {
            int m = h.length;
            double[][] next = new double[2 * m][2 * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    next[i][j] = next[i][j + m] = next[i + m][j] = h[i][j];
                    next[i + m][j + m] = -h[i][j];
                }
            }
            h = next;
        }
        StringBuilder xs = new StringBuilder();
        for (double[] row : h) {
            xs.append(row[1]).append(',').append(row[2]).append(',').append(row[3]).append(',').append(row[4]).append('\n');
        }
        Files.writeString(dir.resolve("H.csv"), xs);
        CliTest.Run r = CliTest.run("certify", "--model", "idp", "--patterns", path("H.csv"), "--alphas", "3,2,1.2,0.8",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, Object>> eq = (List<Map<String, Object>>) JsonFormat.read(r.out(), Map.class).get("equilibria");
        // theory.md 3.2: alpha psi'(0) > 1 exists; stable iff the other alphas are below 1 / psi'(c); alpha psi'(0) <= 1
        // on an exactly invariant line (Hadamard patterns are exactly orthogonal): proven not to exist (8.10)
        assertThat(eq).extracting(e -> e.get("exists")).containsExactly("proven", "proven", "proven", "refuted");
        assertThat(eq).extracting(e -> e.get("stable")).containsExactly("proven", "proven", "refuted", "undecided");
        assertThat(eq.get(3).get("reason")).isNull();
        // at the bifurcation itself (alpha psi'(0) = 1) the slope test cannot be strict: undecided, with the reason
        CliTest.Run edge = CliTest.run("certify", "--model", "idp", "--patterns", path("H.csv"), "--alphas", "3,2,1.2,1",
                "--json");
        List<Map<String, Object>> at = (List<Map<String, Object>>) JsonFormat.read(edge.out(), Map.class).get("equilibria");
        assertThat(at.get(3).get("exists")).isEqualTo("undecided");
        assertThat((String) at.get(3).get("reason")).contains("predicts no equilibrium").contains("bifurcation");
    }
}
