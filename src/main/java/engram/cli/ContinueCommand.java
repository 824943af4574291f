package engram.cli;

import engram.landscape.Continuation;
import engram.landscape.ContinuationPredictions;
import engram.memory.PatternSet;
import engram.report.AtomicFiles;
import engram.report.FigureRenderer;
import engram.report.JsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram continue}: pseudo-arclength continuation of one equilibrium branch of a user's network in one
 * parameter, folds and branch points located, branch switching at simple branch points, and the closed forms where
 * the hypotheses hold (docs/theory.md section 9.4).
 */
@Command(name = "continue", description = "Follow an equilibrium of your network as one parameter moves; find where it "
        + "folds, branches or changes stability.", sortOptions = false)
final class ContinueCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Mixin NetworkOptions network;

    @Option(names = "--parameter", required = true, description = "gain | threshold | alpha1 ... alphaP (voltage and "
            + "idp models; alphaK with --model idp) | rho | threshold (rate model).")
    String parameter;

    @Option(names = "--from", required = true, description = "The parameter's first value (the start is corrected there).")
    double from;

    @Option(names = "--to", required = true, description = "The value the branch heads for.")
    double to;

    @Option(names = "--start", defaultValue = "", description = "The start state: signed pattern numbers summed (1, -2, "
            + "1,2,3) or 0 for the origin (default: pattern 1 where --patterns is given, else the origin).")
    String start;

    @Option(names = "--step", description = "The largest arclength step (default |to - from| / 100).")
    Double step;

    @Option(names = "--points", defaultValue = "200", description = "The most points per branch, in [2, 1000000] "
            + "(default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--no-switch", description = "Do not follow the branches through simple branch points.")
    boolean noSwitch;

    @Option(names = "--out", paramLabel = "DIR", description = "Write bifurcation.png (the bifurcation diagram) there.")
    Path out;

    /** One point of a branch. */
    record PointOut(double parameter, double amplitude, boolean stable) {
    }

    /** One branch (keys are the contract: points). */
    record BranchOut(int index, String origin, String end, List<PointOut> points) {
    }

    /** One bifurcation (keys are the contract: kind, parameter, value, predicted). */
    record BifurcationOut(String kind, String parameter, double value, Double predicted, Boolean agrees, double amplitude,
            int branch, boolean simple, boolean stability) {
    }

    /** The command's JSON. */
    record Result(int n, String model, String parameter, double from, double to, List<BranchOut> branches,
            List<BifurcationOut> bifurcations, int corrections, double seconds, String figure) {
    }

    @Override public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Ranges.within("--from", from, -1e6, 1e6);
        Ranges.within("--to", to, -1e6, 1e6);
        if (step != null) {
            Ranges.within("--step", step, 1e-12, 1e6);
        }
        if (out != null) {
            AtomicFiles.checkDirectory(out, "--out");
        }
        NetworkOptions.Family f = network.family(parameter);
        PatternSet xi = f.patterns();
        int[] cue = ContinuationPredictions.parseStart(start, xi == null ? 0 : xi.p());
        Continuation.Settings settings = new Continuation.Settings(from, to, step == null ? Math.abs(to - from) / 100 : step,
                points, !noSwitch, global.seed, Continuation.Corrector.ARCLENGTH);
        Continuation.Result r = ContinuationPredictions.fromCue(f.family(), xi, cue, settings);
        ContinuationPredictions predictions = ContinuationPredictions.of(f.name(), parameter.trim(), xi, f.alphas(),
                f.input(), network.activation.of(network.gain, network.threshold), cue);
        List<BifurcationOut> bifurcations = new ArrayList<>();
        boolean agree = true;
        for (Continuation.Bifurcation b : r.bifurcations()) {
            Double p = predictions.predicted(b);
            Boolean ok = p == null ? null : Math.abs(b.value() - p) <= ContinuationPredictions.AGREEMENT * Math.max(1, Math.abs(p));
            agree &= ok == null || ok;
            bifurcations.add(new BifurcationOut(b.kind(), parameter.trim(), b.value(), p, ok, b.amplitude(), b.branch(),
                    b.simple(), b.stability()));
        }
        String figure = null;
        if (out != null) {
            Files.createDirectories(out);
            Path file = out.resolve("bifurcation.png");
            AtomicFiles.write(file, FigureRenderer.render(Continuation.figure(r, parameter.trim(), "")).png());
            figure = file.toString();
        }
        List<BranchOut> branches = new ArrayList<>();
        for (Continuation.Branch b : r.branches()) {
            branches.add(new BranchOut(b.index(), b.origin(), b.end(), b.points().stream().map(p -> new PointOut(
                    p.parameter(), p.amplitude(), p.stable())).toList()));
        }
        Result res = new Result(f.family().dimension(), f.name(), parameter.trim(), from, to, branches, bifurcations,
                r.corrections(), (System.nanoTime() - t0) / 1e9, figure);
        print(res);
        return agree ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }

    private void print(Result res) {
        if (global.json) {
            System.out.println(JsonFormat.compact(res));
            return;
        }
        for (BranchOut b : res.branches()) {
            System.out.printf(Locale.ROOT, "branch %d (%s): %d points, ended: %s%n", b.index(), b.origin(),
                    b.points().size(), b.end());
        }
        for (BifurcationOut b : res.bifurcations()) {
            System.out.printf(Locale.ROOT, "%s at %s = %.12g (branch %d, amplitude %.6g)%s%n", b.kind(), b.parameter(),
                    b.value(), b.branch(), b.amplitude(), b.predicted() == null ? "" : String.format(Locale.ROOT,
                    "; closed form %.12g, %s", b.predicted(), b.agrees() ? "agrees" : "DISAGREES"));
        }
        if (res.figure() != null) {
            System.out.println("wrote " + res.figure());
        }
    }
}
