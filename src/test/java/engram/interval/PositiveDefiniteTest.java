package engram.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The verified Cholesky test: it proves what is positive definite with room to spare, refuses what is not, and the
 * two parts of its shift each matter: an exactly indefinite matrix that the plain floating-point factorisation
 * accepts (the rounding shift) and an interval matrix whose midpoint is definite but one member is not (the radius).
 */
class PositiveDefiniteTest {

    @Test
    void aWellConditionedMatrixIsProvenAndItsNegativeIsNot() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 30;
        double[] x = new double[n * n], a = new double[n * n];
        for (int t = 0; t < x.length; t++) {
            x[t] = rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    s += x[i * n + k] * x[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        assertThat(PositiveDefinite.proves(IntervalMatrix.point(n, n, a))).isTrue();
        double[] neg = a.clone();
        for (int t = 0; t < neg.length; t++) {
            neg[t] = -neg[t];
        }
        assertThat(PositiveDefinite.proves(IntervalMatrix.point(n, n, neg))).isFalse();
        assertThatThrownBy(() -> PositiveDefinite.proves(IntervalMatrix.point(2, 3, new double[6])))
                .hasMessageContaining("square");
    }

    /**
     * det = a11 a22 - a21^2 < 0 exactly (BigDecimal), yet the floating-point factorisation runs to completion (its
     * rounding of a21 / sqrt(a11) lands on the wrong side): only the shift c of Rump's theorem refuses it. Found by a
     * search over random 2 x 2 matrices with a22 within one ulp of a21^2 / a11.
     */
    @Test
    void anExactlyIndefiniteMatrixThatThePlainFactorisationAcceptsIsRefused() {
        double a11 = 2.3078961994741753, a21 = -0.6659300217188979, a22 = 0.19215023358830832;
        BigDecimal det = new BigDecimal(a11).multiply(new BigDecimal(a22)).subtract(new BigDecimal(a21).multiply(
                new BigDecimal(a21)));
        assertThat(det.signum()).isNegative();
        double[] m = {a11, a21, a21, a22};
        assertThat(PositiveDefinite.choleskySucceeds(m.clone(), 2)).isTrue();
        assertThat(PositiveDefinite.proves(IntervalMatrix.point(2, 2, m))).isFalse();
    }

    /** mid = I, off-diagonal radius rho / (n - 1): the member with every off-diagonal -rho / (n - 1) has 1 - rho. */
    @Test
    void theRadiusDecidesWhenTheMidpointIsDefinite() {
        int n = 20;
        double[] mid = new double[n * n];
        for (int i = 0; i < n; i++) {
            mid[i * n + i] = 1;
        }
        for (double rho : new double[] {0.9, 1.01}) {
            double[] rad = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    rad[i * n + j] = i == j ? 0 : rho / (n - 1);
                }
            }
            assertThat(PositiveDefinite.proves(new IntervalMatrix(n, n, mid, rad))).as("rho " + rho).isEqualTo(rho < 1);
        }
        // a diagonal entry that may be 0 or below is never proven
        double[] rad = new double[n * n];
        rad[0] = 1;
        assertThat(PositiveDefinite.proves(new IntervalMatrix(n, n, mid, rad))).isFalse();
    }

    /** Only the symmetric members count: A and A^T are joined, so a non-symmetric midpoint is judged by the hull. */
    @Test
    void aNonSymmetricMidpointIsJudgedByTheHullOfAAndItsTranspose() {
        double[] m = {2, 1.9, 0, 2}; // the hull holds [[2, 1.9], [1.9, 2]] (definite) and [[2, 0], [0, 2]]
        assertThat(PositiveDefinite.proves(IntervalMatrix.point(2, 2, m))).isTrue();
        double[] bad = {1, 1.5, 0, 1}; // the hull holds [[1, 1.5], [1.5, 1]], indefinite
        assertThat(PositiveDefinite.proves(IntervalMatrix.point(2, 2, bad))).isFalse();
    }
}
