package engram.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Makes the SIMD kernels what {@code java -jar engram.jar} gets. They need the incubating module
 * {@code jdk.incubator.vector} in the boot layer, which only a command-line flag can add (a jar manifest cannot, and
 * an agent starts too late). So when the JVM has that module but was started without it, Engram starts itself once
 * more with {@code --add-modules jdk.incubator.vector} (and transparent huge pages where the kernel offers them) and the
 * same JVM options, class path and arguments, passes
 * stdin and stdout through, forwards stderr without the JVM's one-line incubator warning, and exits with the child's
 * status. The relaunch costs one JVM start (about 0.2 s, measured) and saves 1.5 to 3 times that on any run that
 * steps a network. A launcher script was the alternative, but it would change the command every README line shows.
 * <p>
 * The two processes live and die together. A signal that ends the parent (SIGTERM, SIGINT, SIGHUP) reaches the child
 * through the parent's shutdown hook. SIGKILL runs no hook, so the child also watches its parent (whose process id it
 * gets in {@value #CHILD_MARK}) and halts within {@value #WATCH_MILLIS} ms of its death, without running its own
 * shutdown hooks or finishing a write: what it had half written stays in temporaries that the next write removes.
 * <p>
 * No relaunch when the module is already there, when {@code -Dengram.simd=false} asks for plain Java, in the
 * relaunched child itself, or when this JVM has no such module; in the last case one line on stderr says that the
 * plain-Java kernels run.
 */
final class SimdLauncher {

    static final String MODULE = "jdk.incubator.vector";
    static final String CHILD_MARK = "ENGRAM_SIMD_CHILD";
    static final String WARNING = "WARNING: Using incubator modules: " + MODULE;

    /** How often the relaunched child looks whether its parent still runs. */
    static final long WATCH_MILLIS = 100;

    /** Exit status of a child whose parent died: 128 + SIGKILL, as a shell reports a killed process. */
    static final int ORPHANED = 137;

    private SimdLauncher() {
    }

    /** What to do at start-up. */
    enum Decision { RUN_HERE, RUN_HERE_SCALAR_NOTE, RELAUNCH }

    static Decision decide(boolean inBootLayer, boolean inSystem, String simdProperty, boolean isChild) {
        if (inBootLayer || "false".equals(simdProperty)) {
            return Decision.RUN_HERE;
        }
        if (isChild || !inSystem) {
            return Decision.RUN_HERE_SCALAR_NOTE;
        }
        return Decision.RELAUNCH;
    }

    /**
     * Whether the kernel offers transparent huge pages to a process that asks (Linux, "always" or "madvise"). Dense
     * products over a 32 MB matrix then miss the TLB far less: measured at N = 2000, 276 against 439 microseconds
     * on both cores. Asked for only where offered, since elsewhere the JVM would print a warning.
     */
    static boolean transparentHugePages() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * In the relaunched child: a daemon thread that halts this JVM once the parent named by {@code parentPid} no
     * longer runs (it was killed, so nobody reads this process's output or exit status any more).
     */
    static void watchParent(String parentPid) {
        long pid;
        try {
            pid = Long.parseLong(parentPid.trim());
        } catch (NumberFormatException e) {
            return; // set by someone else: nothing to watch
        }
        ProcessHandle parent = ProcessHandle.of(pid).orElse(null);
        Thread watch = new Thread(() -> {
            while (true) {
                boolean alive = parent != null && parent.isAlive()
                        && ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == pid;
                if (!alive) {
                    Runtime.getRuntime().halt(ORPHANED);
                }
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "engram-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Relaunches when it should and returns the child's exit status; empty when this JVM runs the command. */
    static OptionalInt relaunchIfUseful(String[] args) {
        String parent = System.getenv(CHILD_MARK);
        if (parent != null) {
            watchParent(parent);
        }
        Decision d = decide(ModuleLayer.boot().findModule(MODULE).isPresent(), ModuleFinder.ofSystem().find(MODULE).isPresent(),
                System.getProperty("engram.simd"), parent != null);
        if (d == Decision.RUN_HERE_SCALAR_NOTE) {
            System.err.println("engram: note: this JVM lacks " + MODULE + "; running the plain-Java kernels (slower)");
        }
        if (d != Decision.RELAUNCH) {
            return OptionalInt.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        cmd.addAll(jvm);
        if (transparentHugePages() && jvm.stream().noneMatch(a -> a.contains("TransparentHugePages"))) {
            cmd.add("-XX:+UseTransparentHugePages");
        }
        cmd.add("--add-modules");
        cmd.add(MODULE);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(EngramCli.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put(CHILD_MARK, Long.toString(ProcessHandle.current().pid()));
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            System.err.println("engram: note: could not start the JVM with " + MODULE + " (" + e.getMessage()
                    + "); running the plain-Java kernels (slower)");
            return OptionalInt.empty();
        }
        Thread stop = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (!line.equals(WARNING)) {
                    System.err.println(line);
                }
            }
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return OptionalInt.of(code);
        } catch (IOException | InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return OptionalInt.of(EngramCli.INTERNAL);
        }
    }
}
