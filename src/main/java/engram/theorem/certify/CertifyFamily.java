package engram.theorem.certify;

import engram.analysis.PhaseDiagram;
import engram.analysis.RowGroups;
import engram.certify.Certifier;
import engram.certify.RateDesignProof;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.figure.Figure;
import engram.figure.HeatMap;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Proofs against samples: interval-arithmetic verdicts held against the sampled ones (theory.md section 8). */
public final class CertifyFamily implements ClaimFamily {

    @Override public String name() { return "certify"; }

    @Override public String title() { return "Proofs by interval arithmetic, held against sampled verdicts"; }

    @Override public List<Figure> figures(long seed) {
        return List.of(phaseProofs());
    }

    /**
     * theory.md's phase diagram (N = 1000, q = 0.2, 30 x 30 grid, four panels) proven cell by cell on the reduced
     * problem: blue proven stable, red proven unstable, white undecided; dashed: the cells no analytic condition decides.
     */
    static Figure phaseProofs() {
        double[] rhos = PhaseDiagram.rhos(PhaseDiagram.GRID), thresholds = PhaseDiagram.thresholds(PhaseDiagram.GRID);
        List<PhaseDiagram.Cell> cells = PhaseDiagram.compute(CertifyPhaseDiagramClaim.N, FiringRateDesign.REFERENCE_Q, rhos,
                thresholds);
        return phaseProofs(cells, proofs(cells, CertifyPhaseDiagramClaim.N, FiringRateDesign.REFERENCE_Q), rhos,
                thresholds);
    }

    /** Each cell's proven verdict (theory.md section 8.9), balanced memories of n units at activity q, in parallel. */
    public static String[] proofs(List<PhaseDiagram.Cell> cells, int n, double q) {
        PatternSet xi = Patterns.commonCore(n, q);
        RowGroups groups = RowGroups.of(xi);
        return cells.parallelStream().map(c -> RateDesignProof.cell(FiringRateDesign.independent(xi, c.activation().of(
                c.rho(), c.threshold()), c.a(), c.b(), q), groups).verdict()).toArray(String[]::new);
    }

    /** The proven verdicts as four heat maps, the cells no analytic condition decides outlined (dashed). */
    public static HeatMap phaseProofs(List<PhaseDiagram.Cell> cells, String[] verdicts, double[] rhos,
            double[] thresholds) {
        long[] open = new long[3], all = new long[3];
        List<HeatMap.Panel> panels = new ArrayList<>();
        for (double[] ab : PhaseDiagram.FIELDS) {
            for (var act : PhaseDiagram.ACTIVATIONS) {
                double[][] z = new double[rhos.length][thresholds.length];
                boolean[][] analyticOpen = new boolean[rhos.length][thresholds.length];
                for (int k = 0; k < cells.size(); k++) {
                    PhaseDiagram.Cell c = cells.get(k);
                    if (c.activation() == act && c.a() == ab[0]) {
                        int i = Arrays.binarySearch(rhos, c.rho()), j = Arrays.binarySearch(thresholds, c.threshold());
                        int v = Certifier.PROVEN.equals(verdicts[k]) ? 0 : Certifier.REFUTED.equals(verdicts[k]) ? 1 : 2;
                        z[i][j] = v == 0 ? -1 : v == 1 ? 1 : 0;
                        analyticOpen[i][j] = !c.decided();
                        all[v]++;
                        open[v] += c.decided() ? 0 : 1;
                    }
                }
                panels.add(new HeatMap.Panel(String.format(Locale.ROOT, "%s, a=%.1f b=%.2f", act, ab[0], ab[1]),
                        "threshold I*", "rho", thresholds, rhos, z, List.of(new HeatMap.Region(
                        "no analytic condition decides", analyticOpen, HeatMap.Edge.DASHED_BLACK))));
            }
        }
        return new HeatMap("phase-proofs.png", String.format(Locale.ROOT, "The firing-rate phase diagram proven cell by "
                + "cell (interval arithmetic on the reduced problem, theory.md section 8.9): %d cells proven stable, %d "
                + "proven unstable, %d undecided; of the %d cells that no analytic condition decides (dashed), %d are "
                + "proven stable, %d unstable, %d undecided (claim certify.phase-diagram).", all[0], all[1], all[2],
                open[0] + open[1] + open[2], open[0], open[1], open[2]), "Proven stability of the rescaled memories "
                + "(blue proven stable, red proven unstable, white undecided)", "dashed: cells no analytic condition "
                + "decides", 1, panels);
    }

    @Override public List<Claim<?>> claims() {
        return List.of(new CertifySampledAgreementClaim(), new CertifyPhaseDiagramClaim());
    }
}
