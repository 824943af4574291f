package engram.theorem.lagrangian;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.kernel.Norms;
import engram.memory.PatternSet;
import engram.model.Lagrangian;
import engram.model.ModernHopfield;
import engram.model.TwoLayerNetwork;
import engram.oracle.Oracle;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code lagrangian.modern-correspondence}: Log-sum-exp hidden and quadratic visible Lagrangians give the modern
 * Hopfield update (properties/lagrangian.modern-correspondence.properties; docs/theory.md section 4.3). The catalogue
 * entry states the hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class LagrangianModernCorrespondenceClaim implements Claim<LagrangianModernCorrespondenceClaim.Case> {

    /** @param tanhVisible use L_v = sum log cosh (the control) */
    public record Case(int nv, int nh, double betaSqrtN, boolean tanhVisible, long seed) {
    }

    @Override public String id() { return "lagrangian.modern-correspondence"; }

    private static CaseSpace<Case> cases(boolean tanh) {
        return d -> new Case(d.integer("N_v", 4, 24), d.integer("N_h", 2, 8), d.real("beta sqrt(N_v)", 1, 6), tanh,
                d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(false); }

    @Override public CaseSpace<Case> control() { return cases(true); }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int nv = c.nv(), nh = c.nh();
        PatternSet x = new PatternSet(nv, nh, Vectors.gaussian(nv * nh, 1, rng), "gaussian");
        double beta = c.betaSqrtN() / Math.sqrt(nv);
        Lagrangian lv = c.tanhVisible() ? Lagrangian.additive(new Tanh(1)) : Lagrangian.quadratic(nv, 1);
        TwoLayerNetwork net = new TwoLayerNetwork(x, lv, Lagrangian.logSumExp(beta), 1.0, 0.1, null);
        ModernHopfield modern = new ModernHopfield(x, beta);
        double mapGap = 0;
        double[] ds = new double[nv + nh], update = new double[nv];
        for (int k = 0; k < 5; k++) {
            double[] v = Vectors.gaussian(nv, 1.5, rng);
            net.evaluate(0, net.slowState(v), ds);
            modern.update(v, update);
            for (int i = 0; i < nv; i++) {
                mapGap = Math.max(mapGap, Math.abs(ds[i] + v[i] - update[i]) / (1 + Math.abs(update[i])));
            }
        }
        double[] rest = Oracle.dp853().solve(net, 0, net.slowState(Vectors.gaussian(nv, 1.5, rng)), 60);
        double[] v = Arrays.copyOf(rest, nv);
        net.evaluate(0, rest, ds);
        double stillness = Norms.maxAbs(ds);
        modern.update(v, update);
        double fixedGap = Norms.maxAbsDiff(update, v) / (1 + Norms.maxAbs(v));
        double metric = Math.max(mapGap, fixedGap);
        if (stillness > tolerance("rest")) {
            return Evaluation.uninformative("the two-layer network is not at rest by t = 60 (|ds/dt| " + fmt(stillness) + ")");
        }
        return Evaluation.atMost(metric, tolerance(), (c.tanhVisible() ? "L_v = sum log cosh" : "L_v = v^T v / 2")
                + ": two-layer map vs modern update " + fmt(mapGap) + "; settled state (|ds/dt| " + fmt(stillness)
                + ") vs its modern update " + fmt(fixedGap));
    }
}
