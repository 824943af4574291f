package engram.cli;

import engram.analysis.MemoryLearning;
import engram.report.AtomicFiles;
import engram.report.Csv;
import engram.report.FigureRenderer;
import engram.report.JsonFormat;
import engram.theorem.lagrangian.LagrangianFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram memory-dynamics}: Figure 1 of Lotito 2025 (theory.md section 4): the cosine of every memory with its
 * target under the softmax memory dynamics, simulated and against the authors' theory s(t).
 */
@Command(name = "memory-dynamics", description = "Memory dynamics that learn: Figure 1 of Lotito 2025, simulated and theory.")
final class MemoryDynamicsCommand implements Callable<Integer> {

    private static final MemoryLearning.Settings F = MemoryLearning.Settings.FIGURE_1;

    @Mixin GlobalOptions global;

    @Option(names = "--nv", description = "Visible units N_v (default ${DEFAULT-VALUE}).")
    int nv = F.nv();

    @Option(names = "--nh", description = "Memories N_h, in [1, N_v] (default ${DEFAULT-VALUE}).")
    int nh = F.nh();

    @Option(names = "--tau", description = "tau_Xi, > 1 (default ${DEFAULT-VALUE}).")
    double tau = F.tau();

    @Option(names = "--beta", description = "Softmax inverse temperature, >= 0 (default ${DEFAULT-VALUE}).")
    double beta = F.beta();

    @Option(names = "--sigma", description = "Noise on the targets, >= 0 (default ${DEFAULT-VALUE}).")
    double sigma = F.sigma();

    @Option(names = "--steps", description = "Presentations (default ${DEFAULT-VALUE}).")
    int steps = F.steps();

    @Option(names = "--every", defaultValue = "10", description = "Sample the curves every K steps (default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--ode", description = "Integrate the continuous dynamics with the DP853 oracle instead of the authors' update.")
    boolean ode;

    @Option(names = "--out", description = "Directory for figure1.png and figure1.csv.")
    Path out;

    /** Sampled curves: one row per memory. */
    record Curves(double[] t, double[][] simulated, double[][] theory) {
    }

    /** The JSON output (the keys are the command's contract). */
    record Result(int nv, int nh, double tau, double beta, double sigma, int steps, String dynamics, double tauMu,
            double[] initialCosine, double[] finalCosine, double maxDeviation, double hebbianGap, Curves curves,
            String png, String csv) {
    }

    @Override public Integer call() throws Exception {
        if (out != null) {
            AtomicFiles.checkDirectory(out, "--out");
            AtomicFiles.checkFile(out.resolve("figure1.png"), "--out");
            AtomicFiles.checkFile(out.resolve("figure1.csv"), "--out");
        }
        Ranges.within("--nv", nv, 1, 100_000);
        Ranges.within("--nh", nh, 1, Math.min(nv, 1000));
        Ranges.above("--tau", tau, 1, 1e9);
        Ranges.within("--beta", beta, 0, 1e4);
        Ranges.within("--sigma", sigma, 0, 1e3);
        Ranges.within("--steps", steps, 1, 10_000_000);
        Ranges.within("--every", every, 1, steps);
        // each step costs about N_v N_h multiply-adds three times (more with --ode, which integrates each unit of time)
        Ranges.within("--steps x --nv x --nh", (long) steps * nv * nh, 1, ode ? 100_000_000L : 5_000_000_000L);
        MemoryLearning.Settings s = new MemoryLearning.Settings(nv, nh, tau, beta, sigma, steps);
        Progress progress = new Progress("memory-dynamics");
        MemoryLearning.Run r = MemoryLearning.run(s, global.seed, ode, null, every,
                done -> progress.at((double) done / steps, done + " of " + steps + " steps"));
        if (!Double.isFinite(r.maxDeviation()) || Arrays.stream(r.finalCosine()).anyMatch(c -> !Double.isFinite(c))) {
            throw new IllegalArgumentException("the run produced non-finite cosines at --tau " + tau + ", --beta " + beta
                    + ", --sigma " + sigma + " (nothing was written)");
        }
        String png = null, csv = null;
        if (out != null) {
            Files.createDirectories(out);
            Path p = out.resolve("figure1.png"), c = out.resolve("figure1.csv");
            AtomicFiles.write(p, FigureRenderer.render(LagrangianFamily.figure1(s, r, ode, "figure1.png")).png());
            List<String> header = new ArrayList<>(List.of("t"));
            for (int mu = 0; mu < nh; mu++) {
                header.add("cos" + (mu + 1));
                header.add("theory" + (mu + 1));
            }
            List<double[]> rows = new ArrayList<>();
            for (int k = 0; k < r.times().length; k++) {
                double[] row = new double[1 + 2 * nh];
                row[0] = r.times()[k];
                for (int mu = 0; mu < nh; mu++) {
                    row[1 + 2 * mu] = r.cosine()[mu][k];
                    row[2 + 2 * mu] = r.theory()[mu][k];
                }
                rows.add(row);
            }
            AtomicFiles.write(c, Csv.write(header, rows));
            png = p.toString();
            csv = c.toString();
        }
        Result res = new Result(nv, nh, tau, beta, sigma, steps, ode ? "ode" : "discrete", s.tauMu(), r.initialCosine(),
                r.finalCosine(), r.maxDeviation(), r.hebbianError(), new Curves(r.times(), r.cosine(), r.theory()), png, csv);
        if (global.json) {
            System.out.println(JsonFormat.compact(res));
        } else {
            System.out.printf(Locale.ROOT, "%d memories, %d steps (%s): largest |cos - s(t)| %.3g; final cosines %s%s%n", nh,
                    steps, res.dynamics(), r.maxDeviation(), Arrays.toString(r.finalCosine()),
                    png == null ? "" : "; wrote " + png + " and " + csv);
        }
        return EngramCli.OK;
    }
}
