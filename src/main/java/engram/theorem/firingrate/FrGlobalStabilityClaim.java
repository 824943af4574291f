package engram.theorem.firingrate;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.Measurements;
import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.OneNetworkClaim;
import engram.claim.cases.DesignSpec;
import engram.claim.cases.RandomCouplings;
import engram.claim.cases.TimeConstant;
import engram.claim.cases.Vectors;
import engram.kernel.Norms;
import engram.memory.Couplings;
import engram.memory.DenseCouplings;
import engram.memory.FiringRateDesign;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.theorem.foundation.OneNetworkMeasures;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code fr.global-stability}: Global stability of the firing-rate model by contraction
 * (properties/fr.global-stability.properties; docs/theory.md section 2.6). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class FrGlobalStabilityClaim implements Claim<FrGlobalStabilityClaim.Case>, OneNetworkClaim {

    public record Case(int n, ActivationKind activation, double rho, double threshold, double k, double tau,
            boolean tight, boolean multistable, long seed) {
    }

    @Override public String id() { return "fr.global-stability"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 1, 16), d.choice("Phi", List.of(ActivationKind.LOGISTIC,
                ActivationKind.RECTIFIED_TANH)), d.real("rho", 0.5, 6), d.real("I*", 0, 0.9),
                d.real("k = Lip ||W||", 0.05, 0.95), TimeConstant.draw(d),
                d.choice("tight (sigmoid, rank one, at the steepest point)", List.of(false, true)), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(25 * d.integer("N / 25", 2, 4), ActivationKind.LOGISTIC, FiringRateDesign.REFERENCE_RHO,
                FiringRateDesign.REFERENCE_THRESHOLD, Double.NaN, TimeConstant.draw(d), false, true, d.seed());
    }

    /** The network and the two starts of a case. */
    private record Setup(Couplings w, double[] x0, double[] y0, double[] u) {
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        Activation phi = (c.tight() ? ActivationKind.LOGISTIC : c.activation()).of(c.rho(), c.threshold());
        Setup setup = c.multistable() ? multistable(n, c.seed()) : c.tight() ? tight(c, phi, rng)
                : new Setup(RandomCouplings.withNorm(n, c.k(), phi.lipschitz(), rng), Vectors.uniform(n, 0, 1, rng),
                        Vectors.uniform(n, 0, 1, rng), Vectors.gaussian(n, 0.5, rng));
        Couplings w = setup.w();
        double[] x0 = setup.x0(), y0 = setup.y0(), u = setup.u();
        double k = phi.lipschitz() * Spectra.spectralNorm(w);
        FiringRateModel model = new FiringRateModel(c.tau(), w, phi, Input.constant(u));
        double rate = Math.max(0, 1 - k) / c.tau();
        double horizon = Math.min(10 * c.tau(), Math.log(1e5) / Math.max(rate, 1e-3));
        Measurements.Contraction m = Measurements.contraction(model, x0, y0, rate, horizon);
        String detail = "k = Lip*||W|| = " + fmt(k) + ", tau " + fmt(c.tau()) + ", largest excess of |x-y| over |x0-y0| "
                + "exp(-max(0,1-k) t / tau) after t = 0, relative: " + fmt(m.excess());
        if (!c.tight()) {
            return Evaluation.atMost(m.excess(), tolerance(), detail);
        }
        double rateError = Math.abs(m.measuredRate() - rate) / rate;
        return new Evaluation(Math.max(m.excess(), rateError), Math.min(tolerance("tight-excess") - m.excess(),
                tolerance("tight-rate") - rateError), detail + "; tight case: distance shrinks at " + fmt(m.measuredRate())
                + " against (1 - k) / tau = " + fmt(rate) + " (relative error " + fmt(rateError) + ")");
    }

    /** The control: a reference design, starts 5% either side of the midpoint of two rescaled memories. */
    private static Setup multistable(int n, long seed) {
        FiringRateDesign design = DesignSpec.reference(n, seed).build();
        double[] m0 = design.rescaled(0), m1 = design.rescaled(1);
        double[] x0 = new double[n], y0 = new double[n];
        for (int i = 0; i < n; i++) {
            double mid = 0.5 * (m0[i] + m1[i]), half = 0.5 * (m0[i] - m1[i]);
            x0[i] = mid + 0.05 * half;
            y0[i] = mid - 0.05 * half;
        }
        return new Setup(design.couplings(), x0, y0, new double[n]);
    }

    /** W = (k / rho) v v^T; x* = 1/2 with W x* + u at the sigmoid's steepest point Phi^-1(1/2), slope rho. */
    private static Setup tight(Case c, Activation phi, SplittableRandom rng) {
        int n = c.n();
        double[] v = Vectors.gaussian(n, 1, rng);
        double norm = Norms.norm2(v);
        double[] vv = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                vv[i * n + j] = c.k() / c.rho() * v[i] * v[j] / (norm * norm);
            }
        }
        Couplings w = new DenseCouplings(n, vv);
        double[] half = new double[n], wHalf = new double[n];
        Arrays.fill(half, 0.5);
        w.multiply(half, wHalf);
        double[] u = new double[n], x0 = new double[n], y0 = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = phi.inverse(0.5) - wHalf[i];
            x0[i] = 0.5 + 1e-4 * v[i] / norm;
            y0[i] = 0.5 - 1e-4 * v[i] / norm;
        }
        return new Setup(w, x0, y0, u);
    }

    @Override public String notApplicable(Network net) {
        String model = OneNetworkClaim.needsModel(net, false);
        return model != null ? model : OneNetworkClaim.needsContraction(net);
    }

    @Override public String needs() { return "Lip(psi) ||W||_2 < 1"; }

    @Override public Measured measure(Network net, double[] x0, SplittableRandom rng) {
        return OneNetworkMeasures.contraction(net, x0, rng);
    }
}
