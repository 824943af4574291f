package engram.analysis;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Spectra of random Gram (Wishart) matrices: the non-zero eigenvalues of {@code Y Y^T / scale} for a p x n matrix Y of
 * iid standardised entries (Gaussian or Rademacher +-1), computed from the smaller of the two Gram matrices
 * ({@code Y Y^T} or {@code Y^T Y}, which share their non-zero eigenvalues) by Hipparchus' symmetric eigensolver
 * without eigenvectors.
 */
public final class RandomMatrices {

    private RandomMatrices() {
    }

    /** The entry distribution, both zero-mean with unit variance. */
    public enum Entries {
        GAUSSIAN("gaussian"), RADEMACHER("rademacher");

        private final String cliName;

        Entries(String cliName) {
            this.cliName = cliName;
        }

        /** {@code E[Y^4]} of one standardised entry: 3 for Gaussian entries, 1 for Rademacher ones. */
        public double fourthMoment() {
            return this == GAUSSIAN ? 3 : 1;
        }

        public double draw(RandomGenerator rng) {
            return this == GAUSSIAN ? rng.nextGaussian() : rng.nextBoolean() ? 1 : -1;
        }

        @Override public String toString() {
            return cliName;
        }
    }

    /** A p x n matrix of iid entries, row-major. */
    public static double[] sample(int p, int n, Entries entries, RandomGenerator rng) {
        double[] y = new double[p * n];
        for (int k = 0; k < y.length; k++) {
            y[k] = entries.draw(rng);
        }
        return y;
    }

    /** The min(p, n) eigenvalues of {@code Y Y^T / scale} that may be non-zero, ascending. */
    public static double[] gramEigenvalues(double[] y, int p, int n, double scale) {
        int m = Math.min(p, n);
        double[] g = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double s = 0;
                if (p <= n) {
                    for (int j = 0; j < n; j++) {
                        s += y[a * n + j] * y[b * n + j];
                    }
                } else {
                    for (int i = 0; i < p; i++) {
                        s += y[i * n + a] * y[i * n + b];
                    }
                }
                g[a * m + b] = s / scale;
                g[b * m + a] = s / scale;
            }
        }
        double[] ev = new EigenDecompositionSymmetric(Spectra.matrix(m, g), 1e-12, false).getEigenvalues();
        Arrays.sort(ev);
        return ev;
    }

    /** The non-zero eigenvalues of the Wishart matrix {@code Y Y^T / n} (ratio c = p / n), ascending. */
    public static double[] wishart(int p, int n, Entries entries, RandomGenerator rng) {
        return gramEigenvalues(sample(p, n, entries, rng), p, n, n);
    }
}
