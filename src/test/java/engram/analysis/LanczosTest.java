package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Lanczos with full reorthogonalisation: Ritz values interlace the spectrum (every one within [lambda_min,
 * lambda_max]) and the extreme ones converge. A deep-seed run of spectrum.hyperbolicity found a Ritz value at 0 for a
 * positive definite Wishart matrix after 120 steps: the reorthogonalisation ran two passes per basis vector instead of
 * two sweeps over the basis, and orthogonality decayed like the three-term recurrence.
 */
class LanczosTest {

    @Test
    void ritzValuesStayInsideTheSpectrumAndFindBothEdgesAfterManySteps() {
        for (int m : new int[] {300, 584}) {
            SplittableRandom rng = new SplittableRandom(m);
            int n = 2 * m + 100;
            double[][] x = new double[m][n];
            for (double[] row : x) {
                for (int k = 0; k < n; k++) {
                    row[k] = rng.nextGaussian();
                }
            }
            double[] g = new double[m * m];
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += x[i][k] * x[j][k];
                    }
                    g[i * m + j] = g[j * m + i] = s / m;
                }
            }
            double[] all = Spectra.symmetricEigenvalues(m, g.clone());
            double top = all[0], bottom = all[m - 1];
            double[] ritz = Lanczos.ritzValues(m, 150, 3, (v, out) -> {
                for (int i = 0; i < m; i++) {
                    double s = 0;
                    for (int j = 0; j < m; j++) {
                        s += g[i * m + j] * v[j];
                    }
                    out[i] = s;
                }
            });
            for (double r : ritz) {
                assertThat(r).as("a Ritz value, m = " + m).isBetween(bottom - 1e-10, top + 1e-10);
            }
            assertThat(ritz[0]).isCloseTo(top, within(1e-9 * top));
            assertThat(ritz[ritz.length - 1]).as("smallest, m = " + m).isCloseTo(bottom, within(1e-6));
        }
    }
}
