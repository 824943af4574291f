package engram.model;

import engram.integrate.VectorField;
/**
 * Synaptic memory dynamics of Lotito (Neurocomputing 2025; theory.md section 4): the memory matrix Xi (N_h x N_v, one
 * memory per row) moves toward the presented visible state v,
 * <pre>
 *   tau_Xi dXi/dt = w (.) (-Xi + Lambda + 1 v^T),   w = softmax(beta Xi v)   (w weights the rows),
 * </pre>
 * discretised in the authors' code with dt = 1 as {@code Xi += w[:, None] * (-Xi + Lambda + v) / tau_Xi}. When the
 * softmax is effectively one-hot (the presented v is far more similar to one memory than to the others) only that
 * memory moves, with time constant tau_Xi / p_mu if it is presented a fraction p_mu of the time, toward
 * {@code Lambda_mu + v}. Xi is stored row-major in a flat array.
 */
public final class MemoryDynamics {

    private final int nh;
    private final int nv;
    private final double tau;
    private final double beta;
    private final double[] lambda;
    private final double[] scores;

    /** @param lambda the synaptic bias Lambda (N_h x N_v, row-major), or null for 0 */
    public MemoryDynamics(int nh, int nv, double tau, double beta, double[] lambda) {
        if (nh < 1 || nv < 1 || !(tau > 0) || !(beta >= 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("need N_h, N_v >= 1, tau > 0, beta >= 0; got " + nh + ", " + nv + ", " + tau
                    + ", " + beta);
        }
        if (lambda != null && lambda.length != nh * nv) {
            throw new IllegalArgumentException("Lambda has " + lambda.length + " entries, expected " + nh * nv);
        }
        this.nh = nh;
        this.nv = nv;
        this.tau = tau;
        this.beta = beta;
        this.lambda = lambda == null ? null : lambda.clone();
        this.scores = new double[nh];
    }

    public int hidden() { return nh; }

    public int visible() { return nv; }

    /** The row weights {@code w = softmax(beta Xi v)} into {@code out}. */
    public void weights(double[] xi, double[] v, double[] out) {
        for (int mu = 0; mu < nh; mu++) {
            double s = 0;
            for (int i = 0; i < nv; i++) {
                s += xi[mu * nv + i] * v[i];
            }
            out[mu] = s;
        }
        ModernHopfield.softmax(beta, out, out);
    }

    /** One step of the authors' discretisation (dt = 1), Xi updated in place. */
    public void step(double[] xi, double[] v) {
        weights(xi, v, scores);
        for (int mu = 0; mu < nh; mu++) {
            double w = scores[mu] / tau;
            for (int i = 0; i < nv; i++) {
                int k = mu * nv + i;
                xi[k] += w * (-xi[k] + (lambda == null ? 0 : lambda[k]) + v[i]);
            }
        }
    }

    /** The continuous dynamics with v held fixed, on the flattened Xi. Holds scratch buffers: one per thread. */
    public VectorField field(double[] v) {
        double[] w = new double[nh];
        return new VectorField() {
            @Override public int dimension() { return nh * nv; }

            @Override public void evaluate(double t, double[] xi, double[] d) {
                weights(xi, v, w);
                for (int mu = 0; mu < nh; mu++) {
                    for (int i = 0; i < nv; i++) {
                        int k = mu * nv + i;
                        d[k] = w[mu] * (-xi[k] + (lambda == null ? 0 : lambda[k]) + v[i]) / tau;
                    }
                }
            }
        };
    }

    /**
     * The authors' theory for the cosine between a memory and its target, from
     * {@code tau_mu Xidot_mu = -Xi_mu + xi'_mu} with equal norms:
     * {@code s(t) = (e a + (1 - e)) / sqrt(e^2 + (1 - e)^2 + 2 e (1 - e) a)}, {@code e = exp(-t / tau_mu)},
     * a the initial cosine.
     */
    public static double theoryCosine(double t, double tauMu, double a) {
        double e = Math.exp(-t / tauMu);
        return (e * a + (1 - e)) / Math.sqrt(e * e + (1 - e) * (1 - e) + 2 * e * (1 - e) * a);
    }

    /** The cosine between row mu of Xi and v. */
    public static double cosine(double[] xi, int mu, int nv, double[] v) {
        double dot = 0, a = 0, b = 0;
        for (int i = 0; i < nv; i++) {
            double x = xi[mu * nv + i];
            dot += x * v[i];
            a += x * x;
            b += v[i] * v[i];
        }
        return dot / Math.sqrt(a * b);
    }
}
