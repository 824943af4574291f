package engram.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Every activation, at generated gains, thresholds and points, against the definitions its methods claim: the
 * derivative is a one-sided slope of the value (either side, at a kink), the integral's slope is the value and it
 * vanishes at 0, the inverse inverts, the inverse primitive's slope is the inverse, the Lipschitz constant bounds the
 * slopes and is attained, and the shape flags (odd, monotone, invertible, concave on x > 0, bounded, range, name)
 * describe the function as sampled. No expected number is copied from a run.
 */
class ActivationPropertiesTest {

    private static final double H = 1e-6;

    record Sample(ActivationKind kind, Activation f) {
    }

    static List<Sample> samples() {
        SplittableRandom rng = new SplittableRandom(2026);
        List<Sample> out = new ArrayList<>();
        for (ActivationKind k : ActivationKind.values()) {
            for (int r = 0; r < 4; r++) {
                double gain = 0.3 + 4 * rng.nextDouble(), threshold = -0.5 + rng.nextDouble();
                out.add(new Sample(k, k.of(gain, threshold)));
            }
        }
        return out;
    }

    private static double[] points(SplittableRandom rng) {
        double[] x = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = -3 + 6 * rng.nextDouble();
        }
        return x;
    }

    private static boolean matchesASide(double slope, DoubleUnaryOperator g, double x) {
        double left = (g.applyAsDouble(x) - g.applyAsDouble(x - H)) / H;
        double right = (g.applyAsDouble(x + H) - g.applyAsDouble(x)) / H;
        double tol = 1e-4 * (1 + Math.abs(slope));
        return Math.abs(slope - left) <= tol || Math.abs(slope - right) <= tol;
    }

    @Test
    void derivativeAndIntegralAreTheSlopesOfValueAndIntegral() {
        SplittableRandom rng = new SplittableRandom(1);
        List<String> bad = new ArrayList<>();
        for (Sample s : samples()) {
            Activation f = s.f();
            assertThat(f.integral(0)).as(f.name() + " integral(0)").isZero();
            for (double x : points(rng)) {
                if (Double.isFinite(f.lipschitz()) && !matchesASide(f.derivative(x), f::value, x)) {
                    bad.add(f + " derivative at " + x);
                }
                if (!matchesASide(f.value(x), f::integral, x)) {
                    bad.add(f + " integral at " + x);
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void inverseAndItsPrimitiveInvertTheValueOnTheOpenRange() {
        SplittableRandom rng = new SplittableRandom(2);
        List<String> bad = new ArrayList<>();
        for (Sample s : samples()) {
            Activation f = s.f();
            if (!f.invertible()) {
                continue;
            }
            for (double x : points(rng)) {
                double y = f.value(x);
                if (!(y > f.rangeMin() + 1e-6 && y < f.rangeMax() - 1e-6) || f.derivative(x) < 1e-3) {
                    continue;
                }
                if (Math.abs(f.inverse(y) - x) > 1e-6 * (1 + Math.abs(x))) {
                    bad.add(f + " inverse at " + y);
                }
                double g;
                try {
                    g = (f.inverseIntegral(y + 1e-7) - f.inverseIntegral(y - 1e-7)) / 2e-7;
                } catch (UnsupportedOperationException e) {
                    continue; // no energy needs this one's inverse primitive
                }
                if (Math.abs(g - f.inverse(y)) > 1e-4 * (1 + Math.abs(x))) {
                    bad.add(f + " inverseIntegral' at " + y + ": " + g + " against " + f.inverse(y));
                }
            }
            double outside = Double.isFinite(f.rangeMax()) ? f.rangeMax() + 0.5 : Double.NaN;
            if (!Double.isNaN(outside) && hasInversePrimitive(f)) {
                double v = f.inverseIntegral(outside);
                assertThat(v).as(f + ": the inverse primitive is +infinity outside the range").isEqualTo(Double.POSITIVE_INFINITY);
                assertThatThrownBy(() -> f.inverse(outside)).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(bad).isEmpty();
    }

    private static boolean hasInversePrimitive(Activation f) {
        try {
            f.inverseIntegral(0.5 * (Math.max(f.rangeMin(), -1) + Math.min(f.rangeMax(), 1)));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    @Test
    void lipschitzRangeAndShapeFlagsDescribeTheSampledFunction() {
        List<String> bad = new ArrayList<>();
        for (Sample s : samples()) {
            Activation f = s.f();
            double maxSlope = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            boolean odd = true, monotone = true, concave = true;
            double prev = Double.NEGATIVE_INFINITY;
            for (int i = -4000; i <= 4000; i++) {
                double x = i * 1e-3 * 5;
                double v = f.value(x);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                maxSlope = Math.max(maxSlope, Math.abs(f.derivative(x)));
                odd &= Math.abs(f.value(-x) + v) <= 1e-12 * (1 + Math.abs(v));
                monotone &= v >= prev;
                prev = v;
                if (x > 0) {
                    concave &= f.value(x + 1e-3) - 2 * v + f.value(x - 1e-3) <= 1e-12 * (1 + Math.abs(v));
                }
            }
            if (odd != f.odd()) {
                bad.add(f + ": odd() " + f.odd() + ", sampled " + odd);
            }
            if (monotone != f.monotone()) {
                bad.add(f + ": monotone() " + f.monotone() + ", sampled " + monotone);
            }
            if (f.concaveOnPositive() && !concave) {
                bad.add(f + ": concaveOnPositive() " + f.concaveOnPositive() + ", sampled " + concave);
            }
            if (lo < f.rangeMin() - 1e-12 || hi > f.rangeMax() + 1e-12) {
                bad.add(f + ": values [" + lo + ", " + hi + "] outside its range");
            }
            if (f.bounded() != (Double.isFinite(f.rangeMin()) && Double.isFinite(f.rangeMax()))) {
                bad.add(f + ": bounded()");
            }
            if (f.bounded() && (Math.abs(f.value(1e6) - f.rangeMax()) > 1e-9 || Math.abs(f.value(-1e6) - f.rangeMin()) > 1e-9)) {
                bad.add(f + ": its range is not the limit of its values");
            }
            if (Double.isFinite(f.lipschitz()) && (maxSlope > f.lipschitz() * (1 + 1e-12) || maxSlope < 0.99 * f.lipschitz())) {
                bad.add(f + ": lipschitz " + f.lipschitz() + ", largest sampled slope " + maxSlope);
            }
            if (!f.name().equals(s.kind().name().toLowerCase().replace('_', '-'))) {
                bad.add(f + ": name " + f.name());
            }
            assertThat(ActivationKind.parse(f.name())).isEqualTo(s.kind());
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void applyComputesTheValueOnTheGivenEntriesOnly() {
        for (Sample s : samples()) {
            Activation f = s.f();
            double[] in = points(new SplittableRandom(3));
            double[] whole = new double[in.length], part = new double[in.length];
            Arrays.fill(part, 7.0);
            f.apply(in, whole);
            f.apply(in, part, 10, 20);
            for (int i = 0; i < in.length; i++) {
                assertThat(whole[i]).as(f + " apply at " + i).isCloseTo(f.value(in[i]),
                        Assertions.within(1e-15 * (1 + Math.abs(whole[i]))));
                assertThat(part[i]).isCloseTo(i >= 10 && i < 20 ? whole[i] : 7.0,
                        Assertions.within(1e-15 * (1 + Math.abs(whole[i]))));
            }
        }
    }

    @Test
    void nonPositiveOrNonFiniteGainsAreRefused() {
        for (ActivationKind k : ActivationKind.values()) {
            if (k == ActivationKind.SIGN) {
                continue;
            }
            for (double g : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> k.of(g, 0)).as(k + " gain " + g).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
