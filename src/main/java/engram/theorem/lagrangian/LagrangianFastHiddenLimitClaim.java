package engram.theorem.lagrangian;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Fits;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.memory.PatternSet;
import engram.model.Lagrangian;
import engram.model.TwoLayerNetwork;
import engram.oracle.Oracle;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code lagrangian.fast-hidden-limit}: A fast hidden layer gives the one-layer network with J = Xi^T Xi / N_h
 * (properties/lagrangian.fast-hidden-limit.properties; docs/theory.md section 4.2). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class LagrangianFastHiddenLimitClaim implements Claim<LagrangianFastHiddenLimitClaim.Case> {

    private static final int LEVELS = 5;
    private static final double HORIZON = 3;

    /** @param wrongNormalisation compare with J = Xi^T Xi / N_v (the control) */
    public record Case(int nv, int nh, LagrangianEnergyMonotoneClaim.Kind visible, double gain, boolean wrongNormalisation,
            long seed) {
    }

    private static final List<LagrangianEnergyMonotoneClaim.Kind> VISIBLE = List.of(LagrangianEnergyMonotoneClaim.Kind.TANH,
            LagrangianEnergyMonotoneClaim.Kind.LOGISTIC, LagrangianEnergyMonotoneClaim.Kind.QUADRATIC);

    @Override public String id() { return "lagrangian.fast-hidden-limit"; }

    @Override public int examples() { return 10; }

    @Override public int controlBudget() { return 10; }

    private static CaseSpace<Case> cases(boolean wrong) {
        return d -> new Case(d.integer("N_v", 6, 20), d.integer("N_h", 2, 5), d.choice("L_v", VISIBLE),
                d.real("gain", 0.5, 2), wrong, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(false); }

    @Override public CaseSpace<Case> control() { return cases(true); }

    /** The visible error at each tau_h = 2^-4 .. 2^-8 (steps) for one case. */
    record Errors(double[] steps, double[] errors) {
    }

    @Override public Evaluation evaluate(Case c) {
        Errors e = measure(c);
        double[] steps = e.steps(), errors = e.errors();
        if (errors[LEVELS - 1] < tolerance("floor")) {
            return Evaluation.uninformative("errors below " + fmt(tolerance("floor")));
        }
        double order = Fits.order(steps, errors);
        return Evaluation.atMost(Math.abs(order - 1), tolerance(), "L_v " + c.visible() + ", J = Xi^T Xi / "
                + (c.wrongNormalisation() ? "N_v" : "N_h") + ": visible error " + fmt(errors[0]) + " .. "
                + fmt(errors[LEVELS - 1]) + " for tau_h = 2^-4 .. 2^-8, fitted order " + fmt(order));
    }

    static Errors measure(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int nv = c.nv(), nh = c.nh();
        PatternSet x = new PatternSet(nv, nh, Vectors.gaussian(nv * nh, 1 / Math.sqrt(nv), rng), "gaussian");
        Lagrangian lv = c.visible() == LagrangianEnergyMonotoneClaim.Kind.QUADRATIC ? Lagrangian.quadratic(nv, 0.25 * c.gain())
                : c.visible().of(nv, c.gain(), rng);
        double[] input = Vectors.gaussian(nv, 0.3, rng);
        double[] v0 = Vectors.gaussian(nv, 1, rng);
        double norm = c.wrongNormalisation() ? nv : nh;
        double[] j = new double[nv * nv];
        for (int a = 0; a < nv; a++) {
            for (int b = 0; b < nv; b++) {
                double s = 0;
                for (int mu = 0; mu < nh; mu++) {
                    s += x.get(a, mu) * x.get(b, mu);
                }
                j[a * nv + b] = s / norm;
            }
        }
        VectorField oneLayer = oneLayer(nv, j, lv, input);
        Trajectory reference = Oracle.dp853().sample(oneLayer, 0, v0, HORIZON, HORIZON / 6);
        double[] steps = new double[LEVELS], errors = new double[LEVELS];
        for (int k = 0; k < LEVELS; k++) {
            double tauH = Math.pow(2, -4 - k);
            TwoLayerNetwork net = new TwoLayerNetwork(x, lv, Lagrangian.quadratic(nh, 1.0 / nh), 1.0, tauH, input);
            Trajectory tr = Oracle.dp853().sample(net, 0, net.slowState(v0), HORIZON, HORIZON / 6);
            double worst = 0;
            for (int s = 0; s < Math.min(tr.size(), reference.size()); s++) {
                worst = Math.max(worst, Norms.maxAbsDiff(Arrays.copyOf(tr.state(s), nv), reference.state(s)));
            }
            steps[k] = tauH;
            errors[k] = worst;
        }
        return new Errors(steps, errors);
    }

    /** {@code dv/dt = -v + J g(v) + I}, g the visible Lagrangian's gradient, J dense. */
    static VectorField oneLayer(int n, double[] j, Lagrangian lv, double[] input) {
        double[] g = new double[n];
        return new VectorField() {
            @Override public int dimension() { return n; }

            @Override public void evaluate(double t, double[] v, double[] dv) {
                lv.gradient(v, g);
                for (int a = 0; a < n; a++) {
                    double s = 0;
                    for (int b = 0; b < n; b++) {
                        s += j[a * n + b] * g[b];
                    }
                    dv[a] = -v[a] + s + input[a];
                }
            }
        };
    }
}
