package engram.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

/**
 * The interval core against exact or 60-digit references (BigDecimal): every enclosure holds the exact value, at
 * random points and at the hard ones (near 0, near saturation, huge arguments, subnormals), and is no more than a few
 * ulps wide. Matrix products are checked against exact BigDecimal products of members of the interval operands, and
 * the eigenvalue bounds against a dense eigensolver.
 */
class IntervalTest {

    private static final MathContext MC = new MathContext(60);

    static boolean holds(Interval x, BigDecimal exact) {
        boolean above = x.lo() == Double.NEGATIVE_INFINITY || new BigDecimal(x.lo()).compareTo(exact) <= 0;
        boolean below = x.hi() == Double.POSITIVE_INFINITY || exact.compareTo(new BigDecimal(x.hi())) <= 0;
        return above && below;
    }

    /** exp(x) to 60 digits: argument halved until small, Taylor series, squared back. */
    static BigDecimal exp(double x) {
        BigDecimal y = new BigDecimal(x);
        int halvings = 0;
        while (y.abs().compareTo(BigDecimal.valueOf(0.01)) > 0) {
            y = y.divide(BigDecimal.valueOf(2), MC);
            halvings++;
        }
        BigDecimal term = BigDecimal.ONE, sum = BigDecimal.ONE;
        for (int k = 1; k < 40; k++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        for (int k = 0; k < halvings; k++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    static BigDecimal tanh(double x) {
        if (Math.abs(x) < 1e-20) {
            return new BigDecimal(x); // tanh x = x - x^3/3: the cube is below 1e-60 relative
        }
        BigDecimal e = exp(2 * x);
        return e.subtract(BigDecimal.ONE).divide(e.add(BigDecimal.ONE), MC);
    }

    static double[] hardPoints() {
        return new double[] {0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, 1e-20, -1e-10, 1e-5, 0x1p-8, 0.1, -0.5, 1,
            2.5, -7, 18.9, 19, 19.1, -20, 22, 40, -300, 700};
    }

    @Test
    void arithmeticEnclosesTheExactResult() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < 20_000; k++) {
            double a = draw(rng), b = draw(rng);
            BigDecimal x = new BigDecimal(a), y = new BigDecimal(b);
            Interval ia = Interval.of(a), ib = Interval.of(b);
            assertThat(holds(ia.add(ib), x.add(y))).as(a + " + " + b).isTrue();
            assertThat(holds(ia.sub(ib), x.subtract(y))).as(a + " - " + b).isTrue();
            assertThat(holds(ia.mul(ib), x.multiply(y))).as(a + " * " + b).isTrue();
            if (b != 0) {
                assertThat(holds(ia.div(ib), x.divide(y, MC))).as(a + " / " + b).isTrue();
            }
            if (a >= 0) {
                assertThat(holds(ia.sqrt(), x.sqrt(MC))).as("sqrt " + a).isTrue();
            }
            assertThat(holds(ia.sqr(), x.multiply(x))).as(a + "^2").isTrue();
        }
    }

    /** Mixed magnitudes, signs and subnormals. */
    private static double draw(SplittableRandom rng) {
        double m = rng.nextDouble(-1, 1) * Math.pow(10, rng.nextInt(-310, 300));
        return rng.nextInt(20) == 0 ? Double.MIN_VALUE * rng.nextInt(1, 100) : m;
    }

    @Test
    void intervalOperandsGiveTheRangeOverTheirMembers() {
        Interval a = new Interval(-2, 3), b = new Interval(-1, 0.5);
        Interval p = a.mul(b);
        assertThat(p.lo()).isLessThanOrEqualTo(-3);
        assertThat(p.hi()).isGreaterThanOrEqualTo(2);
        assertThat(new Interval(-2, 3).sqr().lo()).isZero();
        assertThat(new Interval(2, 3).sqr().lo()).isLessThanOrEqualTo(4).isGreaterThan(3.999);
        assertThat(new Interval(-4, -2).sqr().hi()).isGreaterThanOrEqualTo(16);
        assertThat(a.neg()).isEqualTo(new Interval(-3, 2));
        assertThat(a.hull(new Interval(5, 6))).isEqualTo(new Interval(-2, 6));
        assertThat(a.mag()).isEqualTo(3);
        assertThat(a.mig()).isZero();
        assertThat(new Interval(-5, -2).mig()).isEqualTo(2);
        assertThat(new Interval(0, 1).containsInInterior(new Interval(0.1, 0.9))).isTrue();
        assertThat(new Interval(0, 1).containsInInterior(new Interval(0, 0.9))).isFalse();
        assertThat(new Interval(0, 1).containsInInterior(new Interval(0.1, 1))).isFalse();
        assertThatThrownBy(() -> Interval.ONE.div(new Interval(-1, 1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Interval(-2, -1).sqrt()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Interval(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(0, 1).clamp(2, 3)).isInstanceOf(IllegalStateException.class);
        Interval unbounded = new Interval(0, Double.POSITIVE_INFINITY).mul(new Interval(0, 0));
        assertThat(unbounded.lo()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(new Interval(-1, 4).sqrt()).isEqualTo(new Interval(0, Math.nextUp(2.0)));
    }

    @Test
    void expAndTanhEncloseTheExactValuesToAFewUlps() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] points = new double[2000 + hardPoints().length];
        System.arraycopy(hardPoints(), 0, points, 0, hardPoints().length);
        for (int k = hardPoints().length; k < points.length; k++) {
            points[k] = rng.nextDouble(-30, 30) * Math.pow(10, rng.nextInt(-12, 1));
        }
        for (double x : points) {
            Interval t = Interval.of(x).tanh();
            assertThat(holds(t, tanh(x))).as("tanh " + x + " in " + t).isTrue();
            assertThat(t.hi() - t.lo()).isLessThanOrEqualTo(8 * Math.ulp(Math.max(Math.abs(Math.tanh(x)), Double.MIN_NORMAL)));
            if (x <= 700 && x >= -700) {
                Interval e = Interval.of(x).exp();
                assertThat(holds(e, exp(x))).as("exp " + x + " in " + e).isTrue();
                assertThat(e.hi() - e.lo()).isLessThanOrEqualTo(8 * Math.ulp(Math.exp(x)));
            }
        }
        assertThat(Interval.of(1000).exp().hi()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Interval.of(-1000).exp().lo()).isZero();
        assertThat(new Interval(-1e9, 1e9).tanh()).isEqualTo(new Interval(-1, 1));
        Interval wide = new Interval(-0.5, 2).tanh();
        assertThat(holds(wide, tanh(-0.5))).isTrue();
        assertThat(holds(wide, tanh(2))).isTrue();
    }

    @Test
    void productsEncloseEveryMemberProductExactly() {
        SplittableRandom rng = new SplittableRandom(3);
        int m = 7, k = 9, n = 5;
        double[] a = new double[m * k], bm = new double[k * n], br = new double[k * n];
        for (int t = 0; t < a.length; t++) {
            a[t] = rng.nextGaussian() * Math.pow(10, rng.nextInt(-3, 4));
        }
        for (int t = 0; t < bm.length; t++) {
            bm[t] = rng.nextGaussian();
            br[t] = rng.nextInt(3) == 0 ? 0 : 1e-3 * rng.nextDouble();
        }
        IntervalMatrix b = new IntervalMatrix(k, n, bm, br);
        IntervalMatrix left = IntervalMatrix.times(a, m, b);
        IntervalMatrix right = IntervalMatrix.times(new IntervalMatrix(n, k, IntervalMatrix.transpose(bm, k, n),
                IntervalMatrix.transpose(br, k, n)), IntervalMatrix.transpose(a, m, k), m);
        for (int trial = 0; trial < 50; trial++) {
            double[] member = new double[k * n];
            for (int t = 0; t < member.length; t++) {
                member[t] = trial == 0 ? bm[t] : bm[t] + br[t] * rng.nextDouble(-1, 1);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    BigDecimal exact = BigDecimal.ZERO;
                    for (int l = 0; l < k; l++) {
                        exact = exact.add(new BigDecimal(a[i * k + l]).multiply(new BigDecimal(member[l * n + j])));
                    }
                    assertThat(holds(left.get(i, j), exact)).as("(A B)_" + i + j).isTrue();
                    // (B^T A^T)^T = A B: the interval-times-point route
                    assertThat(holds(right.get(j, i), exact)).as("(B^T A^T)_" + j + i).isTrue();
                }
            }
        }
        assertThatThrownBy(() -> IntervalMatrix.times(new double[3], 2, b)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntervalMatrix.times(b, new double[3], 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntervalMatrix(2, 2, new double[4], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IntervalMatrix.gamma(100)).isGreaterThan(100 * 0x1p-53).isLessThan(100.001 * 0x1p-53);
    }

    @Test
    void theRayleighBoundIsBelowTheLargestEigenvalueAndTightAtItsVector() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 12;
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                s[i * n + j] = s[j * n + i] = rng.nextGaussian();
            }
        }
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s, i * n, rows[i], 0, n);
        }
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(rows));
        double top = e.getEigenvalues()[0];
        double[] u = e.getEigenvector(0).toArray();
        double lower = IntervalMatrix.point(n, n, s).rayleighLowerBound(u);
        assertThat(lower).isLessThanOrEqualTo(top).isGreaterThan(top - 1e-9);
        double[] rad = new double[n * n];
        Arrays.fill(rad, 1e-3);
        assertThat(new IntervalMatrix(n, n, s, rad).rayleighLowerBound(u)).isLessThan(lower);
    }

    /** A product of two point matrices: only the a-priori rounding bound makes the enclosure hold the exact product. */
    @Test
    void pointProductsEncloseTheExactProductThroughTheRoundingBound() {
        SplittableRandom rng = new SplittableRandom(6);
        int m = 6, k = 40, n = 5;
        double[] a = new double[m * k], b = new double[k * n];
        for (int t = 0; t < a.length; t++) {
            a[t] = rng.nextGaussian() * Math.pow(10, rng.nextInt(-5, 6));
        }
        for (int t = 0; t < b.length; t++) {
            b[t] = rng.nextGaussian();
        }
        IntervalMatrix c = IntervalMatrix.times(a, m, IntervalMatrix.point(k, n, b));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                BigDecimal exact = BigDecimal.ZERO;
                for (int l = 0; l < k; l++) {
                    exact = exact.add(new BigDecimal(a[i * k + l]).multiply(new BigDecimal(b[l * n + j])));
                }
                assertThat(holds(c.get(i, j), exact)).as("(A B)_" + i + j).isTrue();
                double scale = 0;
                for (int l = 0; l < k; l++) {
                    scale += Math.abs(a[i * k + l] * b[l * n + j]);
                }
                // a bound of the order of gamma_k |A| |B|: tight, not a blanket widening
                assertThat(c.rad()[i * n + j]).isLessThan(1e-12 * scale);
            }
        }
    }

    /** The stated widening, bound by bound, and the small helpers at their boundaries. */
    @Test
    void functionsWidenByExactlyTheStatedUlpsAndHelpersKeepTheirBoundaries() {
        for (double x : new double[] {-3, -0.25, 0.7, 5}) {
            double e = StrictMath.exp(x), t = StrictMath.tanh(x), eUp = e, eDown = e, tUp = t, tDown = t;
            for (int k = 0; k < Interval.FUNCTION_ULPS; k++) {
                eUp = Math.nextUp(eUp);
                eDown = Math.nextDown(eDown);
                tUp = Math.nextUp(tUp);
                tDown = Math.nextDown(tDown);
            }
            assertThat(Interval.of(x).exp()).isEqualTo(new Interval(eDown, eUp));
            assertThat(Interval.of(x).tanh()).isEqualTo(new Interval(tDown, tUp));
        }
        assertThat(new Interval(1, 2).width()).isGreaterThanOrEqualTo(1).isLessThan(1.0000001);
        assertThat(new Interval(-1, 2).toString()).isEqualTo("[-1.0, 2.0]");
        assertThat(new Interval(-1, 2).contains(-1)).isTrue();
        assertThat(new Interval(-1, 2).contains(2)).isTrue();
        assertThat(new Interval(-1, 2).contains(2.5)).isFalse();
        assertThat(new Interval(0, 1).clamp(1, 2)).isEqualTo(new Interval(1, 1));
        assertThat(new Interval(-3, -1).clamp(-5, -3)).isEqualTo(new Interval(-3, -3));
        assertThat(Interval.around(1, 0.5).lo()).isLessThan(0.5);
        assertThat(Interval.around(1, 0.5).hi()).isGreaterThan(1.5);
        // an entry [0 +- 1] (zero midpoint) still contributes its radius
        IntervalMatrix zeroMid = IntervalMatrix.times(new IntervalMatrix(1, 2, new double[] {0, 1}, new double[] {1, 0}),
                new double[] {3, 1}, 1);
        assertThat(zeroMid.get(0, 0).lo()).isLessThanOrEqualTo(-2);
        assertThat(zeroMid.get(0, 0).hi()).isGreaterThanOrEqualTo(4);
        assertThat(IntervalMatrix.point(2, 2, new double[] {1, 0, 0, 1}).rayleighLowerBound(new double[2]))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(IntervalMatrix.point(2, 2, new double[] {2, 0, 0, 1}).rayleighLowerBound(new double[] {1, 0}))
                .isLessThanOrEqualTo(2).isGreaterThan(1.999999);
    }
}
