package engram.model;

import engram.memory.PatternSet;
import java.util.random.RandomGenerator;

/**
 * The mixed inputs of the IDP experiments (theory.md section 3, from the authors' code): a sequence of n inputs
 * {@code u_j = sum_mu w_mu,j xi_mu}; in input j memory j dominates with a weight from U(2, 3.5), the previous input's
 * dominant memory (j - 1) keeps a weight from U(0.2, 0.6), the others get U(0.8, 1.5); each column is rescaled so that
 * {@code sum_mu w_mu = sqrt(P N)}.
 */
public final class MixedInputs {

    private MixedInputs() {
    }

    /** The P x n weights, row-major ({@code w[mu * n + j]}); memory j dominates input j. */
    public static double[] paperWeights(int p, int n, int neurons, RandomGenerator rng) {
        if (n < 1 || n > p) {
            throw new IllegalArgumentException("need 1 <= inputs <= P, got " + n + " inputs for P = " + p);
        }
        double[] w = new double[p * n];
        for (int k = 0; k < w.length; k++) {
            w[k] = 0.8 + 0.7 * rng.nextDouble();
        }
        double target = Math.sqrt((double) p * neurons);
        for (int j = 0; j < n; j++) {
            w[j * n + j] = 2 + 1.5 * rng.nextDouble();
            if (j > 0) {
                w[(j - 1) * n + j] = 0.2 + 0.4 * rng.nextDouble();
            }
            double sum = 0;
            for (int mu = 0; mu < p; mu++) {
                sum += w[mu * n + j];
            }
            for (int mu = 0; mu < p; mu++) {
                w[mu * n + j] *= target / sum;
            }
        }
        return w;
    }

    /** Column j of row-major P x n weights. */
    public static double[] column(double[] w, int p, int n, int j) {
        double[] c = new double[p];
        for (int mu = 0; mu < p; mu++) {
            c[mu] = w[mu * n + j];
        }
        return c;
    }

    /** {@code u = sum_mu weights_mu xi_mu}. */
    public static double[] input(PatternSet xi, double[] weights) {
        double[] u = new double[xi.n()];
        xi.combine(weights, u);
        return u;
    }
}
