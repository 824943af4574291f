package engram.theorem;

import engram.activation.Tanh;
import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.VoltageModel;
import java.util.SplittableRandom;

/**
 * Contraction (theory.md section 1, background): for {@code tau xdot = -x + W psi(x) + u}, any W, with
 * {@code k = Lip(psi) ||W||_2 < 1}, the difference e of two solutions obeys {@code d|e|/dt <= -(1 - k)|e| / tau},
 * so {@code |x(t) - y(t)| <= |x(0) - y(0)| exp(-(1 - k) t / tau)}: one globally exponentially stable equilibrium.
 * The check compares oracle trajectories with the bound at rate {@code max(0, 1 - k)}. Control: Hebbian W with
 * k in [2, 4] and two starts on either side of the unstable origin, which separate.
 */
public final class ContractionClaim implements Claim<ContractionClaim.Case> {

    /** Tolerance on the excess over the bound, relative to the initial distance. */
    public static final double TOLERANCE = 1e-8;

    /** @param k target value of Lip(psi) ||W||_2 */
    public record Case(int n, double gain, double k, boolean hebbian, long seed) {
    }

    @Override public String id() { return "voltage.contraction"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer(1, 16), d.real(0.3, 4), d.real(0.05, 0.95), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer(2, 16), d.real(1, 4), d.real(2, 4), true, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        double[] w;
        double[] x0;
        double[] y0;
        if (c.hebbian()) {
            var xi = Patterns.randomBinary(n, 1, rng);
            w = DenseCouplings.of(LowRankCouplings.hebbian(xi, false)).toDense();
            x0 = xi.pattern(0);
            y0 = xi.pattern(0);
            for (int i = 0; i < n; i++) {
                x0[i] *= 0.01;
                y0[i] *= -0.01;
            }
        } else {
            w = DenseCouplings.randomGeneral(n, 1, rng).toDense();
            x0 = Vectors.gaussian(n, 2, rng);
            y0 = Vectors.gaussian(n, 2, rng);
        }
        Tanh psi = new Tanh(c.gain());
        double norm = Spectra.spectralNorm(new DenseCouplings(n, w));
        for (int k = 0; k < w.length; k++) {
            w[k] *= c.k() / (c.gain() * norm);
        }
        DenseCouplings couplings = new DenseCouplings(n, w);
        double k = psi.lipschitz() * Spectra.spectralNorm(couplings);
        double[] u = Vectors.gaussian(n, c.hebbian() ? 0 : 0.5, rng);
        double tau = 1.0;
        VoltageModel model = new VoltageModel(tau, couplings, psi, Input.constant(u));
        double rate = Math.max(0, 1 - k) / tau;
        double horizon = Math.min(8, Math.log(1e5) / Math.max(rate, 1e-3));
        double worst = Trajectories.contractionExcess(model, x0, y0, rate, horizon);
        return Evaluation.atMost(worst, TOLERANCE, "k = Lip*||W|| = " + Vectors.fmt(k)
                + ", largest excess of |x-y| over the bound (relative to |x0-y0|) " + Vectors.fmt(worst));
    }
}
