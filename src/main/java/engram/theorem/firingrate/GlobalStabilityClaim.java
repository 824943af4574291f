package engram.theorem.firingrate;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.Measurements;
import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.DesignSpec;
import engram.claim.cases.RandomCouplings;
import engram.claim.cases.Vectors;
import engram.memory.Couplings;
import engram.memory.FiringRateDesign;
import engram.model.FiringRateModel;
import engram.model.Input;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Global stability of the firing-rate model by contraction ({@code fr.global-stability}; the paper's own global
 * theorem was not recovered; this is the standard Euclidean contraction result, e.g. Bullo, Contraction Theory for
 * Dynamical Systems, 2023): for {@code xdot = -x + Phi(W x + u)} and {@code k = Lip(Phi) ||W||_2 < 1},
 * {@code e = x - y} obeys {@code d|e|/dt <= -|e| + |Phi(W x + u) - Phi(W y + u)| <= -(1 - k)|e|}, so one equilibrium
 * attracts every start at rate 1 - k. Checked with the sigmoid and rectified tanh on random W. Control: a design at
 * theory.md's reference parameters, where several memories are stable equilibria: two starts on either side of the
 * midpoint of two rescaled memories separate, violating non-expansion.
 */
public final class GlobalStabilityClaim implements Claim<GlobalStabilityClaim.Case> {

    public record Case(int n, ActivationKind activation, double rho, double threshold, double k, boolean multistable,
            long seed) {
    }

    @Override public String id() { return "fr.global-stability"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 1, 16), d.choice("Phi", List.of(ActivationKind.LOGISTIC,
                ActivationKind.RECTIFIED_TANH)), d.real("rho", 0.5, 6), d.real("I*", 0, 0.9),
                d.real("k = Lip ||W||", 0.05, 0.95), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(25 * d.integer("N / 25", 2, 4), ActivationKind.LOGISTIC, FiringRateDesign.REFERENCE_RHO,
                FiringRateDesign.REFERENCE_THRESHOLD, Double.NaN, true, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        Activation phi = c.activation().of(c.rho(), c.threshold());
        Couplings w;
        double[] x0;
        double[] y0;
        double[] u;
        if (c.multistable()) {
            FiringRateDesign design = DesignSpec.reference(n, c.seed()).build();
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
            w = RandomCouplings.withNorm(n, c.k(), phi.lipschitz(), rng);
            x0 = Vectors.uniform(n, 0, 1, rng);
            y0 = Vectors.uniform(n, 0, 1, rng);
            u = Vectors.gaussian(n, 0.5, rng);
        }
        double k = phi.lipschitz() * Spectra.spectralNorm(w);
        FiringRateModel model = new FiringRateModel(1.0, w, phi, Input.constant(u));
        double rate = Math.max(0, 1 - k);
        double horizon = Math.min(10, Math.log(1e5) / Math.max(rate, 1e-3));
        double worst = Measurements.contractionExcess(model, x0, y0, rate, horizon);
        return Evaluation.atMost(worst, tolerance(), "k = Lip*||W|| = " + fmt(k)
                + ", largest excess of |x-y| over |x0-y0| exp(-max(0,1-k) t), relative: " + fmt(worst));
    }
}
