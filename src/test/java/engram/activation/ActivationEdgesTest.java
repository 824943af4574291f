package engram.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The activations at the edges their definitions name: the ends of the open range (the inverse refuses them, the
 * inverse primitive is continued to them), kinks (derivatives taken from the right, as documented), the flags that
 * the theorems read (invertible, concave on x > 0, the Lipschitz constant of sign), softplus, and the fast tanh
 * against Math.tanh on both sides of its branch points (2^-8 and 19).
 */
class ActivationEdgesTest {

    private static final Set<ActivationKind> CONCAVE_ON_POSITIVE = EnumSet.of(ActivationKind.TANH, ActivationKind.ALGEBRAIC,
            ActivationKind.HARD_TANH);

    @Test
    void theFlagsTheTheoremsReadAreThoseOfTheDefinitions() {
        for (ActivationKind k : ActivationKind.values()) {
            Activation f = k.of(1.7, 0.2);
            assertThat(f.invertible()).as(k + " invertible").isEqualTo(k != ActivationKind.SIGN);
            assertThat(f.concaveOnPositive()).as(k + " concave on x > 0").isEqualTo(CONCAVE_ON_POSITIVE.contains(k));
        }
        assertThat(new Sign().lipschitz()).isInfinite();
    }

    @Test
    void theInverseRefusesTheEndsOfTheRangeAndItsPrimitiveIsContinuedToThem() {
        for (ActivationKind k : ActivationKind.values()) {
            Activation f = k.of(1.7, 0.2);
            if (!f.invertible()) {
                continue;
            }
            for (double end : new double[] {f.rangeMin(), f.rangeMax()}) {
                if (!Double.isFinite(end)) {
                    continue;
                }
                assertThatThrownBy(() -> f.inverse(end)).as(k + " inverse at the range end " + end)
                        .isInstanceOf(IllegalArgumentException.class);
                double atEnd;
                try {
                    atEnd = f.inverseIntegral(end);
                } catch (UnsupportedOperationException e) {
                    continue;
                }
                double inside = f.inverseIntegral(end + (end == f.rangeMin() ? 1e-9 : -1e-9));
                assertThat(atEnd).as(k + " inverse primitive at " + end + " (continuous extension)").isFinite();
                assertThat(Math.abs(atEnd - inside)).as(k + " continuity at " + end + " (as fast as sqrt(1e-9))").isLessThan(1e-3);
            }
        }
    }

    @Test
    void kinksTakeTheirDerivativeFromTheRightAndValuesAreContinuous() {
        RectifiedTanh r = new RectifiedTanh(2.5, 0.3);
        assertThat(r.value(0.3)).isZero();
        assertThat(r.derivative(0.3)).isEqualTo(2.5);
        assertThat(r.derivative(0.3 - 1e-12)).isZero();
        ThresholdLinear relu = new ThresholdLinear(2.5, 0.3);
        assertThat(relu.value(0.3)).isZero();
        assertThat(relu.value(0.3 + 1e-3)).isCloseTo(2.5e-3, Assertions.within(1e-15));
        assertThat(relu.derivative(0.3 + 1e-12)).isEqualTo(2.5);
        HardTanh h = new HardTanh(2);
        assertThat(h.value(0.5)).isEqualTo(1.0);
        assertThat(h.value(-0.5)).isEqualTo(-1.0);
        assertThat(h.integral(1.5)).as("int_0^1.5 of min(1, 2s)").isCloseTo(0.25 + 1.0, Assertions.within(1e-15));
        assertThat(h.integral(-1.5)).isCloseTo(1.25, Assertions.within(1e-15));
        assertThat(h.derivative(0.25)).isEqualTo(2.0);
        assertThat(h.derivative(0.75)).isZero();
    }

    @Test
    void softplusIsLogOnePlusExpOnBothBranches() {
        assertThat(Activation.softplus(0)).isCloseTo(Math.log(2), Assertions.within(1e-16));
        for (double z : new double[] {-40, -3, -1e-3, 1e-3, 3, 40}) {
            assertThat(Activation.softplus(z) - Activation.softplus(-z)).as("softplus(z) - softplus(-z) = z")
                    .isCloseTo(z, Assertions.within(1e-14 * (1 + Math.abs(z))));
            assertThat(Activation.softplus(z)).isCloseTo(Math.log1p(Math.exp(z)),
                    Assertions.within(1e-14 * (1 + Math.abs(z))));
        }
    }

    @Test
    void theFastTanhMatchesMathTanhAroundItsBranchPoints() {
        for (double z : new double[] {1e-9, 1e-5, 0x1p-9, 0x1p-8 * 0.999, 0x1p-8, 0x1p-8 * 1.001, 0.1, 1, 18.99, 19, 19.01,
                40}) {
            for (double s : new double[] {z, -z}) {
                double expected = Math.tanh(s);
                assertThat(Tanh.tanh(s)).as("tanh(" + s + ")")
                        .isCloseTo(expected, Assertions.within(1e-13 * Math.abs(expected) + 1e-300));
            }
        }
    }
}
