package engram.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each activation's derivative, integral and inverse agree with its value (finite differences, quadrature). */
class ActivationTest {

    private static final List<Activation> ALL = List.of(new Tanh(1.7), new Logistic(2.3, 0.2),
            new RectifiedTanh(3.1, 0.3), new ThresholdLinear(1.5, -0.2), new Tanh(0.4), new Logistic(0.5, 0.0),
            new Algebraic(2.2), new Algebraic(0.6));

    @Test
    void derivativeMatchesCentralDifferences() {
        for (Activation a : ALL) {
            for (double x = -3; x <= 3; x += 0.137) {
                double h = 1e-6;
                double fd = (a.value(x + h) - a.value(x - h)) / (2 * h);
                assertThat(a.derivative(x)).as(a + " at " + x).isCloseTo(fd, within(1e-6));
            }
        }
    }

    @Test
    void integralMatchesSimpsonQuadrature() {
        for (Activation a : ALL) {
            double kink = a instanceof RectifiedTanh r ? r.threshold() : a instanceof ThresholdLinear t ? t.threshold() : 0;
            for (double x = -3; x <= 3; x += 0.41) {
                boolean split = kink != 0 && Math.min(0, x) < kink && kink < Math.max(0, x);
                double s = split ? simpson(a, 0, kink) + simpson(a, kink, x) : simpson(a, 0, x);
                assertThat(a.integral(x)).as(a + " integral to " + x).isCloseTo(s, within(1e-9));
            }
        }
    }

    /** Composite Simpson on [from, to] (the integrand must be smooth there). */
    private static double simpson(Activation a, double from, double to) {
        int m = 2000;
        double s = 0;
        for (int k = 0; k < m; k++) {
            double lo = from + (to - from) * k / m, hi = from + (to - from) * (k + 1) / m;
            s += (hi - lo) / 6 * (a.value(lo) + 4 * a.value(0.5 * (lo + hi)) + a.value(hi));
        }
        return s;
    }

    @Test
    void inverseInvertsOnTheOpenRange() {
        for (Activation a : ALL) {
            double lo = a.rangeMin(), hi = Math.min(a.rangeMax(), 5);
            for (int k = 1; k < 50; k++) {
                double y = lo + (hi - lo) * k / 50;
                assertThat(a.value(a.inverse(y))).as(a + " inverse at " + y).isCloseTo(y, within(1e-12));
            }
            assertThatThrownBy(() -> a.inverse(lo)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void lipschitzConstantBoundsTheDerivativeAndIsAttained() {
        for (Activation a : ALL) {
            double max = 0;
            for (double x = -5; x <= 5; x += 1e-3) {
                max = Math.max(max, Math.abs(a.derivative(x)));
            }
            assertThat(max).as(a.toString()).isLessThanOrEqualTo(a.lipschitz() * (1 + 1e-12))
                    .isGreaterThan(a.lipschitz() * 0.999);
        }
    }

    /** sinh (unbounded, convex on (0, inf), the control activation of the IDP claims): the same identities. */
    @Test
    void sinhDerivativeIntegralAndInverse() {
        Sinh a = new Sinh(1.3);
        for (double x = -2; x <= 2; x += 0.173) {
            double h = 1e-6;
            assertThat(a.derivative(x)).isCloseTo((a.value(x + h) - a.value(x - h)) / (2 * h), within(1e-6));
            assertThat(a.integral(x)).isCloseTo(simpson(a, 0, x), within(1e-9));
            assertThat(a.inverse(a.value(x))).isCloseTo(x, within(1e-12));
        }
        assertThat(a.odd()).isTrue();
        assertThat(a.lipschitz()).isInfinite();
    }

    @Test
    void algebraicInverseIntegralIsAPrimitiveOfTheInverse() {
        Algebraic a = new Algebraic(1.7);
        for (double y = -0.9; y < 0.9; y += 0.07) {
            double h = 1e-6;
            assertThat((a.inverseIntegral(y + h) - a.inverseIntegral(y - h)) / (2 * h)).isCloseTo(a.inverse(y), within(1e-6));
        }
    }

    @Test
    void fastTanhMatchesMathTanhAndIsOdd() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < 200_000; k++) {
            double z = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-12, 3));
            double exact = Math.tanh(z);
            assertThat(Math.abs(Tanh.tanh(z) - exact)).as("tanh(" + z + ")").isLessThanOrEqualTo(4e-16);
            assertThat(Math.abs(Tanh.tanh(z) - exact)).isLessThanOrEqualTo(1e-13 * Math.abs(exact));
            assertThat(Tanh.tanh(-z)).isEqualTo(-Tanh.tanh(z));
        }
        assertThat(Tanh.tanh(40)).isEqualTo(1.0);
        assertThat(Tanh.tanh(0.0)).isEqualTo(0.0);
    }

    @Test
    void logisticHasSlopeRhoAtItsMidpoint() {
        Logistic s = new Logistic(2.0, 0.3);
        double mid = 0.3 + 1 / (2 * 2.0);
        assertThat(s.value(mid)).isCloseTo(0.5, within(1e-15));
        assertThat(s.derivative(mid)).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void badParametersNameTheParameterAndRange() {
        assertThatThrownBy(() -> new Tanh(0)).hasMessageContaining("gain").hasMessageContaining("> 0");
        assertThatThrownBy(() -> ActivationKind.parse("softmax")).hasMessageContaining("expected one of [tanh, logistic");
        assertThat(ActivationKind.parse("sigmoid")).isEqualTo(ActivationKind.LOGISTIC);
        assertThat(ActivationKind.parse("rectified-tanh").of(2, 0.1)).isEqualTo(new RectifiedTanh(2, 0.1));
        assertThatThrownBy(() -> new Logistic(-1, 0)).hasMessageContaining("rho");
    }
}
