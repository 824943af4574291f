package engram.theorem.foundation;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.FiniteDifferences;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.OneNetworkClaim;
import engram.claim.cases.Vectors;
import engram.integrate.VectorField;
import engram.memory.DenseCouplings;
import engram.memory.PatternSet;
import engram.model.EnergyFunction;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.Lagrangian;
import engram.model.ModernHopfield;
import engram.model.TwoLayerNetwork;
import engram.model.VoltageModel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code model.derivatives}: Every model's analytic derivatives agree with finite differences
 * (properties/model.derivatives.properties; docs/theory.md section 1.6). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class ModelDerivativesClaim implements Claim<ModelDerivativesClaim.Case>, OneNetworkClaim {

    /** The models whose derivatives are checked. */
    public enum Model {
        VOLTAGE, FIRING_RATE, TWO_LAYER, MODERN_FLOW, LAGRANGIANS
    }

    /** @param atKink the control: a rectified tanh with one coordinate at its kink (voltage model) */
    public record Case(Model model, int n, ActivationKind activation, double gain, double tau, boolean atKink, long seed) {
    }

    @Override public String id() { return "model.derivatives"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.choice("model", List.of(Model.values())), d.integer("N", 1, 10),
                d.choice("psi (smooth)", List.of(ActivationKind.TANH, ActivationKind.LOGISTIC, ActivationKind.ALGEBRAIC)),
                d.real("gain", 0.3, 4), d.real("tau", 0.3, 3), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(Model.VOLTAGE, d.integer("N", 1, 10), ActivationKind.RECTIFIED_TANH, d.real("gain", 0.3, 4),
                d.real("tau", 0.3, 3), true, d.seed());
    }

    /** The central-difference step factor: h = 1e-5 (1 + |x_j|). */
    private static final double STEP = 1e-5;

    /** max |J - J_fd| / max(1, max |J|) for a vector field at (t, x), every column. */
    public static double jacobianError(VectorField f, double t, double[] x) {
        return FiniteDifferences.jacobianError(f, t, x, FiniteDifferences.all(x.length), STEP);
    }

    /** max |grad E - grad_fd E| / max(1, max |grad E|). */
    public static double gradientError(EnergyFunction e, double[] x) {
        double[] grad = new double[x.length];
        e.gradient(x, grad);
        return FiniteDifferences.gradientError(grad, e::energy, x, FiniteDifferences.all(x.length), STEP);
    }

    /**
     * The two-layer network's predicted {@code dE/dt} (from the Lagrangians' Hessians) against the central difference
     * of E along the flow, {@code (E(s + h f) - E(s - h f)) / 2h = grad E . f}; relative to max(1, |dE/dt|).
     */
    static double energyRateError(TwoLayerNetwork net, double[] s) {
        int n = s.length;
        double[] f = new double[n], a = new double[n], b = new double[n];
        net.evaluate(0, s, f);
        double norm = 0;
        for (double v : f) {
            norm = Math.max(norm, Math.abs(v));
        }
        double h = 1e-5 / Math.max(1, norm);
        for (int i = 0; i < n; i++) {
            a[i] = s[i] + h * f[i];
            b[i] = s[i] - h * f[i];
        }
        double numeric = (net.energy(a) - net.energy(b)) / (2 * h);
        double analytic = net.energyRate(s);
        return Math.abs(analytic - numeric) / Math.max(1, Math.abs(analytic));
    }

    /** A Lagrangian's gradient against its value, and its Hessian times v against its gradient. */
    static double lagrangianError(Lagrangian l, double[] x, double[] v) {
        int n = x.length;
        double[] g = new double[n];
        l.gradient(x, g);
        double worst = FiniteDifferences.gradientError(g, l::value, x, FiniteDifferences.all(n), STEP);
        double[] hv = new double[n], up = new double[n], down = new double[n], xs = new double[n];
        l.hessianTimes(x, v, hv);
        double h = STEP, scale = 1;
        for (int i = 0; i < n; i++) {
            xs[i] = x[i] + h * v[i];
        }
        l.gradient(xs, up);
        for (int i = 0; i < n; i++) {
            xs[i] = x[i] - h * v[i];
        }
        l.gradient(xs, down);
        for (double e : hv) {
            scale = Math.max(scale, Math.abs(e));
        }
        double hvError = 0;
        for (int i = 0; i < n; i++) {
            hvError = Math.max(hvError, Math.abs(hv[i] - (up[i] - down[i]) / (2 * h)));
        }
        return Math.max(worst, hvError / scale);
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        Activation psi = c.activation().of(c.gain(), c.atKink() ? 0.2 : 0.1);
        double t = 0.5 + rng.nextDouble();
        double err;
        String what;
        switch (c.model()) {
            case VOLTAGE -> {
                DenseCouplings w = DenseCouplings.randomGeneral(n, 1.5, rng);
                double[] u = Vectors.gaussian(n, 0.5, rng);
                double[] x = Vectors.gaussian(n, 1, rng);
                if (c.atKink()) {
                    x[rng.nextInt(n)] = 0.2; // the rectified tanh's threshold
                }
                VoltageModel drifting = new VoltageModel(c.tau(), w, psi, new Input(u, Vectors.gaussian(n, 0.3, rng)));
                VoltageModel steady = new VoltageModel(c.tau(), DenseCouplings.randomSymmetric(n, 1.5, false, rng), psi,
                        Input.constant(u));
                err = Math.max(jacobianError(drifting, t, x), gradientError(steady, x));
                what = "voltage model Jacobian and energy gradient";
            }
            case FIRING_RATE -> {
                DenseCouplings w = DenseCouplings.randomGeneral(n, 1.5, rng);
                double[] u = Vectors.gaussian(n, 0.5, rng);
                double[] r = Vectors.uniform(n, 0.1, 0.9, rng);
                Activation phi = (c.activation() == ActivationKind.LOGISTIC ? ActivationKind.LOGISTIC
                        : ActivationKind.RECTIFIED_TANH).of(c.gain(), -3); // threshold -3: r in (0.1, 0.9) is inside the range
                FiringRateModel drifting = new FiringRateModel(c.tau(), w, phi, new Input(u, Vectors.gaussian(n, 0.3, rng)));
                FiringRateModel steady = new FiringRateModel(c.tau(), DenseCouplings.randomSymmetric(n, 1.5, false, rng), phi,
                        Input.constant(u));
                double[] x = Vectors.gaussian(n, 1, rng);
                err = Math.max(jacobianError(drifting, t, x), gradientError(steady, r));
                what = "firing-rate model Jacobian and E_FR gradient";
            }
            case TWO_LAYER -> {
                int nh = 1 + rng.nextInt(4);
                PatternSet xi = new PatternSet(n, nh, Vectors.gaussian(n * nh, 1, rng), "gaussian");
                TwoLayerNetwork net = new TwoLayerNetwork(xi, Lagrangian.additive(psi), Lagrangian.logSumExp(c.gain()),
                        c.tau(), 0.5 * c.tau(), Vectors.gaussian(n, 0.3, rng));
                double[] s0 = Vectors.gaussian(n + nh, 1, rng);
                err = energyRateError(net, s0);
                what = "two-layer dE/dt from the Lagrangians' Hessians against the energy's difference along the flow";
            }
            case MODERN_FLOW -> {
                int p = 1 + rng.nextInt(5);
                PatternSet xi = new PatternSet(n, p, Vectors.gaussian(n * p, 1, rng), "gaussian");
                err = gradientError(new ModernHopfield(xi, c.gain()).flow(0.5 + rng.nextDouble()), Vectors.gaussian(n, 1, rng));
                what = "modern flow energy gradient";
            }
            default -> {
                double[] x = Vectors.gaussian(n, 1, rng), v = Vectors.gaussian(n, 1, rng);
                err = Math.max(Math.max(lagrangianError(Lagrangian.additive(psi), x, v),
                        lagrangianError(Lagrangian.logSumExp(c.gain()), x, v)),
                        lagrangianError(Lagrangian.quadratic(Vectors.uniform(n, 0.2, 2, rng)), x, v));
                what = "additive, log-sum-exp and quadratic Lagrangians: gradient and Hessian-vector product";
            }
        }
        return Evaluation.atMost(err, tolerance(), what + ": largest difference from central differences, relative "
                + fmt(err));
    }

    @Override public String notApplicable(Network net) {
        return Double.isFinite(net.activation().lipschitz()) ? null
                : "the activation " + net.activation().name() + " is not differentiable";
    }

    @Override public String needs() { return "a differentiable model"; }

    @Override public Measured measure(Network net, double[] x0, SplittableRandom rng) {
        EnergyFunction energy = net.symmetric() ? (EnergyFunction) net.field() : null;
        double metric = FiniteDifferences.sampledError(net.field(), energy, x0, rng);
        return new Measured(metric, "largest relative difference of the Jacobian" + (net.symmetric()
                ? " and energy gradient" : "") + " from central differences " + Evaluation.fmt(metric));
    }
}
