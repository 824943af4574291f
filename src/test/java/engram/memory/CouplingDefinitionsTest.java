package engram.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.claim.cases.Vectors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The coupling and pattern types against their definitions written as plain loops, on real-valued (not +-1) data so
 * that a product with an entry is never its quotient: {@code Xi w} and {@code Xi^T v}, the dense matrix's symmetry
 * test (an asymmetry anywhere, the last pair included), its random constructions (symmetric or not, the variance
 * scale^2 / n, the antisymmetric part {@code (G - G^T)/2} drawn as {@link DenseCouplings#randomGeneral} draws G), and the
 * low-rank {@code s F diag(d) F^T} with its diagonal, its block product and its weighted Hebbian form.
 */
class CouplingDefinitionsTest {

    @Test
    void patternSetsCombineAndProjectAsXiWAndXiTransposeV() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 7, p = 3;
        double[] data = Vectors.gaussian(n * p, 1, rng);
        PatternSet xi = new PatternSet(n, p, data, "gaussian");
        assertThat(xi.kind()).isEqualTo("gaussian");
        double[] w = Vectors.gaussian(p, 1, rng), v = Vectors.gaussian(n, 1, rng);
        double[] combined = {9, 9, 9, 9, 9, 9, 9}, projected = {9, 9, 9};
        xi.combine(w, combined);
        xi.projectOnto(v, projected);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int mu = 0; mu < p; mu++) {
                s += data[i * p + mu] * w[mu];
            }
            assertThat(combined[i]).isCloseTo(s, within(1e-14));
        }
        for (int mu = 0; mu < p; mu++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += data[i * p + mu] * v[i];
            }
            assertThat(projected[mu]).as("previous contents are overwritten").isCloseTo(s, within(1e-14));
        }
        assertThat(new PatternSet(1, 1, new double[] {1}, "one").p()).isEqualTo(1);
        assertThatThrownBy(() -> new PatternSet(0, 1, new double[0], "x")).hasMessageContaining("n >= 1");
        assertThatThrownBy(() -> new PatternSet(1, 0, new double[0], "x")).hasMessageContaining("p >= 1");
        assertThatThrownBy(() -> new PatternSet(2, 3, new double[5], "x")).hasMessageContaining("expected 6");
    }

    @Test
    void denseSymmetryIsExactAndSeesTheLastPair() {
        int n = 4;
        double[] sym = new double[n * n];
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                sym[i * n + j] = sym[j * n + i] = rng.nextGaussian();
            }
        }
        assertThat(new DenseCouplings(n, sym).symmetric()).isTrue();
        for (int[] pair : new int[][] {{0, 1}, {2, 3}, {0, 3}}) {
            double[] a = sym.clone();
            a[pair[0] * n + pair[1]] += 1e-15;
            assertThat(new DenseCouplings(n, a).symmetric()).as("asymmetric at %d,%d", pair[0], pair[1]).isFalse();
        }
        double[] general = Vectors.gaussian(n * n, 1, rng);
        DenseCouplings g = new DenseCouplings(n, general);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(g.entry(i, j)).isEqualTo(general[i * n + j]);
            }
        }
        assertThat(new DenseCouplings(1, new double[] {2}).symmetric()).isTrue();
        assertThatThrownBy(() -> new DenseCouplings(3, new double[8])).hasMessageContaining("n*n");
    }

    /** Sample variance of the strict upper triangle (or all entries) against scale^2 / n: 5 standard errors. */
    private static void varianceIs(double[] w, int n, double scale, boolean upperOnly) {
        double sum = 0, sq = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = upperOnly ? i + 1 : 0; j < n; j++) {
                sum += w[i * n + j];
                sq += w[i * n + j] * w[i * n + j];
                count++;
            }
        }
        double var = sq / count - (sum / count) * (sum / count), want = scale * scale / n;
        assertThat(var).isCloseTo(want, within(5 * want * Math.sqrt(2.0 / count)));
    }

    @Test
    void randomMatricesHaveTheirSymmetryDiagonalAndVariance() {
        int n = 150;
        double scale = 2.5;
        DenseCouplings zero = DenseCouplings.randomSymmetric(n, scale, true, new SplittableRandom(5));
        DenseCouplings full = DenseCouplings.randomSymmetric(n, scale, false, new SplittableRandom(5));
        assertThat(zero.symmetric()).isTrue();
        assertThat(full.symmetric()).isTrue();
        double diagonal = 0;
        for (int i = 0; i < n; i++) {
            assertThat(zero.entry(i, i)).isZero();
            diagonal += full.entry(i, i) * full.entry(i, i);
        }
        assertThat(diagonal / n).as("a drawn diagonal").isCloseTo(scale * scale / n, within(5 * scale * scale / n * Math.sqrt(2.0 / n)));
        varianceIs(zero.toDense(), n, scale, true);
        varianceIs(full.toDense(), n, scale, true);
        DenseCouplings general = DenseCouplings.randomGeneral(n, scale, new SplittableRandom(6));
        assertThat(general.symmetric()).isFalse();
        varianceIs(general.toDense(), n, scale, false);

        // W + (G - G^T) / 2 with G drawn exactly as randomGeneral draws it from the same stream
        int m = 6;
        DenseCouplings base = DenseCouplings.randomSymmetric(m, 1, false, new SplittableRandom(7));
        DenseCouplings mixed = DenseCouplings.withAntisymmetricPart(base, 0.8, new SplittableRandom(8));
        DenseCouplings g = DenseCouplings.randomGeneral(m, 0.8, new SplittableRandom(8));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double want = base.entry(i, j) + 0.5 * (g.entry(i, j) - g.entry(j, i));
                assertThat(mixed.entry(i, j)).isCloseTo(want, within(1e-15));
            }
        }
        assertThat(mixed.symmetric()).isFalse();
    }

    @Test
    void lowRankCouplingsAreSFDFTransposeWithTheirDiagonalAndBlocks() {
        SplittableRandom rng = new SplittableRandom(9);
        int n = 9, r = 3, k = 5;
        double[] f = Vectors.gaussian(n * r, 1, rng), d = {1.7, -0.4, 2.2};
        double s = 0.3;
        for (boolean zeroDiagonal : new boolean[] {false, true}) {
            LowRankCouplings w = new LowRankCouplings(n, r, f, d, s, zeroDiagonal);
            assertThat(w.symmetric()).isTrue();
            double[][] dense = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double e = 0;
                    for (int q = 0; q < r; q++) {
                        e += f[i * r + q] * d[q] * f[j * r + q];
                    }
                    dense[i][j] = zeroDiagonal && i == j ? 0 : s * e;
                    assertThat(w.entry(i, j)).isCloseTo(dense[i][j], within(1e-13));
                }
            }
            double[] x = Vectors.gaussian(n * k, 1, rng), out = new double[n * k], v = Vectors.gaussian(n, 1, rng), wv = new double[n];
            w.multiplyBlock(x, k, out);
            w.multiply(v, wv);
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int j = 0; j < n; j++) {
                    e += dense[i][j] * v[j];
                }
                assertThat(wv[i]).as("zero diagonal %s row %d", zeroDiagonal, i).isCloseTo(e, within(1e-12));
                for (int c = 0; c < k; c++) {
                    double b = 0;
                    for (int j = 0; j < n; j++) {
                        b += dense[i][j] * x[j * k + c];
                    }
                    assertThat(out[i * k + c]).as("block entry %d,%d", i, c).isCloseTo(b, within(1e-12));
                }
            }
            // a second, smaller block reuses the scratch space
            double[] small = Vectors.gaussian(n * 2, 1, rng), smallOut = new double[n * 2];
            w.multiplyBlock(small, 2, smallOut);
            for (int i = 0; i < n; i++) {
                double b = 0;
                for (int j = 0; j < n; j++) {
                    b += dense[i][j] * small[j * 2 + 1];
                }
                assertThat(smallOut[i * 2 + 1]).isCloseTo(b, within(1e-12));
            }
        }
        PatternSet xi = new PatternSet(n, r, f, "gaussian");
        LowRankCouplings weighted = LowRankCouplings.weighted(xi, d, false);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = 0;
                for (int q = 0; q < r; q++) {
                    e += f[i * r + q] * d[q] * f[j * r + q];
                }
                assertThat(weighted.entry(i, j)).isCloseTo(e / n, within(1e-14));
            }
        }
        assertThat(new LowRankCouplings(1, 1, new double[] {2}, new double[] {3}, 0.5, false).entry(0, 0)).isEqualTo(6.0);
        assertThatThrownBy(() -> new LowRankCouplings(0, 1, new double[0], new double[1], 1, false))
                .hasMessageContaining("n*r factor");
        assertThatThrownBy(() -> new LowRankCouplings(2, 0, new double[0], new double[0], 1, false))
                .hasMessageContaining("n*r factor");
    }

    @Test
    void memoryKindsPrintAsTheirCommandLineNames() {
        assertThat(MemoryKind.HADAMARD).hasToString("hadamard");
        assertThat(MemoryKind.CORRELATED).hasToString("correlated");
        assertThat(String.valueOf(MemoryKind.BALANCED)).isEqualTo("balanced");
    }
}
