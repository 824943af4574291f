package engram.report;

import engram.activation.Tanh;
import engram.integrate.Trajectory;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import engram.theorem.FixedStepOrderClaim;
import java.io.IOException;
import java.util.SplittableRandom;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's figures, rendered headless to PNG bytes. */
public final class Figures {

    /** A rendered figure: file name, caption and PNG bytes. */
    public record Figure(String file, String caption, byte[] png) {
    }

    private Figures() {
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(760).height(440).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendVisible(true);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return c;
    }

    private static byte[] png(XYChart c) throws IOException {
        return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Energy of the voltage model (Hebbian W, N = 200, P = 5 random memories, tanh gain 2, zero diagonal) along DP853
     * trajectories from five noisy cues: every curve must be non-increasing.
     */
    public static Figure energyTraces(long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 200, p = 5;
        PatternSet xi = Patterns.randomBinary(n, p, rng);
        VoltageModel model = new VoltageModel(1.0, LowRankCouplings.hebbian(xi, true), new Tanh(2.0), Input.zero(n));
        XYChart c = chart("Voltage-model energy along oracle trajectories (N=200, P=5, tanh gain 2)", "t", "E(x(t))");
        for (int k = 0; k < 5; k++) {
            double[] x0 = new double[n];
            for (int i = 0; i < n; i++) {
                x0[i] = (rng.nextDouble() < 0.3 ? -1 : 1) * xi.get(i, k % p) * 0.5 + 0.3 * rng.nextGaussian();
            }
            Trajectory tr = Oracle.dp853().sample(model, 0, x0, 8, 0.05);
            double[] t = new double[tr.size()];
            double[] e = new double[tr.size()];
            for (int s = 0; s < tr.size(); s++) {
                t[s] = tr.time(s);
                e[s] = model.energy(tr.state(s));
            }
            c.addSeries("cue of memory " + (k % p + 1), t, e).setMarker(SeriesMarkers.NONE);
        }
        return new Figure("energy.png", "Energy E(x(t)) of the voltage model along DP853 oracle trajectories from five "
                + "noisy cues (claim voltage.energy-monotone): each curve is non-increasing.", png(c));
    }

    /** The firing-rate stability phase diagram of theory.md (N = 1000, q = 0.2, 30 x 30 grid). */
    public static Figure phaseDiagram() throws IOException {
        double[] rhos = engram.analysis.PhaseDiagram.linspace(0.2, 5, 30);
        double[] thresholds = engram.analysis.PhaseDiagram.linspace(0, 0.9, 30);
        var cells = engram.analysis.PhaseDiagram.compute(1000, 0.2, rhos, thresholds);
        long undecided = cells.stream().filter(c -> !c.decided()).count();
        long disagree = cells.stream().filter(c -> !c.agrees()).count();
        return new Figure("phase.png", "Firing-rate phase diagram (balanced memories, N = 1000, q = 0.2): largest "
                + "Jacobian eigenvalue over the rescaled memories; white line: edge of the sufficient condition, dashed: "
                + "instability expression = 0. " + disagree + " disagreements among " + (cells.size() - undecided)
                + " decided cells; " + undecided + " cells undecided (claim fr.local-stability; engram fr-phase).",
                engram.report.PhaseDiagramImage.png(cells, rhos, thresholds));
    }

    /** Overlap curves of the retrieval experiment: five stored cues and five non-stored patterns. */
    public static Figure retrieval(long seed) throws IOException {
        XYChart c = chart("Retrieval (N=1000, q=0.2, P=14, sigmoid rho=4.8, I*=0.2, a=-0.3, b=0.95)", "t",
                "overlap x . xi / (N q)");
        double[] t = new double[101];
        for (int k = 0; k <= 100; k++) {
            t[k] = k / 10.0;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < 5; k++) {
            var trial = engram.theorem.RetrievalClaim.trial(new engram.theorem.RetrievalClaim.Case(
                    rng.nextInt(engram.theorem.RetrievalClaim.memories()), false, rng.nextInt(1 << 30)));
            c.addSeries("stored cue " + (k + 1), t, trial.storedCurve()).setMarker(SeriesMarkers.NONE);
            c.addSeries("non-stored " + (k + 1), t, trial.nonStoredCurve()).setMarker(SeriesMarkers.NONE);
        }
        return new Figure("retrieval.png", "Overlap with the cued memory (stored cues, 60% of active units kept) and "
                + "with non-stored patterns (70% kept) along Euler trajectories: cues are completed, non-stored patterns "
                + "decay (claim fr.retrieval).", png(c));
    }

    /** Equilibrium residual of the design on random sparse memories against the load P/N. */
    public static Figure randomResidual(long seed) throws IOException {
        XYChart c = chart("Random memories: equilibrium residual against load", "P / N",
                "max_mu ||Phi(W xbar_mu) - xbar_mu||_inf");
        c.getStyler().setYAxisLogarithmic(true);
        for (int n : new int[] {500, 1000, 2000}) {
            int[] ps = {2, 4, 8, 16, 32, 64, 100};
            double[] load = new double[ps.length];
            double[] residual = new double[ps.length];
            for (int k = 0; k < ps.length; k++) {
                PatternSet xi = Patterns.sparse(n, ps[k], 0.2, new SplittableRandom(seed + n + k));
                var design = engram.memory.FiringRateDesign.independent(xi, new engram.activation.Logistic(4.8, 0.2),
                        -0.3, 0.95, 0.2);
                load[k] = ps[k] / (double) n;
                residual[k] = engram.analysis.RateStability.equilibriumResidual(design);
            }
            c.addSeries("N = " + n, load, residual);
        }
        return new Figure("residual.png", "Random sparse memories (q = 0.2, sigmoid rho = 4.8, I* = 0.2, a = -0.3, "
                + "b = 0.95) are not exact equilibria: the residual grows with the load P/N (claim fr.equilibrium is "
                + "asserted for balanced and correlated memories only).", png(c));
    }

    /** Global error against the oracle versus step size for Euler and RK4, with reference slopes 1 and 4. */
    public static Figure convergence(long seed) throws IOException {
        XYChart c = chart("Convergence of Engram's integrators against the DP853 oracle", "step h", "sup error");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        FixedStepOrderClaim.Case k = new FixedStepOrderClaim.Case(4, 2.0, 1.2, false, seed);
        for (FixedStepOrderClaim claim : new FixedStepOrderClaim[] {FixedStepOrderClaim.euler(), FixedStepOrderClaim.rk4()}) {
            FixedStepOrderClaim.Estimate e = claim.estimate(k);
            c.addSeries(claim.id() + String.format(java.util.Locale.ROOT, " (fitted p = %.2f)", e.order()), e.steps(),
                    e.errors());
        }
        return new Figure("convergence.png", "Sup-norm error against the oracle versus step size (log-log) for one "
                + "voltage model (claims integrate.euler-order and integrate.rk4-order).", png(c));
    }
}
