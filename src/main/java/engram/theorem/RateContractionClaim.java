package engram.theorem;

import engram.activation.Activation;
import engram.activation.Activations;
import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.memory.DenseCouplings;
import engram.memory.FiringRateDesign;
import engram.model.FiringRateModel;
import engram.model.Input;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Global stability of the firing-rate model by contraction (the paper's own global theorem was not recovered; this
 * is the standard Euclidean contraction result, e.g. Bullo, Contraction Theory for Dynamical Systems, 2023): for
 * {@code xdot = -x + Phi(W x + u)} and {@code k = Lip(Phi) ||W||_2 < 1}, {@code e = x - y} obeys
 * {@code d|e|/dt <= -|e| + |Phi(W x + u) - Phi(W y + u)| <= -(1 - k)|e|}, so one equilibrium attracts every start at
 * rate 1 - k. Checked with the sigmoid and rectified tanh on random W. Control: a design at the retrieval parameters
 * of theory.md (rho = 4.8, I* = 0.2, a = -0.3, b = 0.95), where several memories are stable equilibria: two starts
 * on either side of the midpoint of two rescaled memories separate, violating non-expansion.
 */
public final class RateContractionClaim implements Claim<RateContractionClaim.Case> {

    public static final double TOLERANCE = 1e-8;

    public record Case(int n, String activation, double rho, double threshold, double k, boolean multistable, long seed) {
    }

    @Override public String id() { return "fr.global-stability"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer(1, 16), d.choice(List.of("logistic", "rectified-tanh")), d.real(0.5, 6),
                d.real(0, 0.9), d.real(0.05, 0.95), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(25 * d.integer(2, 4), "logistic", 4.8, 0.2, Double.NaN, true, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        Activation phi = Activations.of(c.activation(), c.rho(), c.threshold());
        engram.memory.Couplings w;
        double[] x0;
        double[] y0;
        double[] u;
        if (c.multistable()) {
            FiringRateDesign design = new DesignSpec("balanced", n, 6, 0.2, 0.2, "logistic", 4.8, 0.2, -0.3, 0.95,
                    c.seed()).build();
            w = design.couplings();
            double[] m0 = design.rescaled(0), m1 = design.rescaled(1);
            x0 = new double[n];
            y0 = new double[n];
            for (int i = 0; i < n; i++) {
                double mid = 0.5 * (m0[i] + m1[i]), half = 0.5 * (m0[i] - m1[i]);
                x0[i] = mid + 0.05 * half;
                y0[i] = mid - 0.05 * half;
            }
            u = new double[n];
        } else {
            double[] dense = DenseCouplings.randomGeneral(n, 1, rng).toDense();
            double norm = Spectra.spectralNorm(new DenseCouplings(n, dense));
            for (int i = 0; i < dense.length; i++) {
                dense[i] *= c.k() / (phi.lipschitz() * norm);
            }
            w = new DenseCouplings(n, dense);
            x0 = Vectors.uniform(n, 0, 1, rng);
            y0 = Vectors.uniform(n, 0, 1, rng);
            u = Vectors.gaussian(n, 0.5, rng);
        }
        double k = phi.lipschitz() * Spectra.spectralNorm(w);
        FiringRateModel model = new FiringRateModel(1.0, w, phi, Input.constant(u));
        double rate = Math.max(0, 1 - k);
        double horizon = Math.min(10, Math.log(1e5) / Math.max(rate, 1e-3));
        double worst = Trajectories.contractionExcess(model, x0, y0, rate, horizon);
        return Evaluation.atMost(worst, TOLERANCE, "k = Lip*||W|| = " + Vectors.fmt(k)
                + ", largest excess of |x-y| over |x0-y0| exp(-max(0,1-k) t), relative: " + Vectors.fmt(worst));
    }
}
