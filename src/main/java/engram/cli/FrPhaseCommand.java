package engram.cli;

import engram.analysis.PhaseDiagram;
import engram.report.AtomicFiles;
import engram.report.Json;
import engram.report.PhaseDiagramImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--q", defaultValue = "0.2", description = "Activity, in (0, 0.5] (default ${DEFAULT-VALUE}).")
    double q;

    @Option(names = "--grid", defaultValue = "30", description = "Grid points per axis, in [2, 200] (default ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--out", defaultValue = "reports/phase", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Override public Integer call() throws Exception {
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
        double[] rhos = PhaseDiagram.linspace(0.2, 5, grid);
        double[] thresholds = PhaseDiagram.linspace(0, 0.9, grid);
        List<PhaseDiagram.Cell> cells = PhaseDiagram.compute(n, q, rhos, thresholds);
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder csv = new StringBuilder(
                "activation,a,b,rho,threshold,maxEigenvalue,stable,sufficientCondition,instabilityExpression,instabilityCondition\n");
        for (PhaseDiagram.Cell c : cells) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%.12g,%b,%b,%.12g,%b%n", c.activation(), c.a(),
                    c.b(), c.rho(), c.threshold(), c.maxEigenvalue(), c.stable(), c.sufficient(), c.instability(),
                    c.instability() > 0));
        }
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("phase.csv"), csv.toString());
        AtomicFiles.write(out.resolve("phase.png"), PhaseDiagramImage.png(cells, rhos, thresholds));
        long disagreements = cells.stream().filter(c -> !c.agrees()).count();
        long undecided = cells.stream().filter(c -> !c.decided()).count();
        long undecidedStable = cells.stream().filter(c -> !c.decided() && c.stable()).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cells", cells.size());
        m.put("sufficientCells", cells.stream().filter(PhaseDiagram.Cell::sufficient).count());
        m.put("instabilityCells", cells.stream().filter(c -> !c.sufficient() && c.instability() > 0).count());
        m.put("undecidedCells", undecided);
        m.put("undecidedStable", undecidedStable);
        m.put("disagreements", disagreements);
        m.put("seconds", seconds);
        m.put("csv", out.resolve("phase.csv").toString());
        m.put("png", out.resolve("phase.png").toString());
        if (global.json) {
            System.out.println(Json.compact(m));
        } else {
            System.out.printf(Locale.ROOT, "%d cells in %.2f s: %d decided by the sufficient condition, %d by the "
                    + "instability expression, %d undecided (%d of them stable); %d disagreements; wrote %s and %s%n",
                    cells.size(), seconds, m.get("sufficientCells"), m.get("instabilityCells"), undecided, undecidedStable,
                    disagreements, m.get("csv"), m.get("png"));
        }
        return disagreements == 0 ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }
}
