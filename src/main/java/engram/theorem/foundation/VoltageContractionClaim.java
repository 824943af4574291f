package engram.theorem.foundation;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.analysis.Measurements;
import engram.analysis.Spectra;
import engram.claim.Calibrated;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.RandomCouplings;
import engram.claim.cases.Vectors;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.VoltageModel;
import java.util.SplittableRandom;

/**
 * Contraction ({@code voltage.contraction}, theory.md section 1, background): for
 * {@code tau xdot = -x + W psi(x) + u}, any W, with {@code k = Lip(psi) ||W||_2 < 1}, the difference e of two
 * solutions obeys {@code d|e|/dt <= -(1 - k)|e| / tau}, so {@code |x(t) - y(t)| <= |x(0) - y(0)| exp(-(1 - k) t / tau)}:
 * one globally exponentially stable equilibrium. The check compares oracle trajectories with the bound at rate
 * {@code max(0, 1 - k)}. Control: Hebbian W with k in [2, 4] and two starts on either side of the unstable origin,
 * which separate.
 */
public final class VoltageContractionClaim implements Claim<VoltageContractionClaim.Case>,
        Calibrated<VoltageContractionClaim.Case> {

    /** @param k target value of Lip(psi) ||W||_2 */
    public record Case(int n, double gain, double k, boolean hebbian, long seed) {
    }

    @Override public String id() { return "voltage.contraction"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 1, 16), d.real("gain", 0.3, 4), d.real("k = Lip ||W||", 0.05, 0.95), false,
                d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("N", 2, 16), d.real("gain", 1, 4), d.real("k = Lip ||W||", 2, 4), true, d.seed());
    }

    @Override public String departure() { return "k - 1, with k = Lip(psi) ||W||_2"; }

    @Override public double controlDeparture() { return 1; }

    @Override public CaseSpace<Case> at(double departure) {
        return d -> new Case(d.integer("N", 2, 16), d.real("gain", 1, 4), 1 + departure, true, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        DenseCouplings w;
        double[] x0;
        double[] y0;
        if (c.hebbian()) {
            var xi = Patterns.randomBinary(n, 1, rng);
            w = DenseCouplings.of(LowRankCouplings.hebbian(xi, false));
            x0 = xi.pattern(0);
            y0 = xi.pattern(0);
            for (int i = 0; i < n; i++) {
                x0[i] *= 0.01;
                y0[i] *= -0.01;
            }
        } else {
            w = DenseCouplings.randomGeneral(n, 1, rng);
            x0 = Vectors.gaussian(n, 2, rng);
            y0 = Vectors.gaussian(n, 2, rng);
        }
        Tanh psi = new Tanh(c.gain());
        DenseCouplings couplings = RandomCouplings.scaled(w, c.k(), c.gain());
        double k = psi.lipschitz() * Spectra.spectralNorm(couplings);
        double[] u = Vectors.gaussian(n, c.hebbian() ? 0 : 0.5, rng);
        double tau = 1.0;
        VoltageModel model = new VoltageModel(tau, couplings, psi, Input.constant(u));
        double rate = Math.max(0, 1 - k) / tau;
        double horizon = Math.min(8, Math.log(1e5) / Math.max(rate, 1e-3));
        double worst = Measurements.contractionExcess(model, x0, y0, rate, horizon);
        return Evaluation.atMost(worst, tolerance(), "k = Lip*||W|| = " + fmt(k)
                + ", largest excess of |x-y| over the bound (relative to |x0-y0|) " + fmt(worst));
    }
}
