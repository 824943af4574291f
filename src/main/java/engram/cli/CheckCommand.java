package engram.cli;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.check.ArrayFile;
import engram.check.CheckReport;
import engram.check.GivenNetwork;
import engram.check.NetworkCheck;
import engram.claim.ClaimResult;
import engram.report.Baseline;
import engram.report.BaselineDiff;
import engram.report.JsonFormat;
import engram.report.Report;
import engram.report.ReportRun;
import engram.report.ReportWriter;
import engram.theorem.Theorems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram check}: the catalogue's theorems on the user's own network (W, and optionally patterns and an input,
 * from .npy or CSV): which claims apply (and which hypothesis fails for the others), their verdicts on oracle
 * trajectories, and the equilibrium of each given pattern. Exit 0 when every applicable claim holds, 1 when one fails.
 */
@Command(name = "check", description = "Check the theorems that apply to your own network (W from .npy or CSV).",
        sortOptions = false)
final class CheckCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Option(names = "--couplings", required = true, paramLabel = "W.npy|W.csv", description = "The coupling matrix W, n x n.")
    Path couplings;

    @Option(names = "--patterns", paramLabel = "Xi.npy|Xi.csv", description = "Patterns, n x P (column mu is pattern mu).")
    Path patterns;

    @Option(names = "--input", paramLabel = "u.npy|u.csv", description = "Constant input u, n entries (default 0).")
    Path input;

    @Option(names = "--model", defaultValue = "voltage", description = "voltage (tau x' = -x + W psi(x) + u) | rate "
            + "(tau r' = -r + Phi(W r + u)) (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--activation", defaultValue = "tanh", description = "tanh | logistic | rectified-tanh | relu | "
            + "algebraic | sinh | hard-tanh (default ${DEFAULT-VALUE}).")
    ActivationKind activation;

    @Option(names = "--gain", defaultValue = "1", description = "Gain (slope rho for the sigmoids), > 0 (default ${DEFAULT-VALUE}).")
    double gain;

    @Option(names = "--threshold", defaultValue = "0", description = "Threshold I* of the sigmoids (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--tau", defaultValue = "1", description = "Time constant, > 0 (default ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the HTML report (as report does) into DIR.")
    Path out;

    @Override public Integer call() throws Exception {
        GivenNetwork.Model kind = switch (model.trim().toLowerCase(Locale.ROOT)) {
            case "voltage" -> GivenNetwork.Model.VOLTAGE;
            case "rate" -> GivenNetwork.Model.RATE;
            default -> throw new IllegalArgumentException("--model must be voltage or rate, got '" + model + "'");
        };
        Ranges.within("--gain", gain, 1e-6, 1e6);
        Ranges.within("--tau", tau, 1e-6, 1e6);
        Ranges.within("--threshold", threshold, -1e6, 1e6);
        if (activation == ActivationKind.SIGN) {
            throw new IllegalArgumentException("--activation sign has no continuous-time model; use tanh with a large gain");
        }
        if (out != null) {
            ReportWriter.checkDestination(out, "--out");
        }
        GivenNetwork g = readNetwork(kind);
        long start = System.nanoTime();
        CheckReport r = NetworkCheck.run(g, global.seed, line -> System.err.println("[check] " + line));
        if (out != null) {
            writeReport(r, (System.nanoTime() - start) / 1_000_000);
        }
        if (global.json) {
            System.out.println(JsonFormat.compact(r));
        } else {
            System.out.print(r.summary());
            if (out != null) {
                System.out.println("Report written to " + out.resolve("index.html"));
            }
        }
        return r.allHold() ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }

    /** W, the patterns and the input from their files, their shapes checked against each other. */
    private GivenNetwork readNetwork(GivenNetwork.Model kind) throws IOException {
        ArrayFile w = ArrayFile.read(couplings, "--couplings");
        if (w.rows() != w.cols()) {
            throw new IllegalArgumentException("--couplings: " + couplings + " is " + w.rows() + " x " + w.cols()
                    + ", W must be square");
        }
        int n = w.rows();
        double[] xi = null;
        int p = 0;
        if (patterns != null) {
            ArrayFile a = ArrayFile.read(patterns, "--patterns");
            if (a.rows() != n) {
                throw new IllegalArgumentException("--patterns: " + patterns + " is " + a.rows() + " x " + a.cols()
                        + ", expected " + n + " rows (n x P, one column per pattern) to match W");
            }
            xi = a.data();
            p = a.cols();
        }
        double[] u = null;
        if (input != null) {
            u = ArrayFile.read(input, "--input").vector("--input", input);
            if (u.length != n) {
                throw new IllegalArgumentException("--input: " + input + " has " + u.length + " entries, W is " + n + " x " + n);
            }
        }
        Activation psi = activation.of(gain, threshold);
        return new GivenNetwork(kind, n, w.data(), p, xi, u, psi, tau);
    }

    /** The applicable claims' verdicts as a report in --out, the same HTML as engram report's. */
    private void writeReport(CheckReport r, long millis) throws IOException {
        List<ClaimResult> results = new ArrayList<>();
        for (CheckReport.ClaimCheck c : r.claims()) {
            if (c.applicable()) {
                results.add(new ClaimResult(c.id(), ClaimResult.Verdict.valueOf(c.verdict()), c.worstMargin(),
                        Double.NaN, 1, 0, global.seed, "the given network (" + couplings.getFileName() + ")", c.detail(),
                        0, "", "not run: engram check runs no negative controls on a given network", millis));
            }
        }
        Report report = ReportRun.withProvenance(results, global.seed, "check", "all", millis);
        ReportRun.publish(out, report, List.of(), Baseline.none("engram check of a given network"), null,
                Theorems.all(), BaselineDiff.Slowdowns.INFORM);
    }
}
