package engram.theorem.firingrate;

import engram.activation.Logistic;
import engram.analysis.PhaseDiagram;
import engram.analysis.RateStability;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.figure.Figure;
import engram.figure.HeatMap;
import engram.figure.Plot;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The firing-rate associative-memory family (Betteti, Baggio, Bullo, Zampieri, Neural Computation 2025; theory.md
 * section 2): the synaptic design, its equilibria, stability, positivity, energy, contraction and retrieval.
 */
public final class FiringRateFamily implements ClaimFamily {

    @Override public String name() { return "firingrate"; }

    @Override public String title() { return "Firing-rate networks as associative memory (Betteti et al. 2025)"; }

    @Override public List<Claim<?>> claims() {
        return List.of(new FrEquilibriumClaim(), new FrSignStructureClaim(), new FrLocalStabilityClaim(), new FrPositivityClaim(),
                new FrEnergyMonotoneClaim(), new FrGlobalStabilityClaim(), new FrDesignNotContractingClaim(),
                new FrRetrievalClaim());
    }

    @Override public List<Figure> figures(long seed) {
        return List.of(phaseDiagram(), retrieval(seed), randomResidual(seed));
    }

    /** theory.md's phase diagram (N = 1000, q = 0.2, 30 x 30 grid), with its agreement counts in the caption. */
    static Figure phaseDiagram() {
        double[] rhos = PhaseDiagram.rhos(PhaseDiagram.GRID);
        double[] thresholds = PhaseDiagram.thresholds(PhaseDiagram.GRID);
        List<PhaseDiagram.Cell> cells = PhaseDiagram.compute(1000, FiringRateDesign.REFERENCE_Q, rhos, thresholds);
        long undecided = cells.stream().filter(c -> !c.decided()).count();
        long disagree = cells.stream().filter(c -> !c.agrees()).count();
        return phaseFigure(cells, rhos, thresholds, "Firing-rate phase diagram (balanced memories, N = 1000, q = 0.2): "
                + "largest Jacobian eigenvalue over the rescaled memories; white line: edge of the sufficient condition, "
                + "dashed: instability expression = 0. " + disagree + " disagreements among " + (cells.size() - undecided)
                + " decided cells; " + undecided + " cells undecided (claim fr.local-stability; engram fr-phase).");
    }

    /**
     * The phase diagram as four heat maps (activation x sign of gamma) of the largest Jacobian eigenvalue, with the
     * edges of the sufficient condition (solid white) and of a positive instability expression (dashed black).
     */
    public static HeatMap phaseFigure(List<PhaseDiagram.Cell> cells, double[] rhos, double[] thresholds, String caption) {
        List<HeatMap.Panel> panels = new ArrayList<>();
        for (double[] ab : PhaseDiagram.FIELDS) {
            for (var act : PhaseDiagram.ACTIVATIONS) {
                double[][] z = new double[rhos.length][thresholds.length];
                boolean[][] sufficient = new boolean[rhos.length][thresholds.length];
                boolean[][] unstable = new boolean[rhos.length][thresholds.length];
                for (PhaseDiagram.Cell c : cells) {
                    if (c.activation() == act && c.a() == ab[0]) {
                        int i = index(rhos, c.rho()), j = index(thresholds, c.threshold());
                        z[i][j] = c.maxEigenvalue();
                        sufficient[i][j] = c.sufficient();
                        unstable[i][j] = c.instability() > 0;
                    }
                }
                panels.add(new HeatMap.Panel(String.format(Locale.ROOT, "%s, a=%.1f b=%.2f (gamma %s 0)", act, ab[0], ab[1],
                        ab[0] < 0 ? "<" : ">"), "threshold I*", "rho", thresholds, rhos, z, List.of(
                        new HeatMap.Region("sufficient condition", sufficient, HeatMap.Edge.SOLID_WHITE),
                        new HeatMap.Region("instability expression > 0", unstable, HeatMap.Edge.DASHED_BLACK))));
            }
        }
        return new HeatMap("phase.png", caption,
                "Largest Jacobian eigenvalue at the rescaled memories (blue stable, red unstable)",
                "white line: edge of eta*max(alpha,gamma) < 1 (sufficient);  dashed: instability expression = 0", 1,
                panels);
    }

    private static int index(double[] grid, double v) {
        for (int k = 0; k < grid.length; k++) {
            if (grid[k] == v) {
                return k;
            }
        }
        throw new IllegalStateException("value off the grid: " + v);
    }

    /** Overlap curves of the retrieval experiment: five stored cues and five non-stored patterns. */
    static Figure retrieval(long seed) {
        double[] t = new double[101];
        for (int k = 0; k <= 100; k++) {
            t[k] = k / 10.0;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Plot.Series> series = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            var trial = RetrievalExperiment.trial(rng.nextInt(RetrievalExperiment.memories()), false, rng.nextInt(1 << 30));
            series.add(Plot.Series.line("stored cue " + (k + 1), t, trial.storedCurve()));
            series.add(Plot.Series.line("non-stored " + (k + 1), t, trial.nonStoredCurve()));
        }
        return new Plot("retrieval.png", "Overlap with the cued memory (stored cues, 60% of active units kept) and "
                + "with non-stored patterns (70% kept) along Euler trajectories: cues are completed, non-stored patterns "
                + "decay (claim fr.retrieval).", "Retrieval (N=1000, q=0.2, P=14, sigmoid rho=4.8, I*=0.2, a=-0.3, b=0.95)",
                "t", "overlap x . xi / (N q)", false, false, series);
    }

    /** Equilibrium residual of the design on random sparse memories against the load P/N. */
    static Figure randomResidual(long seed) {
        List<Plot.Series> series = new ArrayList<>();
        for (int n : new int[] {500, 1000, 2000}) {
            int[] ps = {2, 4, 8, 16, 32, 64, 100};
            double[] load = new double[ps.length];
            double[] residual = new double[ps.length];
            for (int k = 0; k < ps.length; k++) {
                PatternSet xi = Patterns.sparse(n, ps[k], FiringRateDesign.REFERENCE_Q, new SplittableRandom(seed + n + k));
                var design = FiringRateDesign.independent(xi, new Logistic(FiringRateDesign.REFERENCE_RHO,
                        FiringRateDesign.REFERENCE_THRESHOLD), FiringRateDesign.REFERENCE_A, FiringRateDesign.REFERENCE_B,
                        FiringRateDesign.REFERENCE_Q);
                load[k] = ps[k] / (double) n;
                residual[k] = RateStability.equilibriumResidual(design);
            }
            series.add(Plot.Series.points("N = " + n, load, residual));
        }
        return new Plot("residual.png", "Random sparse memories (q = 0.2, sigmoid rho = 4.8, I* = 0.2, a = -0.3, "
                + "b = 0.95) are not exact equilibria: the residual grows with the load P/N (claim fr.equilibrium is "
                + "asserted for balanced and correlated memories only).", "Random memories: equilibrium residual against load",
                "P / N", "max_mu ||Phi(W xbar_mu) - xbar_mu||_inf", false, true, series);
    }
}
