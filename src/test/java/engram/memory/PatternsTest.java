package engram.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The memory constructions against the properties that define them (theory.md section 2 and the IDP paper): Hadamard
 * patterns are +-1, balanced and mutually orthogonal; balanced common-core memories have activity q, centred versions
 * mutually orthogonal and orthogonal to 1; correlated memories have activity q and pairwise co-activity r; sparse and
 * random memories have the stated entries; Gram-Schmidt rows are orthogonal with norm sqrt(cols); impossible
 * parameters are refused with the rule they break.
 */
class PatternsTest {

    private static double dot(PatternSet x, int a, int b, double shift) {
        double s = 0;
        for (int i = 0; i < x.n(); i++) {
            s += (x.get(i, a) - shift) * (x.get(i, b) - shift);
        }
        return s;
    }

    @Test
    void hadamardPatternsAreBalancedOrthogonalSigns() {
        for (int n : new int[] {2, 8, 64}) {
            PatternSet h = Patterns.hadamard(n, n - 1);
            for (int a = 0; a < n - 1; a++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    assertThat(Math.abs(h.get(i, a))).isEqualTo(1.0);
                    sum += h.get(i, a);
                }
                assertThat(sum).as("balanced").isZero();
                for (int b = 0; b < n - 1; b++) {
                    assertThat(dot(h, a, b, 0)).isEqualTo(a == b ? n : 0);
                }
            }
        }
        assertThatThrownBy(() -> Patterns.hadamard(12, 3)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> Patterns.hadamard(8, 8)).hasMessageContaining("p <= n-1");
        assertThatThrownBy(() -> Patterns.hadamard(8, 0)).hasMessageContaining("1 <= p");
    }

    @Test
    void balancedMemoriesHaveActivityQAndOrthogonalCentredVersions() {
        for (double[] nq : new double[][] {{100, 0.2}, {400, 0.25}, {36, 1.0 / 3}}) {
            int n = (int) nq[0];
            double q = nq[1];
            PatternSet x = Patterns.commonCore(n, q);
            assertThat(x.p()).isEqualTo((int) Math.floor(1 + 1 / q));
            for (int a = 0; a < x.p(); a++) {
                assertThat(dot(x, a, a, 0)).as("active units").isCloseTo(q * n, within(1e-9));
                double centredSum = 0;
                for (int i = 0; i < n; i++) {
                    centredSum += x.get(i, a) - q;
                }
                assertThat(centredSum).as("orthogonal to 1").isCloseTo(0, within(1e-9));
                for (int b = 0; b < a; b++) {
                    assertThat(dot(x, a, b, q)).as("centred memories orthogonal").isCloseTo(0, within(1e-9));
                }
            }
        }
        assertThatThrownBy(() -> Patterns.commonCore(99, 0.2)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Patterns.commonCore(100, 0)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> Patterns.commonCore(100, 1)).hasMessageContaining("(0, 1)");
    }

    @Test
    void correlatedMemoriesHaveActivityQAndCoActivityR() {
        int n = 200, p = 3;
        double q = 0.2, r = 0.5;
        PatternSet x = Patterns.correlated(n, p, q, r);
        for (int a = 0; a < p; a++) {
            assertThat(dot(x, a, a, 0)).isEqualTo(q * n);
            for (int b = 0; b < a; b++) {
                assertThat(dot(x, a, b, 0)).as("shared active units").isEqualTo(r * q * n);
            }
        }
        assertThatThrownBy(() -> Patterns.correlated(n, p, q, 1)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> Patterns.correlated(n, p, q, -0.1)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> Patterns.correlated(201, p, q, r)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Patterns.correlated(40, 10, q, r)).hasMessageContaining("n >= r q n");
    }

    @Test
    void sparseAndRandomMemoriesHaveTheirEntries() {
        PatternSet s = Patterns.sparse(4000, 2, 0.1, new SplittableRandom(1));
        double active = 0;
        for (int i = 0; i < s.n(); i++) {
            assertThat(s.get(i, 0)).isIn(0.0, 1.0);
            active += s.get(i, 0);
        }
        // binomial(4000, 0.1): mean 400, sd 19; 6 sd
        assertThat(active).isCloseTo(400, within(114.0));
        PatternSet b = Patterns.randomBinary(1000, 2, new SplittableRandom(2));
        double sum = 0;
        for (int i = 0; i < b.n(); i++) {
            assertThat(b.get(i, 1)).isIn(-1.0, 1.0);
            sum += b.get(i, 1);
        }
        assertThat(sum).isCloseTo(0, within(6 * Math.sqrt(1000)));
        assertThatThrownBy(() -> Patterns.sparse(10, 1, 1.5, new SplittableRandom(1))).hasMessageContaining("(0, 1)");
    }

    /** Row a . row b = cols delta_ab for the rows x cols row-major m. */
    private static void rowsAreOrthogonalWithNormSqrtCols(double[] m, int rows, int cols, double tolerance) {
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < rows; b++) {
                double s = 0;
                for (int c = 0; c < cols; c++) {
                    s += m[a * cols + c] * m[b * cols + c];
                }
                assertThat(s).as("rows %d, %d of %d x %d", a, b, rows, cols).isCloseTo(a == b ? cols : 0, within(tolerance));
            }
        }
    }

    @Test
    void gramSchmidtRowsAreOrthogonalWithNormSqrtCols() {
        rowsAreOrthogonalWithNormSqrtCols(Patterns.gramSchmidtRows(5, 12, new SplittableRandom(3)), 5, 12, 1e-9);
        rowsAreOrthogonalWithNormSqrtCols(Patterns.gramSchmidtRows(4, 50, new SplittableRandom(3)), 4, 50, 1e-9);
        // as many rows as columns, and a single row
        rowsAreOrthogonalWithNormSqrtCols(Patterns.gramSchmidtRows(6, 6, new SplittableRandom(2)), 6, 6, 1e-9);
        rowsAreOrthogonalWithNormSqrtCols(Patterns.gramSchmidtRows(1, 4, new SplittableRandom(2)), 1, 4, 1e-12);
        assertThatThrownBy(() -> Patterns.gramSchmidtRows(13, 12, new SplittableRandom(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Patterns.gramSchmidtRows(0, 12, new SplittableRandom(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hadamardColumnsAreTheSylvesterDefinition() {
        PatternSet h = Patterns.hadamard(16, 15);
        for (int i = 0; i < 16; i++) {
            for (int mu = 0; mu < 15; mu++) {
                // H[i][j] = (-1)^popcount(i & j), column j = mu + 1: row 0 is all +1
                double want = Integer.bitCount(i & (mu + 1)) % 2 == 0 ? 1 : -1;
                assertThat(h.get(i, mu)).as("H[%d][%d]", i, mu + 1).isEqualTo(want);
            }
        }
        assertThat(Patterns.hadamard(2, 1).pattern(0)).containsExactly(1, -1);
    }

    @Test
    void constructionsRefuseWhatTheyCannotBuildWithTheRuleBroken() {
        // q = 1/4 needs 16 | N; a q outside (0, 1) is refused before any count
        assertThat(Patterns.commonCore(16, 0.25).p()).isEqualTo(5);
        assertThatThrownBy(() -> Patterns.commonCore(24, 0.25)).hasMessageContaining("q^2 N");
        // correlated: r q N and (1 - r) q N each whole, then the memories must fit
        assertThatThrownBy(() -> Patterns.correlated(10, 2, 0.25, 0.4)).hasMessageContaining("(1 - r) q N");
        assertThatThrownBy(() -> Patterns.correlated(10, 2, 0.25, 0.6)).hasMessageContaining("need r q N");
        assertThatThrownBy(() -> Patterns.correlated(10, 2, 0, 0.5)).hasMessageContaining("activity q");
        PatternSet fits = Patterns.correlated(16, 5, 0.25, 0.25);        // 1 + 5 * 3 = 16 units exactly
        assertThat(fits.p()).isEqualTo(5);
        assertThatThrownBy(() -> Patterns.correlated(16, 6, 0.25, 0.25)).hasMessageContaining("n >= r q n");
        PatternSet single = Patterns.correlated(4, 3, 0.5, 0.5);           // one own unit per memory
        for (int mu = 0; mu < 3; mu++) {
            assertThat(single.activity(mu)).isEqualTo(0.5);
        }
        PatternSet independent = Patterns.correlated(20, 4, 0.25, 0);      // r = 0: disjoint memories
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                assertThat(dot(independent, a, b, 0)).isZero();
            }
        }
    }
}
