package engram.cli;

import engram.analysis.MarchenkoPastur;
import engram.analysis.RandomMatrices;
import engram.report.AtomicFiles;
import engram.report.FigureRenderer;
import engram.report.JsonFormat;
import engram.theorem.lagrangian.LagrangianFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram spectrum}: the non-zero eigenvalues of {@code Xi^T Xi / N_v} for a random P x N_v memory matrix Xi
 * (ratio c = P / N_v) against the Marchenko-Pastur law: extremes, edges and a Kolmogorov-Smirnov test.
 */
@Command(name = "spectrum", description = "Wishart spectrum of a random memory matrix against the Marchenko-Pastur law.")
final class SpectrumCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Option(names = "--nv", required = true, description = "Visible units N_v (columns of Xi), in [1, 20000]; the smaller "
            + "of --nv and --nh at most 1000.")
    int nv;

    @Option(names = "--nh", required = true, description = "Memories P (rows of Xi), in [1, 20000].")
    int nh;

    @Option(names = "--entries", defaultValue = "gaussian", description = "gaussian | rademacher (default ${DEFAULT-VALUE}).")
    RandomMatrices.Entries entries;

    @Option(names = "--out", description = "Directory for spectrum.png (histogram against the MP density).")
    Path out;

    /** The JSON output (the keys are the command's contract). */
    record Result(int nv, int nh, double c, String entries, int eigenvalues, double lambdaMin, double lambdaMax,
            double mpLower, double mpUpper, double ksStatistic, double ksPValue, String png) {
    }

    @Override public Integer call() throws Exception {
        if (out != null) {
            AtomicFiles.checkDirectory(out, "--out");
            AtomicFiles.checkFile(out.resolve("spectrum.png"), "--out");
        }
        Ranges.within("--nv", nv, 1, 20_000);
        Ranges.within("--nh", nh, 1, 20_000);
        // the eigenproblem has min(nv, nh) rows: at 1000 x 20000 the Gram matrix and its eigenvalues take about 10 s
        Ranges.within("the smaller of --nv and --nh", Math.min(nv, nh), 1, 1000);
        if ((long) nv * nh * Math.min(nv, nh) > 1_000_000_000L) {
            System.err.printf(Locale.ROOT, "engram spectrum: a %d x %d Gram matrix from %d columns and its eigenvalues%n",
                    Math.min(nv, nh), Math.min(nv, nh), Math.max(nv, nh));
        }
        double c = nh / (double) nv;
        double[] ev = RandomMatrices.wishart(nh, nv, entries, new SplittableRandom(global.seed));
        MarchenkoPastur mp = new MarchenkoPastur(c);
        MarchenkoPastur.KolmogorovSmirnov ks = mp.kolmogorovSmirnov(ev);
        String png = null;
        if (out != null) {
            Files.createDirectories(out);
            Path p = out.resolve("spectrum.png");
            AtomicFiles.write(p, FigureRenderer.render(LagrangianFamily.histogram(ev, mp, "spectrum.png", "")).png());
            png = p.toString();
        }
        Result r = new Result(nv, nh, c, entries.toString(), ev.length, ev[0], ev[ev.length - 1], mp.getSupportLowerBound(),
                mp.getSupportUpperBound(), ks.statistic(), ks.pValue(), png);
        if (global.json) {
            System.out.println(JsonFormat.compact(r));
        } else {
            System.out.printf(Locale.ROOT, "c = %.4g: %d non-zero eigenvalues in [%.4g, %.4g], Marchenko-Pastur bulk [%.4g, %.4g]; "
                    + "KS D = %.3g, p = %.3g%s%n", c, ev.length, r.lambdaMin(), r.lambdaMax(), r.mpLower(), r.mpUpper(),
                    r.ksStatistic(), r.ksPValue(), png == null ? "" : "; wrote " + png);
        }
        return EngramCli.OK;
    }
}
