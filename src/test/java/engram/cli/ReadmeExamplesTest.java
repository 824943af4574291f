package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engram.activation.Logistic;
import engram.claim.Depth;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyDoubleArray;
import picocli.CommandLine;

/**
 * The README's own examples work. Every {@code java -jar target/engram.jar ...} line of its bash blocks (continuation
 * lines joined, comments dropped) must parse; each one is then run in a fresh working directory holding what the
 * README's setup lines make (W.npy, Xi.npy and W.csv as its Python line makes them, Wr.npy and Xr.npy as the Basins
 * section's does, run.properties, the committed
 * baseline), and must exit 0. Examples that take more than a few seconds (a full report, the IDP sweep, multi-size
 * capacity, the benchmark, the false-failure measurement) run at deep depth ({@code mvn verify -Pdeep}); the quick
 * build parses them only.
 */
class ReadmeExamplesTest {

    /** Examples that run only at deep depth: each takes tens of seconds or more. */
    static boolean slow(List<String> args) {
        String command = args.get(0);
        return command.equals("report") && !args.contains("--claim") || command.equals("idp-retrieval")
                || command.equals("bench") || command.equals("false-failures")
                || command.equals("capacity") && (args.get(args.indexOf("--n") + 1).contains(",")
                        || Integer.parseInt(args.get(args.indexOf("--n") + 1)) >= 2000);
    }

    /** What an example needs that the build does not make (PIT's reports). */
    static boolean needsMutationRun(List<String> args) {
        return args.contains("--mutations");
    }

    static List<List<String>> examples() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<List<String>> out = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            String joined = block.group(1).replaceAll("\\\\\\n\\s*", " ");
            for (String line : joined.split("\\n")) {
                String l = line.strip();
                int at = l.indexOf("java -jar target/engram.jar ");
                if (at < 0 || l.contains("$") || l.contains(">")) {
                    continue; // not an example, or one that writes through the shell (completion) or uses variables
                }
                l = l.substring(at + "java -jar target/engram.jar ".length());
                int comment = l.indexOf(" #");
                if (comment >= 0) {
                    l = l.substring(0, comment);
                }
                out.add(List.of(l.strip().split("\\s+")));
            }
        }
        return out;
    }

    @Test
    void everyReadmeExampleParses() throws Exception {
        List<List<String>> examples = examples();
        assertThat(examples).hasSizeGreaterThan(20);
        for (List<String> args : examples) {
            String[] argv = args.toArray(String[]::new);
            CommandLine cl = EngramCli.commandLine(args.contains("--params") ? new String[0] : argv);
            assertThat(cl.getSubcommands()).as(String.join(" ", args)).containsKey(args.get(0));
            try {
                cl.parseArgs(argv);
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("README example does not parse: " + String.join(" ", args) + ": " + e.getMessage());
            }
        }
    }

    @Test
    void everyReadmeExampleRuns(@TempDir Path dir) throws Exception {
        boolean deep = "deep".equals(System.getProperty("engram.depth")) || Depth.DEEP.name().equalsIgnoreCase(
                System.getProperty("engram.depth", ""));
        Path work = Files.createDirectories(dir.resolve("cwd"));
        fixtures(work);
        List<List<String>> run = new ArrayList<>();
        for (List<String> args : examples()) {
            if (!needsMutationRun(args) && (deep || !slow(args))) {
                run.add(args);
            }
        }
        Path file = dir.resolve("examples.txt");
        List<String> lines = new ArrayList<>();
        run.forEach(a -> lines.add(String.join("\u0001", a)));
        Files.write(file, lines, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Djava.awt.headless=true", "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), FuzzDriver.class.getName(), file.toString(), "0")
                .directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.MINUTES)).isTrue();
        List<String> failures = new ArrayList<>();
        for (String line : out.split("\\n")) {
            if (line.startsWith("end ")) {
                String[] head = line.split(" ", 5);
                int i = Integer.parseInt(head[1]), code = Integer.parseInt(head[2]);
                if (code != 0) {
                    failures.add(String.join(" ", run.get(i)) + " -> exit " + code + ": " + head[4]);
                }
            }
        }
        assertThat(out).contains("done");
        assertThat(failures).isEmpty();
    }

    /** What the README's setup lines make: the Python line's W, Xi and W.csv, a parameter file, the baseline. */
    static void fixtures(Path work) throws Exception {
        int n = 200, p = 3;
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = new double[n * p];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextBoolean() ? 1 : -1;
        }
        double[] w = new double[n * n];
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int mu = 0; mu < p && i != j; mu++) {
                    s += x[i * p + mu] * x[j * p + mu];
                }
                w[i * n + j] = s / n;
                csv.append(j == 0 ? "" : ",").append(w[i * n + j]);
            }
            csv.append('\n');
        }
        Npy.write(work.resolve("W.npy").toFile(), NpyDoubleArray.rowOrderOf(w, n, n));
        Npy.write(work.resolve("Xi.npy").toFile(), NpyDoubleArray.rowOrderOf(x, n, p));
        Files.writeString(work.resolve("W.csv"), csv);
        // H.npy: columns 1 to 4 of the 64 x 64 Sylvester-Hadamard matrix (the Proofs section's IDP table)
        double[] h = new double[64 * 4];
        for (int i = 0; i < 64; i++) {
            for (int c = 1; c <= 4; c++) {
                h[i * 4 + c - 1] = Integer.bitCount(i & c) % 2 == 0 ? 1 : -1;
            }
        }
        Npy.write(work.resolve("H.npy").toFile(), NpyDoubleArray.rowOrderOf(h, 64, 4));
        // u.npy: the input 0.3 xi_1 along H's first column (the Continuation section's fold)
        double[] u = new double[64];
        for (int i = 0; i < 64; i++) {
            u[i] = 0.3 * h[i * 4];
        }
        Npy.write(work.resolve("u.npy").toFile(), NpyDoubleArray.rowOrderOf(u, 64, 1));
        // P.npy: two orthogonal memories of squared norm 1.35 in R^2 (the Transitions section's modern network)
        double a = Math.sqrt(1.35 / 2);
        Npy.write(work.resolve("P.npy").toFile(), NpyDoubleArray.rowOrderOf(new double[] {a, a, a, -a}, 2, 2));
        // Wr.npy, Xr.npy: theory.md's reference firing-rate design on balanced memories (the Basins section's rate example)
        PatternSet xr = Patterns.commonCore(100, 0.2);
        FiringRateDesign design = FiringRateDesign.independent(xr, new Logistic(4.8, 0.2), -0.3, 0.95, 0.2);
        Npy.write(work.resolve("Wr.npy").toFile(), NpyDoubleArray.rowOrderOf(design.couplings().toDense(), 100, 100));
        double[] xd = new double[100 * xr.p()];
        for (int i = 0; i < 100; i++) {
            for (int mu = 0; mu < xr.p(); mu++) {
                xd[i * xr.p() + mu] = xr.get(i, mu);
            }
        }
        Npy.write(work.resolve("Xr.npy").toFile(), NpyDoubleArray.rowOrderOf(xd, 100, xr.p()));
        Files.writeString(work.resolve("run.properties"), "n = 200\np = 3\nt = 5\n");
        Files.createDirectories(work.resolve("reports"));
        Files.copy(Path.of("reports", "baseline.json"), work.resolve("reports").resolve("baseline.json"));
    }
}
