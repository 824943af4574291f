package engram.theorem.lagrangian;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.analysis.Lanczos;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.kernel.Norms;
import engram.memory.LowRankCouplings;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code spectrum.hyperbolicity}: The Marchenko-Pastur edges predict the gains at which the Hebbian network's origin
 * changes stability (properties/spectrum.hyperbolicity.properties; docs/theory.md section 4.7). The catalogue entry
 * states the hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class SpectrumHyperbolicityClaim implements Claim<SpectrumHyperbolicityClaim.Case> {

    /** Which threshold: the upper edge (stability lost) or the lower edge (every non-zero mode unstable). */
    public enum Edge { UPPER, LOWER }

    /**
     * @param above the gain beyond the threshold (unstable top mode; every non-zero mode unstable) or short of it
     * @param beyondBand the gain's relative distance from the threshold beyond the edge's finite-size band
     * @param edgeFactor the predicted edge over MP's (1 in the hypotheses; a planted wrong formula otherwise)
     * @param wrongNormalisation J = Xi^T Xi / N_v (the control)
     */
    public record Case(int nv, double c, Edge edge, boolean above, double beyondBand, double edgeFactor,
            boolean wrongNormalisation, long seed) {
    }

    @Override public String id() { return "spectrum.hyperbolicity"; }

    @Override public int examples() { return 8; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            boolean wide = d.choice("c side", List.of(false, true));
            int nv = wide ? d.integer("N_v (c > 1)", 300, 600) : d.integer("N_v (c < 1)", 800, 1600);
            double c = wide ? d.real("c = N_h / N_v (> 1)", 1.5, 3) : d.real("c = N_h / N_v (< 1)", 0.1, 0.5);
            return new Case(nv, c, d.choice("edge", List.of(Edge.UPPER, Edge.LOWER)),
                    d.choice("side of the threshold (above?)", List.of(false, true)),
                    d.real("relative distance beyond the edge band", 0.005, 0.05), 1, false, d.seed());
        };
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("N_v (c < 1)", 800, 1600), d.real("c = N_h / N_v (< 1)", 0.1, 0.5), Edge.UPPER, true,
                d.real("relative distance beyond the edge band", 0.005, 0.05), 1, true, d.seed());
    }

    /**
     * The relative half-width of the finite-size band around an edge of the non-zero spectrum of {@code A A^T} for an
     * m x n matrix A of iid standardised entries (m <= n): the extreme eigenvalue is {@code mu + sigma TW1} with
     * {@code mu = (sqrt(n - 1) +- sqrt m)^2} and {@code sigma = (sqrt(n - 1) +- sqrt m)(1/sqrt(n - 1) +- 1/sqrt m)^(1/3)}
     * (Johnstone 2001; the lower edge with the signs reversed in the last factor), TW1 of mean -1.21 and standard
     * deviation 1.27. The band covers the offset of mu from MP's {@code (sqrt n +- sqrt m)^2}, the mean and
     * {@code deviations} standard deviations.
     */
    static double band(int m, int n, Edge edge, double deviations) {
        double a = Math.sqrt(n - 1.0), b = Math.sqrt(m);
        double mu = edge == Edge.UPPER ? (a + b) * (a + b) : (a - b) * (a - b);
        double sigma = edge == Edge.UPPER ? (a + b) * Math.cbrt(1 / a + 1 / b) : (a - b) * Math.cbrt(1 / b - 1 / a);
        double mp = edge == Edge.UPPER ? Math.pow(Math.sqrt(n) + b, 2) : Math.pow(Math.sqrt(n) - b, 2);
        return (Math.abs(mu - mp) + (1.21 + deviations * 1.27) * sigma) / mp;
    }

    /** J's non-zero spectrum edge predicted by MP: {@code (1 +- sqrt c)^2 / c}. */
    static double predictedEdge(double c, Edge edge) {
        double s = edge == Edge.UPPER ? 1 + Math.sqrt(c) : 1 - Math.sqrt(c);
        return s * s / c;
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int nv = c.nv(), nh = Math.max(1, (int) Math.round(c.c() * nv));
        double ratio = nh / (double) nv;
        double[] xi = Vectors.gaussian(nh * nv, 1, rng);
        double norm = c.wrongNormalisation() ? nv : nh;
        int m = Math.min(nh, nv), n = Math.max(nh, nv);
        // the non-zero eigenvalues of J are those of the m x m Gram matrix of the smaller side, over the normalisation
        double[] gram = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += nh <= nv ? xi[a * nv + k] * xi[b * nv + k] : xi[k * nv + a] * xi[k * nv + b];
                }
                gram[a * m + b] = gram[b * m + a] = s / norm;
            }
        }
        double[] ritz = Lanczos.ritzValues(m, 120, c.seed() + 1, (v, out) -> {
            for (int a = 0; a < m; a++) {
                double s = 0;
                for (int b = 0; b < m; b++) {
                    s += gram[a * m + b] * v[b];
                }
                out[a] = s;
            }
        });
        double lambda = c.edge() == Edge.UPPER ? ritz[0] : ritz[ritz.length - 1];
        double edge = predictedEdge(ratio, c.edge()) * c.edgeFactor();
        double threshold = 1 / edge;
        double band = band(m, n, c.edge(), tolerance());
        double distance = band + c.beyondBand();
        double slope = threshold * (c.above() ? 1 + distance : 1 - distance);
        // the Jacobian's eigenvalue for that mode: -1 + g'(0) lambda
        double rate = -1 + slope * lambda;
        boolean unstable = rate > 0;
        String what = c.edge() == Edge.UPPER ? "top mode" : "lowest non-zero mode";
        double margin = unstable == c.above() ? Math.abs(rate) : -1;
        String detail = "c " + fmt(ratio) + ", " + c.edge() + " edge: J's eigenvalue " + fmt(lambda) + " vs predicted "
                + fmt(edge) + " (band " + fmt(band) + "); gain " + fmt(slope / threshold) + " x the "
                + "predicted threshold: " + what + " rate " + fmt(rate) + " (" + (unstable ? "unstable" : "stable")
                + ", predicted " + (c.above() ? "unstable" : "stable") + ")";
        if (c.edge() == Edge.UPPER && Math.abs(rate) > tolerance("observable-rate") && margin > 0) {
            Tanh g = new Tanh(slope);
            VoltageModel model = new VoltageModel(1.0, new LowRankCouplings(nv, nh, transpose(xi, nh, nv), ones(nh),
                    1 / norm, false), g, Input.zero(nv));
            double[] v0 = unstable ? topMode(xi, nh, nv, norm, rng) : Vectors.unit(nv, rng);
            for (int i = 0; i < nv; i++) {
                v0[i] *= 1e-3;
            }
            double horizon = Math.min(200, unstable ? Math.log(1e3) / rate : 10 / -rate);
            Trajectory tr = Oracle.dp853().sample(model, 0, v0, horizon, horizon);
            double grow = Norms.norm2(tr.last()) / Norms.norm2(v0);
            detail += ", start of size 1e-3 scaled by " + fmt(grow) + " at t = " + fmt(horizon);
            if (unstable ? grow <= 10 : grow >= 1) {
                margin = -1;
            }
        }
        return new Evaluation(rate, margin, detail);
    }

    /** Xi (N_h x N_v, row-major) as the N_v x N_h factor of J = F F^T / N_h. */
    private static double[] transpose(double[] xi, int nh, int nv) {
        double[] f = new double[nv * nh];
        for (int mu = 0; mu < nh; mu++) {
            for (int i = 0; i < nv; i++) {
                f[i * nh + mu] = xi[mu * nv + i];
            }
        }
        return f;
    }

    private static double[] ones(int k) {
        double[] w = new double[k];
        Arrays.fill(w, 1);
        return w;
    }

    /** A unit direction dominated by J's top eigenvectors: 200 power iterations of J from a seeded start. */
    static double[] topMode(double[] xi, int nh, int nv, double norm, SplittableRandom rng) {
        double[] v = Vectors.unit(nv, rng), h = new double[nh], w = new double[nv];
        for (int it = 0; it < 200; it++) {
            Arrays.fill(h, 0);
            Arrays.fill(w, 0);
            for (int mu = 0; mu < nh; mu++) {
                for (int i = 0; i < nv; i++) {
                    h[mu] += xi[mu * nv + i] * v[i];
                }
            }
            for (int mu = 0; mu < nh; mu++) {
                for (int i = 0; i < nv; i++) {
                    w[i] += xi[mu * nv + i] * h[mu] / norm;
                }
            }
            double s = Norms.norm2(w);
            for (int i = 0; i < nv; i++) {
                v[i] = w[i] / s;
            }
        }
        return v;
    }
}
