package engram.theorem.lagrangian;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.analysis.Fits;
import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.memory.DenseCouplings;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code spectrum.hyperbolicity} (derived; theory.md section 4): for the one-layer network
 * {@code dv/dt = -v + J g(v)} with Hebbian {@code J = Xi^T Xi / N_h} (Xi N_h x N_v, iid standardised entries) the
 * origin's Jacobian is {@code -I + g'(0) J}, so the origin is hyperbolic exactly when 1/g'(0) is not an eigenvalue of
 * J and stable when {@code g'(0) lambda_max(J) < 1}. The non-zero eigenvalues of J are those of
 * {@code Xi Xi^T / N_h = (1/c) Xi Xi^T / N_v}, c = N_h / N_v: Marchenko-Pastur predicts
 * {@code lambda_max(J) -> (1 + sqrt c)^2 / c}, so stability is lost at the gain {@code g* = c / (1 + sqrt c)^2}.
 * Checked with g = tanh of gain f g*: (1) the Jacobian's eigenvalues are -1 + g'(0) lambda_i (the hyperbolicity
 * identity, within the catalogue tolerance); (2) the stability they give is the MP prediction's, for f away from 1 by
 * more than the finite-size edge band; (3) a DP853 run from a 1e-3 start (along the top eigenvector when unstable)
 * decays (stable) or grows ten-fold (unstable)
 * where |lambda| exceeds {@code tolerance.observable-rate} (over 10/|lambda| or ln(1e3)/lambda time units). Control: J normalised by N_v instead of N_h, judged by the
 * N_h prediction: its edge is c times lower, and unstable predictions turn out stable.
 */
public final class SpectrumHyperbolicityClaim implements Claim<SpectrumHyperbolicityClaim.Case> {

    /** @param factor the gain over the predicted critical gain; {@code wrongNormalisation}: J = Xi^T Xi / N_v */
    public record Case(int nv, double c, double factor, boolean wrongNormalisation, long seed) {
    }

    @Override public String id() { return "spectrum.hyperbolicity"; }

    @Override public int examples() { return 12; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            boolean wide = d.choice("c side", List.of(false, true));
            int nv = wide ? d.integer("N_v (c > 1)", 40, 100) : d.integer("N_v (c < 1)", 80, 200);
            double c = wide ? d.real("c = N_h / N_v (> 1)", 1.5, 3) : d.real("c = N_h / N_v (< 1)", 0.1, 0.8);
            boolean unstable = d.choice("side of the predicted threshold", List.of(false, true));
            double f = unstable ? d.real("gain / g* (unstable)", 1.4, 3) : d.real("gain / g* (stable)", 0.3, 0.7);
            return new Case(nv, c, f, false, d.seed());
        };
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("N_v (c < 1)", 80, 200), d.real("c = N_h / N_v (< 1)", 0.1, 0.5),
                d.real("gain / g* (unstable)", 1.4, 3), true, d.seed());
    }

    /**
     * A unit direction dominated by the top eigenvectors of the Jacobian J = -I + g'(0) M (M a Gram matrix, so J + I is
     * positive semi-definite): 200 power iterations of J + I from a seeded start. Modes near the top grow as fast as the
     * top one, so what matters is that the start's component along the unstable modes is not small.
     */
    static double[] topEigenvector(int n, double[] jac, SplittableRandom rng) {
        double[] v = Vectors.unit(n, rng), w = new double[n];
        for (int it = 0; it < 200; it++) {
            for (int a = 0; a < n; a++) {
                double s = v[a];
                for (int b = 0; b < n; b++) {
                    s += jac[a * n + b] * v[b];
                }
                w[a] = s;
            }
            double norm = Fits.norm2(w);
            for (int a = 0; a < n; a++) {
                v[a] = w[a] / norm;
            }
        }
        return v;
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int nv = c.nv(), nh = Math.max(1, (int) Math.round(c.c() * nv));
        double ratio = nh / (double) nv;
        double[] xi = Vectors.gaussian(nh * nv, 1, rng);
        double norm = c.wrongNormalisation() ? nv : nh;
        double[] j = new double[nv * nv];
        for (int a = 0; a < nv; a++) {
            for (int b = a; b < nv; b++) {
                double s = 0;
                for (int mu = 0; mu < nh; mu++) {
                    s += xi[mu * nv + a] * xi[mu * nv + b];
                }
                j[a * nv + b] = s / norm;
                j[b * nv + a] = s / norm;
            }
        }
        double edge = (1 + Math.sqrt(ratio)) * (1 + Math.sqrt(ratio)) / ratio;
        double gain = c.factor() / edge;
        Tanh g = new Tanh(gain);
        double[] spec = Spectra.symmetricEigenvalues(nv, j);
        double lambdaMax = spec[0];
        double[] jac = new double[nv * nv];
        VoltageModel model = new VoltageModel(1.0, new DenseCouplings(nv, j), g, Input.zero(nv));
        model.jacobian(0, new double[nv], jac);
        double[] jacSpec = Spectra.symmetricEigenvalues(nv, jac);
        double identity = 0;
        for (int k = 0; k < nv; k++) {
            identity = Math.max(identity, Math.abs(jacSpec[k] - (-1 + g.derivative(0) * spec[k])));
        }
        double lambda = jacSpec[0];
        boolean computedStable = lambda < 0;
        boolean predictedStable = c.factor() < 1;
        String trajectory = "";
        double margin = Math.min(tolerance() - identity, computedStable == predictedStable ? Math.abs(c.factor() - 1) : -1);
        if (Math.abs(lambda) > tolerance("observable-rate")) {
            // unstable: along the top eigenvector (a random direction's component along it can be too small to grow
            // ten-fold in time: seed 10 of the 20-seed run); stable: a random direction
            double[] v0 = lambda > 0 ? topEigenvector(nv, jac, rng) : Vectors.unit(nv, rng);
            for (int i = 0; i < nv; i++) {
                v0[i] *= 1e-3;
            }
            double horizon = Math.min(200, lambda > 0 ? Math.log(1e3) / lambda : 10 / -lambda);
            Trajectory tr = Oracle.dp853().sample(model, 0, v0, horizon, horizon);
            double grow = Fits.norm2(tr.last()) / Fits.norm2(v0);
            trajectory = ", start of size 1e-3 scaled by " + fmt(grow) + " at t=" + fmt(horizon);
            if (computedStable ? grow >= 1 : grow <= 10) {
                margin = Math.min(margin, -1);
            }
        }
        return new Evaluation(lambda, margin, "c " + fmt(ratio) + ", lambda_max(J) " + fmt(lambdaMax) + " vs MP edge "
                + fmt(edge) + "; gain " + fmt(c.factor()) + " g*: Jacobian top eigenvalue " + fmt(lambda) + " ("
                + (computedStable ? "stable" : "unstable") + ", predicted " + (predictedStable ? "stable" : "unstable")
                + "); identity error " + fmt(identity) + trajectory);
    }
}
