package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every option of every command, each with hostile values for its type: words, empty lists, signs, zeros, the largest
 * and smallest numbers, NaN and infinity, binary files, devices, directories, paths under /proc and paths ending in a
 * separator. The other options take values that make an accepted run quick. Every case must end with exit 0, 1 or 2
 * (never 3, never a stack trace), a refusal with one line "engram: error: ..." as its last line on stderr, and within
 * {@value #CASE_SECONDS} s. The cases run in one child JVM ({@link FuzzDriver}, 1 GB of heap) whose working directory is
 * a temporary one, so a default output lands there and a hang is caught and named. The option list comes from the
 * command line's own model: a new option is fuzzed when it is added.
 */
class OptionFuzzTest {

    static final int CASE_SECONDS = 60;

    /** Per command, options whose values keep an accepted run short ({@code DIR} is the case's temporary directory). */
    static final Map<String, List<String>> BASE = Map.ofEntries(
            Map.entry("simulate", List.of("--n", "20", "--p", "2", "--t", "0.1", "--dt", "0.01", "--out", "DIR/sim.csv")),
            Map.entry("report", List.of("--claim", "rate.positivity", "--out", "DIR/r", "--no-history", "<flag>")),
            Map.entry("fr-stability", List.of("--n", "100")),
            Map.entry("fr-phase", List.of("--out", "DIR/phase")),
            Map.entry("idp-equilibria", List.of("--n", "8", "--alphas", "2,1.5")),
            Map.entry("idp-retrieval", List.of("--n", "64", "--p", "3", "--inputs", "1", "--trials", "2", "--sigmas", "0",
                    "--duration", "0.5", "--out", "DIR/idp")),
            Map.entry("memory-dynamics", List.of("--steps", "20", "--every", "10")),
            Map.entry("spectrum", List.of("--nv", "20", "--nh", "10")),
            Map.entry("capacity", List.of("--activation", "sign", "--n", "50", "--trials", "2", "--loads", "0.1")),
            Map.entry("capacity-theory", List.of("--activation", "tanh", "--gain", "3", "--loads", "0.05")),
            Map.entry("false-failures", List.of("--claim", "integrate.em-strong-order", "--seeds", "1", "--threads", "1",
                    "--out", "DIR/ff.json")),
            Map.entry("check", List.of("--couplings", "W_CSV")),
            Map.entry("landscape", List.of("--couplings", "W_CSV", "--patterns", "W_CSV", "--iterations", "50")),
            Map.entry("basins", List.of("--couplings", "W_CSV", "--patterns", "W_CSV", "--per-level", "2", "--uniform", "2",
                    "--map-grid", "0")),
            Map.entry("continue", List.of("--couplings", "W_CSV", "--parameter", "gain", "--from", "0.5", "--to", "1",
                    "--points", "5")),
            Map.entry("transitions", List.of("--couplings", "W_CSV", "--patterns", "W_CSV", "--paths", "2", "--sigmas", "2",
                    "--horizon", "1")),
            Map.entry("bench", List.of("--sizes", "64", "--steps", "10", "--p", "2")));

    /** Options naming files or directories. */
    static final List<String> PATHS = List.of("--out", "--history", "--baseline", "--couplings", "--patterns", "--input",
            "--params", "--mutations", "--false-failures");

    record Case(String command, String option, List<String> args) {
    }

    static List<String> values(CommandLine.Model.OptionSpec o, Path dir) {
        String name = o.longestName();
        if (PATHS.contains(name)) {
            return List.of(dir.resolve("binary.dat").toString(), "/proc/engram-fuzz/x", dir.resolve("new") + "/",
                    "/dev/full", dir.toString(), dir.resolve("no").resolve("such").toString(), "");
        }
        Class<?> type = o.type().isArray() ? o.type().getComponentType() : o.type();
        boolean list = o.type().isArray() || Collection.class.isAssignableFrom(o.type());
        if (Collection.class.isAssignableFrom(o.type())) {
            type = o.auxiliaryTypes()[0];
        }
        List<String> v = new ArrayList<>();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            v.addAll(List.of("abc", "-1", "0", "2147483647", "-2147483648", "99999999999", "1e3"));
        } else if (type == double.class || type == Double.class) {
            v.addAll(List.of("abc", "NaN", "Infinity", "-1", "0", "1e300", "-1e300", "1e-300"));
        } else if (type.isEnum()) {
            v.addAll(List.of("abc", ""));
        } else if (type == boolean.class || type == Boolean.class) {
            v.addAll(List.of("maybe", ""));
        } else {
            v.addAll(List.of("abc", "", "0/0", "9/3", "1/1", "-"));
        }
        if (list) {
            v.addAll(List.of(",", "1,,2", "3,2,1", "1e300,1"));
        }
        return v;
    }

    static List<Case> cases(Path dir) {
        CommandLine root = EngramCli.commandLine();
        List<Case> cases = new ArrayList<>();
        for (var e : root.getSubcommands().entrySet()) {
            String command = e.getKey();
            if (List.of("help", "generate-completion", "merge", "claims").contains(command)) {
                continue; // picocli's own; merge: MergeCommandTest; claims takes flags only
            }
            for (CommandLine.Model.OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (o.arity().max() == 0 || o.usageHelp() || o.versionHelp() || o.longestName().equals("--seed")) {
                    continue;
                }
                for (String value : values(o, dir)) {
                    Map<String, String> args = new LinkedHashMap<>();
                    List<String> base = BASE.getOrDefault(command, List.of());
                    for (int k = 0; k < base.size(); k += 2) {
                        args.put(base.get(k), base.get(k + 1).replace("DIR", dir.toString())
                                .replace("W_CSV", dir.resolve("w.csv").toString()));
                    }
                    for (CommandLine.Model.OptionSpec r : e.getValue().getCommandSpec().options()) {
                        if (r.required() && !args.containsKey(r.longestName())) {
                            args.put(r.longestName(), r.longestName().equals("--activation") ? "sign" : "100");
                        }
                    }
                    args.put(o.longestName(), value);
                    List<String> argv = new ArrayList<>(List.of(command));
                    args.forEach((k, v) -> {
                        argv.add(k);
                        if (!v.equals("<flag>")) {
                            argv.add(v);
                        }
                    });
                    cases.add(new Case(command, o.longestName(), argv));
                }
            }
        }
        return cases;
    }

    @Test
    void everyHostileValueOfEveryOptionEndsCleanlyAndQuickly(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("binary.dat"), new byte[] {0, (byte) 0xff, (byte) 0xfe, 7, 0, 1});
        Files.writeString(dir.resolve("w.csv"), "0,0.5,0.2\n0.5,0,-0.3\n0.2,-0.3,0\n");
        List<Case> cases = cases(dir);
        assertThat(cases).hasSizeGreaterThan(300);
        Path file = dir.resolve("cases.txt");
        List<String> lines = new ArrayList<>();
        for (Case c : cases) {
            lines.add(String.join("\u0001", c.args()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        Path work = Files.createDirectories(dir.resolve("cwd"));
        List<String> failures = new ArrayList<>();
        int next = 0;
        while (next < cases.size()) {
            next = runFrom(next, file, work, cases, failures);
        }
        assertThat(failures).isEmpty();
    }

    /** Runs the cases from {@code first} in a child JVM; returns where to go on (after a case that had to be killed). */
    private static int runFrom(int first, Path file, Path work, List<Case> cases, List<String> failures) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Djava.awt.headless=true", "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), FuzzDriver.class.getName(), file.toString(), Integer.toString(first));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int[] current = {-1};
        long[] started = {System.nanoTime()};
        boolean[] done = {false};
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("done")) {
                        done[0] = true;
                    } else if (line.startsWith("start ")) {
                        synchronized (current) {
                            current[0] = Integer.parseInt(line.substring(6));
                            started[0] = System.nanoTime();
                        }
                    } else if (line.startsWith("end ")) {
                        String[] head = line.split(" ", 5);
                        int i = Integer.parseInt(head[1]), code = Integer.parseInt(head[2]);
                        long millis = Long.parseLong(head[3]);
                        String[] rest = head[4].split("\\|", -1);
                        String shown = String.join(" ", cases.get(i).args());
                        if (code != 0 && code != 1 && code != 2 || rest[2].equals("true") || !rest[3].isEmpty()) {
                            synchronized (failures) {
                                failures.add(shown + " -> exit " + code + ", " + rest[0] + " stderr lines, last: " + rest[1]
                                        + (rest[2].equals("true") ? " (stack trace)" : ""));
                            }
                        } else if (millis > CASE_SECONDS * 1000L) {
                            synchronized (failures) {
                                failures.add(shown + " -> took " + millis / 1000 + " s");
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
        });
        reader.start();
        int killedAt = -1;
        while (!p.waitFor(1, TimeUnit.SECONDS)) {
            synchronized (current) {
                if (current[0] >= 0 && System.nanoTime() - started[0] > CASE_SECONDS * 1_000_000_000L) {
                    killedAt = current[0];
                    p.destroyForcibly().waitFor();
                    break;
                }
            }
        }
        reader.join();
        if (killedAt >= 0) {
            failures.add(String.join(" ", cases.get(killedAt).args()) + " -> still running after " + CASE_SECONDS
                    + " s (killed)");
            return killedAt + 1;
        }
        if (!done[0]) {
            failures.add("the driver ended early (exit " + p.exitValue() + ") after case " + current[0]);
            return current[0] + 1;
        }
        return cases.size();
    }
}
