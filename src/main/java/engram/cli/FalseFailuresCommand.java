package engram.cli;

import engram.claim.Claim;
import engram.claim.Depth;
import engram.report.AtomicFiles;
import engram.report.FalseFailures;
import engram.report.JsonFormat;
import engram.theorem.Theorems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code engram false-failures}: measure the false-failure rate of every statistical claim (those whose catalogue entry
 * states one) over many seeds on the code as it is, and write {@code reports/false-failures.json}, which the report
 * shows beside the stated rates. Exit 1 when a measured rate is inconsistent with the stated one.
 */
@Command(name = "false-failures", description = "Measure the statistical claims' false-failure rates over many seeds.")
final class FalseFailuresCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--seeds", defaultValue = "200", description = "Seeds per claim, from --seed on (1 to 100000; "
            + "default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--threads", description = "Worker threads (1 to 256; default: the available processors).")
    Integer threads;

    @Option(names = "--claim", description = "Only this claim id (repeatable).")
    List<String> only;

    @Option(names = "--depth", defaultValue = "quick", description = "quick | deep: the cases per run of a report at "
            + "that depth (default ${DEFAULT-VALUE}).")
    String depth;

    @Option(names = "--out", description = "Where to write the measurement (default reports/false-failures.json, "
            + "reports/false-failures-deep.json at --depth deep).")
    Path out;

    @Override public Integer call() throws Exception {
        if (seeds < 1 || seeds > 100_000) {
            throw new IllegalArgumentException("--seeds must be in [1, 100000], got " + seeds);
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 256) {
            throw new IllegalArgumentException("--threads must be in [1, 256], got " + t);
        }
        Depth d = Depth.parse(depth);
        Path file = out != null ? FileOptions.file(commandSpec, "--out", out) : FalseFailures.defaultFile(d);
        List<Claim<?>> claims = new ArrayList<>();
        if (only == null || only.isEmpty()) {
            claims.addAll(Theorems.all());
        } else {
            for (String id : new LinkedHashSet<>(only)) {
                Claim<?> c = Theorems.byId(id);
                if (!c.entry().statistical()) {
                    throw new IllegalArgumentException("--claim " + id + " states no false-failure rate (not statistical)");
                }
                claims.add(c);
            }
        }
        AtomicFiles.checkFile(file, "--out");
        FalseFailures f = FalseFailures.measure(claims, global.seed, seeds, t, d, System.err::println);
        AtomicFiles.write(file, JsonFormat.pretty(f) + "\n");
        if (global.json) {
            System.out.println(JsonFormat.compact(f));
        } else {
            System.out.println(f.claims().size() + " statistical claims measured over " + seeds + " seeds: "
                    + (f.allConsistent() ? "every measured rate is consistent with its stated rate"
                            : "INCONSISTENT rates") + "; family-wise " + f.familyWise().failures() + " of " + seeds
                    + " runs fail (stated " + String.format(Locale.ROOT, "%.3g", f.familyWise().stated())
                    + "); written to " + file);
        }
        return f.allConsistent() ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }
}
