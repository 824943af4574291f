package engram.cli;

import engram.analysis.PhaseDiagram;
import engram.certify.Certifier;
import engram.memory.FiringRateDesign;
import engram.report.AtomicFiles;
import engram.report.Csv;
import engram.report.HeatMapImage;
import engram.report.JsonFormat;
import engram.theorem.certify.CertifyFamily;
import engram.theorem.firingrate.FiringRateFamily;
import java.io.IOException;
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
 * {@code engram fr-phase}: the stability phase diagram of theory.md section 2 (balanced memories; rho and I* grids;
 * both activations; both signs of gamma). Writes {@code phase.csv} and {@code phase.png}; exits 1 if an analytic
 * condition disagrees with the eigenvalue in a cell it decides.
 */
@Command(name = "fr-phase", description = "Compute the firing-rate stability phase diagram (CSV + PNG).")
final class FrPhaseCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Option(names = "--n", defaultValue = "1000", description = "Neurons (balanced memories need q^2 N and q(1-q) N integers) (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--q", description = "Activity, in (0, 0.5] (default ${DEFAULT-VALUE}).")
    double q = FiringRateDesign.REFERENCE_Q;

    @Option(names = "--grid", description = "Grid points per axis, in [2, 200] (default ${DEFAULT-VALUE}).")
    int grid = PhaseDiagram.GRID;

    @Option(names = "--certify", description = "Also prove each cell by interval arithmetic on its reduced problem "
            + "(docs/theory.md section 8.9): a column proven per cell in the CSV, phase-proofs.png, and the counts.")
    boolean certify;

    /** The JSON output (the keys are the command's contract; the proven* counts only with --certify). */
    record Result(int cells, long sufficientCells, long instabilityCells, long undecidedCells, long undecidedStable,
            long disagreements, double seconds, String csv, String png, Long provenStable, Long provenUnstable,
            Long provenUndecided) {
    }

    @Option(names = "--out", defaultValue = "reports/phase", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Override public Integer call() throws Exception {
        AtomicFiles.checkDirectory(out, "--out");
        AtomicFiles.checkFile(out.resolve("phase.csv"), "--out");
        AtomicFiles.checkFile(out.resolve("phase.png"), "--out");
        if (!(q > 0 && q <= 0.5)) {
            throw new IllegalArgumentException("--q must be in (0, 0.5], got " + q);
        }
        if (grid < 2 || grid > 200) {
            throw new IllegalArgumentException("--grid must be in [2, 200], got " + grid);
        }
        if (n < 4 || n > 100_000) {
            throw new IllegalArgumentException("--n must be in [4, 100000], got " + n);
        }
        long started = System.nanoTime();
        double[] rhos = PhaseDiagram.rhos(grid);
        double[] thresholds = PhaseDiagram.thresholds(grid);
        List<PhaseDiagram.Cell> cells = PhaseDiagram.compute(n, q, rhos, thresholds);
        String[] proofs = certify ? CertifyFamily.proofs(cells, n, q) : null;
        double seconds = (System.nanoTime() - started) / 1e9;
        write(cells, proofs, rhos, thresholds);
        long disagreements = cells.stream().filter(c -> !c.agrees()).count();
        long undecided = cells.stream().filter(c -> !c.decided()).count();
        long undecidedStable = cells.stream().filter(c -> !c.decided() && c.stable()).count();
        Result m = new Result(cells.size(), cells.stream().filter(PhaseDiagram.Cell::sufficient).count(),
                cells.stream().filter(c -> !c.sufficient() && c.instability() > 0).count(), undecided, undecidedStable,
                disagreements, seconds, out.resolve("phase.csv").toString(), out.resolve("phase.png").toString(),
                certify ? count(proofs, Certifier.PROVEN) : null, certify ? count(proofs, Certifier.REFUTED) : null,
                certify ? count(proofs, Certifier.UNDECIDED) : null);
        if (global.json) {
            System.out.println(JsonFormat.compact(m));
        } else {
            System.out.printf(Locale.ROOT, "%d cells in %.2f s: %d decided by the sufficient condition, %d by the "
                    + "instability expression, %d undecided (%d of them stable); %d disagreements; wrote %s and %s%n",
                    cells.size(), seconds, m.sufficientCells(), m.instabilityCells(), undecided, undecidedStable,
                    disagreements, m.csv(), m.png());
            if (certify) {
                System.out.printf(Locale.ROOT, "proofs: %d cells proven stable, %d proven unstable, %d undecided; wrote %s%n",
                        m.provenStable(), m.provenUnstable(), m.provenUndecided(), out.resolve("phase-proofs.png"));
            }
        }
        return disagreements == 0 ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }

    /** phase.csv (with a proven column when certifying), phase.png and, certifying, phase-proofs.png. */
    private void write(List<PhaseDiagram.Cell> cells, String[] proofs, double[] rhos, double[] thresholds)
            throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            PhaseDiagram.Cell c = cells.get(k);
            Object[] row = {c.activation().toString(), c.a(), c.b(), String.format(Locale.ROOT, "%.6f", c.rho()),
                String.format(Locale.ROOT, "%.6f", c.threshold()), String.format(Locale.ROOT, "%.12g", c.maxEigenvalue()),
                c.stable(), c.sufficient(), String.format(Locale.ROOT, "%.12g", c.instability()), c.instability() > 0,
                proofs == null ? "" : proofs[k]};
            rows.add(certify ? row : Arrays.copyOf(row, row.length - 1));
        }
        Files.createDirectories(out);
        List<String> header = new ArrayList<>(List.of("activation", "a", "b", "rho", "threshold", "maxEigenvalue", "stable",
                "sufficientCondition", "instabilityExpression", "instabilityCondition"));
        if (certify) {
            header.add("proven");
            AtomicFiles.checkFile(out.resolve("phase-proofs.png"), "--out");
            AtomicFiles.write(out.resolve("phase-proofs.png"), HeatMapImage.png(CertifyFamily.phaseProofs(cells, proofs,
                    rhos, thresholds)));
        }
        AtomicFiles.write(out.resolve("phase.csv"), Csv.write(header, rows));
        AtomicFiles.write(out.resolve("phase.png"), HeatMapImage.png(FiringRateFamily.phaseFigure(cells, rhos, thresholds, "")));
    }

    private static long count(String[] verdicts, String v) {
        return Arrays.stream(verdicts).filter(v::equals).count();
    }
}
