package engram.theorem.numerics;

import static engram.claim.Evaluation.fmt;

import engram.activation.ActivationKind;
import engram.activation.Tanh;
import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.memory.DenseCouplings;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * {@code oracle.accuracy}: The Hipparchus oracles are accurate far below every tolerance they judge
 * (properties/oracle.accuracy.properties; docs/theory.md section 6.1). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class OracleAccuracyClaim implements Claim<OracleAccuracyClaim.Case> {

    /**
     * @param kinked the conditions of use: a firing-rate network with a rectified tanh (a kink in the vector field),
     *     N up to 200 and T up to 200, DP853 against GBS (no closed form)
     */
    public record Case(boolean kinked, int n, double gain, double horizon, double oracleTolerance, long seed) {
    }

    @Override public String id() { return "oracle.accuracy"; }

    @Override public int examples() { return 15; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> d.choice("regime", List.of("smooth", "kinked")).equals("smooth")
                ? new Case(false, d.integer("N (smooth)", 1, 8), d.real("gain", 0.5, 3), 3, Oracle.DEFAULT_TOLERANCE, d.seed())
                : new Case(true, d.integer("N (kinked)", 2, 200), d.real("gain", 0.5, 3), d.real("T (kinked)", 3, 200),
                        Oracle.DEFAULT_TOLERANCE, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(false, d.integer("N (smooth)", 1, 8), d.real("gain", 0.5, 3), 3,
                d.real("oracle tolerance", 1e-3, 1e-2), d.seed());
    }

    /**
     * The oracle the claims use ({@link Oracle#dp853()}, {@link Oracle#gbs()}) at the default tolerance, so that the
     * factories themselves are what is checked; the control's loose tolerance is built directly.
     */
    static Oracle oracle(Oracle.Method method, double tolerance) {
        if (tolerance == Oracle.DEFAULT_TOLERANCE) {
            return method == Oracle.Method.DP853 ? Oracle.dp853() : Oracle.gbs();
        }
        return new Oracle(method, tolerance);
    }

    /** Relative size of the starting perturbation whose growth measures the conditioning. */
    static final double PROBE = 1e-9;

    /**
     * |x(T; x0 + d) - x(T; x0)| / |d| for a random d of relative size {@value #PROBE}: how much the flow amplifies an
     * error in the state over [0, T] (the largest finite-time Lyapunov factor, for almost every d once T is long).
     * Saturates where the growth reaches 1 / PROBE, far above what the claim resolves.
     */
    static double perturbationGrowth(Oracle oracle, VectorField f, double[] x0, double[] xT, double t1, SplittableRandom rng) {
        int n = x0.length;
        double[] d = Vectors.unit(n, rng);
        double size = PROBE * (1 + Norms.maxAbs(x0));
        double[] moved = x0.clone();
        for (int i = 0; i < n; i++) {
            moved[i] += size * d[i];
        }
        double[] yT = oracle.solve(f, 0, moved, t1);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (yT[i] - xT[i]) * (yT[i] - xT[i]);
        }
        return Math.sqrt(s) / size;
    }

    @Override public Evaluation evaluate(Case c) {
        return c.kinked() ? kinked(c) : smooth(c);
    }

    /** A rectified-tanh network: DP853 against GBS, both locating the kinks, relative to x(T)'s conditioning. */
    private Evaluation kinked(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        {
            Oracle dp = oracle(Oracle.Method.DP853, c.oracleTolerance());
            Oracle gbs = oracle(Oracle.Method.GBS, c.oracleTolerance());
            FiringRateModel model = new FiringRateModel(1.0, DenseCouplings.randomGeneral(n, 1.5, rng),
                    ActivationKind.RECTIFIED_TANH.of(c.gain(), 0.1), Input.constant(Vectors.gaussian(n, 0.5, rng)));
            double[] r0 = Vectors.uniform(n, 0, 1, rng);
            double[] rDp = dp.solve(model, 0, r0, c.horizon());
            double cross = Norms.maxAbsDiff(rDp, gbs.solve(model, 0, r0, c.horizon())) / (1 + Norms.maxAbs(rDp));
            // the conditioning of x(T): how much the flow amplifies a perturbation of the start (errors committed
            // along the way are amplified by at most about as much, or by 1 near T)
            double growth = perturbationGrowth(dp, model, r0, rDp, c.horizon(), new SplittableRandom(c.seed() + 1));
            String what = "rectified-tanh network, N = " + n + ", T = " + fmt(c.horizon()) + ": DP853 vs GBS " + fmt(cross)
                    + ", perturbations grow " + fmt(growth) + "-fold";
            if (!(growth <= tolerance("kinked") / c.oracleTolerance())) {
                return Evaluation.uninformative(what + ": x(T) is determined to no better than the oracle's tolerance "
                        + "times that, above what the claim resolves");
            }
            return Evaluation.atMost(cross / Math.max(1, growth), tolerance("kinked"), what);
        }
    }

    /** A linear system against its closed form (both oracles), and a tanh network with DP853 against GBS. */
    private Evaluation smooth(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        double[] a = DenseCouplings.randomSymmetric(n, 1, false, rng).toDense();
        for (int i = 0; i < n; i++) {
            a[i * n + i] -= 1;
        }
        double[] x0 = Vectors.gaussian(n, 1, rng);
        double t1 = c.horizon();
        VectorField linear = new VectorField() {
            @Override public int dimension() { return n; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += a[i * n + j] * x[j];
                    }
                    dxdt[i] = s;
                }
            }
        };
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(Spectra.matrix(n, a));
        RealMatrix v = eig.getV();
        double[] lambda = eig.getEigenvalues();
        double[] coeff = v.transpose().operate(x0);
        for (int i = 0; i < n; i++) {
            coeff[i] *= Math.exp(lambda[i] * t1);
        }
        double[] exact = v.operate(coeff);
        Oracle dp = oracle(Oracle.Method.DP853, c.oracleTolerance());
        Oracle gbs = oracle(Oracle.Method.GBS, c.oracleTolerance());
        double scale = 1 + Norms.maxAbs(exact);
        double linDp = Norms.maxAbsDiff(dp.solve(linear, 0, x0, t1), exact) / scale;
        double linGbs = Norms.maxAbsDiff(gbs.solve(linear, 0, x0, t1), exact) / scale;
        VoltageModel model = new VoltageModel(1.0, DenseCouplings.randomGeneral(n, 1.5, rng), new Tanh(c.gain()),
                Input.constant(Vectors.gaussian(n, 0.5, rng)));
        double[] y0 = Vectors.gaussian(n, 1.5, rng);
        double[] yDp = dp.solve(model, 0, y0, t1);
        double cross = Norms.maxAbsDiff(yDp, gbs.solve(model, 0, y0, t1)) / (1 + Norms.maxAbs(yDp));
        double worst = Math.max(linDp, Math.max(linGbs, cross));
        return Evaluation.atMost(worst, tolerance(), "DP853 vs closed form " + fmt(linDp) + ", GBS vs closed form "
                + fmt(linGbs) + ", DP853 vs GBS (nonlinear) " + fmt(cross));
    }
}
