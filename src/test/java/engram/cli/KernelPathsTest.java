package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engram.claim.ClaimResult;
import engram.claim.ClaimRunner;
import engram.claim.Depth;
import engram.kernel.Kernels;
import engram.report.JsonFormat;
import engram.theorem.Theorems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIMD and the plain-Java kernels are interchangeable: the claims whose margins sit nearest round-off (invariant
 * sets, equilibria and eigenvalue routes of the firing-rate designs, energy descent, derivatives, the IDP and oracle
 * cross-checks) hold on both paths at several seeds. This JVM runs the SIMD kernels; a child JVM started with
 * {@code -Dengram.simd=false} runs the same claims at the same seeds.
 */
class KernelPathsTest {

    static final List<String> CLAIMS = List.of("fr.positivity", "rate.positivity", "fr.equilibrium", "fr.local-stability",
            "fr.sign-structure", "voltage.energy-monotone", "idp.orthogonal-equilibria", "model.derivatives",
            "rate.voltage-equivalence", "fr.global-stability");

    static final long[] SEEDS = {1, 5, 9};

    @Test
    void theClaimsNearestRoundOffHoldOnBothKernelPaths(@TempDir Path dir) throws Exception {
        assertThat(Kernels.get().name()).as("this JVM's kernels").startsWith("vector-");
        List<String> failures = new ArrayList<>();
        for (long seed : SEEDS) {
            for (String id : CLAIMS) {
                var c = Theorems.byId(id);
                ClaimResult r = ClaimRunner.run(c, seed, Depth.QUICK.examples(c));
                if (!r.holds()) {
                    failures.add("SIMD seed " + seed + ": " + id + " " + r.verdict() + ": " + r.worstDetail());
                }
            }
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dengram.simd=false", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    EngramCli.class.getName(), "report", "--seed", Long.toString(seed), "--json", "--no-history", "--out",
                    dir.resolve("s" + seed).toString()));
            CLAIMS.forEach(id -> cmd.addAll(List.of("--claim", id)));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().remove(SimdLauncher.CHILD_MARK);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            @SuppressWarnings("unchecked")
            Map<String, Object> json = JsonFormat.read(out, Map.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> claims = (List<Map<String, Object>>) json.get("claims");
            assertThat(claims).hasSize(CLAIMS.size());
            for (Map<String, Object> c : claims) {
                if (!"HOLDS".equals(c.get("verdict"))) {
                    failures.add("plain Java seed " + seed + ": " + c.get("id") + " " + c.get("verdict") + ": "
                            + c.get("worstDetail"));
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
