package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engram.cli.SimdLauncher.Decision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        List<String> cmd = new java.util.ArrayList<>();
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
}
