package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The allocation-free small eigensolver against Hipparchus' decomposition. */
class SmallSymmetricTest {

    @Test
    void theLargestEigenvalueMatchesHipparchus() {
        SplittableRandom rng = new SplittableRandom(5);
        SmallSymmetric.Workspace w = new SmallSymmetric.Workspace(12);
        for (int trial = 0; trial < 2000; trial++) {
            int m = 1 + trial % 12;
            double[] a = new double[m * m];
            double scale = Math.pow(10, rng.nextInt(-3, 4));
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double v = scale * rng.nextGaussian();
                    // some matrices with repeated eigenvalues and zero blocks
                    if (trial % 7 == 0 && i != j) {
                        v = 0;
                    }
                    a[i * m + j] = v;
                    a[j * m + i] = v;
                }
            }
            double expected = new EigenDecompositionSymmetric(Spectra.matrix(m, a)).getEigenvalues()[0];
            assertThat(SmallSymmetric.largestEigenvalue(m, a, w)).as("m %d trial %d", m, trial)
                    .isCloseTo(expected, within(1e-13 * scale * m));
        }
    }

    @Test
    void theSandwichFormMatchesTheSquareRootRouteIncludingSingularS() {
        SplittableRandom rng = new SplittableRandom(6);
        SmallSymmetric.Workspace w = new SmallSymmetric.Workspace(9);
        for (int trial = 0; trial < 1000; trial++) {
            int m = 1 + trial % 9, rank = trial % 3 == 0 ? Math.max(1, m / 2) : m;
            double[] f = new double[rank * m];
            for (int k = 0; k < f.length; k++) {
                f[k] = rng.nextGaussian();
            }
            double[] s = new double[m * m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    for (int r = 0; r < rank; r++) {
                        s[a * m + b] += f[r * m + a] * f[r * m + b];
                    }
                }
            }
            double[] g = new double[m];
            for (int a = 0; a < m; a++) {
                g[a] = rng.nextGaussian();
            }
            if (trial % 2 == 0) {
                // only the upper triangle is read: the strict lower one may hold anything
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < a; b++) {
                        s[a * m + b] = Double.NaN;
                    }
                }
            }
            double expected = maxSandwichEigenvalueBySquareRoot(m, s, g, 3.0);
            double got = SmallSymmetric.largestSandwichEigenvalue(m, s, g, 3.0, w);
            // rank-deficient S: the largest eigenvalue may be the zero of the null space in either route
            assertThat(got).as("m %d rank %d", m, rank).isCloseTo(expected, within(1e-10 * (1 + Math.abs(expected))));
            // Spectra's entry point is this solver with a fresh workspace
            assertThat(Spectra.maxSandwichEigenvalue(m, s, g, 3.0)).isEqualTo(got);
        }
    }

    /**
     * Matrices already tridiagonal up to a tiny entry below the subdiagonal, with the subdiagonal entry of either sign:
     * the Householder vector x - alpha e1 must take alpha of the sign opposite to x0, or it cancels to zero and the
     * reflection no longer maps x onto alpha e1 (an error of the tiny entry's size in the eigenvalues).
     */
    @Test
    void nearlyTridiagonalMatricesKeepFullAccuracy() {
        SmallSymmetric.Workspace w = new SmallSymmetric.Workspace(4);
        for (double sub : new double[] {1, -1, 0.3, -2}) {
            for (double tiny : new double[] {1e-9, -3e-8}) {
                double[] a = {2, sub, tiny, 0, sub, -1, 0.5, tiny, tiny, 0.5, 3, sub, 0, tiny, sub, 1};
                double[] ev = new EigenDecompositionSymmetric(Spectra.matrix(4, a)).getEigenvalues();
                assertThat(SmallSymmetric.largestEigenvalue(4, a, w)).as("sub %s tiny %s", sub, tiny)
                        .isCloseTo(ev[0], within(1e-13));
                // the full spectrum through the Sturm count: exactly k eigenvalues below each midpoint
                double[] copy = a.clone(), d = new double[4], e = new double[4], v = new double[4];
                SmallSymmetric.tridiagonalise(4, copy, d, e, v);
                for (int k = 0; k < 4; k++) {
                    assertThat(SmallSymmetric.countBelow(4, d, e, ev[k] + 1e-9)).isEqualTo(4 - k);
                    assertThat(SmallSymmetric.countBelow(4, d, e, ev[k] - 1e-9)).isEqualTo(3 - k);
                }
            }
        }
        // a diagonal matrix: every reflection is skipped, the largest entry is the answer
        double[] diag = {1, 0, 0, 0, 0, 4, 0, 0, 0, 0, -2, 0, 0, 0, 0, 3};
        assertThat(SmallSymmetric.largestEigenvalue(4, diag, w)).isCloseTo(4, within(1e-15));
    }

    /**
     * The reference: {@code S^1/2 diag(g) S^1/2 / scale} through S's eigendecomposition and square root (Hipparchus),
     * symmetrised from S's upper triangle, largest eigenvalue by the dense symmetric solver.
     */
    private static double maxSandwichEigenvalueBySquareRoot(int m, double[] s, double[] g, double scale) {
        double[] sym = s.clone();
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < a; b++) {
                sym[a * m + b] = sym[b * m + a];
            }
        }
        EigenDecompositionSymmetric es = new EigenDecompositionSymmetric(Spectra.matrix(m, sym));
        RealMatrix v = es.getV();
        double[] lam = es.getEigenvalues();
        double[] root = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    sum += v.getEntry(a, k) * Math.sqrt(Math.max(lam[k], 0)) * v.getEntry(b, k);
                }
                root[a * m + b] = sum;
            }
        }
        double[] kmat = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    sum += root[a * m + k] * g[k] * root[k * m + b];
                }
                kmat[a * m + b] = sum / scale;
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < a; b++) {
                double mean = 0.5 * (kmat[a * m + b] + kmat[b * m + a]);
                kmat[a * m + b] = mean;
                kmat[b * m + a] = mean;
            }
        }
        return Spectra.symmetricEigenvalues(m, kmat)[0];
    }

}
