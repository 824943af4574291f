package engram.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs command lines in this JVM, one after another, for {@link OptionFuzzTest}: each line of the cases file is one
 * command line (arguments separated by U+0001); the second argument is the first case to run. Before a case it prints {@code start i}, after it
 * {@code end i code millis errLines|firstErrorLine|stackTrace} on stdout, so that the parent, which kills this process
 * when a case runs too long, knows which one hung.
 */
public final class FuzzDriver {

    private FuzzDriver() {
    }

    public static void main(String[] args) throws Exception {
        List<String> cases = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PrintStream oldOut = System.out, oldErr = System.err;
        for (int i = Integer.parseInt(args[1]); i < cases.size(); i++) {
            String[] argv = cases.get(i).split("\u0001", -1);
            report.println("start " + i);
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            int code;
            try {
                code = EngramCli.run(argv);
            } catch (Throwable t) {
                code = 99;
                t.printStackTrace(System.err);
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            String e = err.toString(StandardCharsets.UTF_8);
            List<String> lines = e.strip().lines().toList();
            boolean stack = e.contains("\tat ") || e.contains("Exception in thread");
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).replace('|', '/');
            report.println("end " + i + " " + code + " " + (System.nanoTime() - t0) / 1_000_000 + " " + lines.size() + "|"
                    + last + "|" + stack + "|" + (code == 2 && !last.startsWith("engram: error: ") ? "bad-form" : ""));
        }
        report.println("done");
    }
}
