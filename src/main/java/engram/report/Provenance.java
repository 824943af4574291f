package engram.report;

import engram.Engram;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where and how a report was made: git commit and whether the tree was dirty, date, Engram version, JVM, OS, seed,
 * depth, shard, and wall time in all and per claim. Everything in a report that may differ between two runs with the
 * same seed lives here, so the rest of report.json is byte-identical across such runs.
 */
public record Provenance(String commit, boolean dirty, String date, String engram, String jvm, String os, long seed,
        String depth, String shard, long wallMillis, Map<String, Long> claimMillis) {

    public Provenance {
        claimMillis = claimMillis == null ? Map.of() : new LinkedHashMap<>(claimMillis);
    }

    public static Provenance collect(long seed, String depth, String shard, long wallMillis, Map<String, Long> claimMillis) {
        String commit = git("rev-parse", "HEAD");
        String status = git("status", "--porcelain", "--untracked-files=no");
        return new Provenance(commit == null ? "unknown" : commit, status != null && !status.isBlank(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Engram.VERSION,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                seed, depth, shard, wallMillis, claimMillis);
    }

    /** Output of a git command in the working directory, or null when git or the repository is unavailable. */
    static String git(String... args) {
        try {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "git";
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out = r.lines().reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out.trim();
        } catch (Exception e) {
            return null;
        }
    }
}
