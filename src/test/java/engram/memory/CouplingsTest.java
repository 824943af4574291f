package engram.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CouplingsTest {

    @Test
    void lowRankProductEqualsDenseProductWithAndWithoutDiagonal() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(60), p = 1 + rng.nextInt(8);
            PatternSet xi = Patterns.randomBinary(n, p, rng);
            for (boolean zero : new boolean[] {false, true}) {
                LowRankCouplings low = LowRankCouplings.hebbian(xi, zero);
                DenseCouplings dense = new DenseCouplings(n, low.toDense());
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rng.nextGaussian();
                }
                double[] a = new double[n], b = new double[n];
                low.multiply(v, a);
                dense.multiply(v, b);
                for (int i = 0; i < n; i++) {
                    assertThat(a[i]).isCloseTo(b[i], within(1e-12));
                }
                for (int i = 0; i < n; i++) {
                    double expected = 0;
                    for (int mu = 0; mu < p; mu++) {
                        expected += xi.get(i, mu) * xi.get(i, mu);
                    }
                    assertThat(low.entry(i, i)).isEqualTo(zero ? 0 : expected / n);
                }
                assertThat(dense.symmetric()).isTrue();
            }
        }
    }

    @Test
    void hadamardPatternsAreOrthogonalAndBalanced() {
        PatternSet h = Patterns.hadamard(64, 10);
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                double dot = 0;
                for (int i = 0; i < 64; i++) {
                    dot += h.get(i, a) * h.get(i, b);
                }
                assertThat(dot).isEqualTo(a == b ? 64 : 0);
            }
        }
    }

    @Test
    void commonCoreHasActivityQOverlapQSquaredAndOrthogonalCentredPatterns() {
        int n = 1000;
        double q = 0.2;
        PatternSet xi = Patterns.commonCore(n, q);
        assertThat(xi.p()).isEqualTo(6);
        for (int a = 0; a < xi.p(); a++) {
            assertThat(xi.activity(a)).isCloseTo(q, within(1e-12));
            double sumCentred = 0;
            for (int i = 0; i < n; i++) {
                sumCentred += xi.get(i, a) - q;
            }
            assertThat(sumCentred).isCloseTo(0, within(1e-9));
            for (int b = a + 1; b < xi.p(); b++) {
                double overlap = 0, centred = 0;
                for (int i = 0; i < n; i++) {
                    overlap += xi.get(i, a) * xi.get(i, b);
                    centred += (xi.get(i, a) - q) * (xi.get(i, b) - q);
                }
                assertThat(overlap).isEqualTo(q * q * n, within(1e-9));
                assertThat(centred).isCloseTo(0, within(1e-9));
            }
        }
    }
}
