package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engram.cli.SimdLauncher.Decision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar engram.jar} runs the SIMD kernels: the relaunch decision and the relaunch itself. */
class SimdLauncherTest {

    @Test
    void relaunchesOnlyWhenTheModuleIsAvailableButNotLoaded() {
        assertThat(SimdLauncher.decide(true, true, null, false)).isEqualTo(Decision.RUN_HERE);
        assertThat(SimdLauncher.decide(false, true, "false", false)).isEqualTo(Decision.RUN_HERE);
        assertThat(SimdLauncher.decide(false, true, null, false)).isEqualTo(Decision.RELAUNCH);
        assertThat(SimdLauncher.decide(false, true, null, true)).isEqualTo(Decision.RUN_HERE_SCALAR_NOTE);
        assertThat(SimdLauncher.decide(false, false, null, false)).isEqualTo(Decision.RUN_HERE_SCALAR_NOTE);
    }

    private record Out(int code, String out, String err) {
    }

    private static Out launch(List<String> jvmArgs, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EngramCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(SimdLauncher.CHILD_MARK);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Out(p.waitFor(), out, err);
    }

    @Test
    void aPlainLaunchGetsTheSimdKernelsWithoutTheIncubatorWarningAndKeepsTheExitCode() throws Exception {
        Out plain = launch(List.of(), "--version");
        assertThat(plain.code()).isZero();
        assertThat(plain.out()).contains("kernels: vector-");
        assertThat(plain.err()).doesNotContain("WARNING");
        Out scalar = launch(List.of("-Dengram.simd=false"), "--version");
        assertThat(scalar.out()).contains("kernels: scalar");
        Out bad = launch(List.of(), "capacity", "--activation", "relu", "--n", "500");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().trim().lines()).hasSize(1);
    }

    /**
     * kill -9 of the visible JVM: the relaunched child notices within a fraction of a second and halts, so it neither
     * runs on (reparented to PID 1) nor writes the report or the history line afterwards.
     */
    @Test
    void theRelaunchedChildDiesWithItsParent(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EngramCli.class.getName(), "report", "--depth", "deep",
                "--claim", "oracle.accuracy", "--out", dir.resolve("r").toString(), "--history",
                dir.resolve("h.jsonl").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        pb.environment().remove(SimdLauncher.CHILD_MARK);
        Process parent = pb.start();
        ProcessHandle child = null;
        for (int k = 0; k < 300 && child == null; k++) {
            child = parent.descendants().findFirst().orElse(null);
            Thread.sleep(20);
        }
        assertThat(child).as("the relaunched child").isNotNull();
        Thread.sleep(500);
        parent.destroyForcibly().waitFor();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("child still running after its parent was killed").isFalse();
        assertThat(dir.resolve("r")).doesNotExist();
        assertThat(dir.resolve("h.jsonl")).doesNotExist();
    }
}
