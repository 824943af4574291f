package engram.certify;

import static org.assertj.core.api.Assertions.assertThat;

import engram.activation.Activation;
import engram.activation.Algebraic;
import engram.activation.HardTanh;
import engram.activation.Logistic;
import engram.activation.RectifiedTanh;
import engram.activation.Tanh;
import engram.interval.Interval;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every activation's enclosures hold what the activation computes: the value at points of the interval, and every
 * difference quotient between two of them in the slope's enclosure (the mean-value form Krawczyk and the Jacobian
 * bounds rest on), also across the kinks of the rectified and hard tanh, where a one-sided derivative alone would not.
 */
class IntervalActivationTest {

    static final List<Activation> ACTIVATIONS = List.of(new Tanh(3), new Algebraic(2), new Logistic(4.8, 0.2),
            new RectifiedTanh(2.5, 0.1), new HardTanh(2));

    @Test
    void valuesAndDifferenceQuotientsLieInTheEnclosures() {
        SplittableRandom rng = new SplittableRandom(1);
        for (Activation a : ACTIVATIONS) {
            IntervalActivation e = IntervalActivation.of(a);
            for (int t = 0; t < 2000; t++) {
                // centres near the kinks (0.1 and +-0.5) and saturation, widths from 1e-12 to 1
                double[] centres = {0.1, 0.5, -0.5, 0, 3, -3, rng.nextGaussian() * 2};
                double c = centres[t % centres.length] + (t % 3 == 0 ? 0 : rng.nextGaussian() * 1e-3);
                double w = Math.pow(10, -12 + 12 * rng.nextDouble());
                Interval x = Interval.around(c, w);
                Interval v = e.value(x), s = e.slope(x);
                double x1 = x.lo() + (x.hi() - x.lo()) * rng.nextDouble(), x2 = x.lo() + (x.hi() - x.lo()) * rng.nextDouble();
                assertThat(widened(v, 4).contains(a.value(x1))).as(a + " value at " + x1 + " in " + v).isTrue();
                if (Math.abs(x2 - x1) > 1e-6) {
                    double quotient = (a.value(x2) - a.value(x1)) / (x2 - x1);
                    assertThat(quotient).as(a + " quotient on " + x).isBetween(s.lo() - 1e-8, s.hi() + 1e-8);
                }
            }
            assertThat(e.lipschitz()).isEqualTo(a.lipschitz());
        }
    }

    /** Across a kink the slope is the hull of both sides; off it, one side alone. */
    @Test
    void kinksGiveTheHullOfBothSlopes() {
        IntervalActivation rt = IntervalActivation.of(new RectifiedTanh(2.5, 0.1));
        assertThat(rt.slope(Interval.around(0.1, 1e-12))).isEqualTo(new Interval(0, 2.5));
        assertThat(rt.slope(Interval.around(0.0, 1e-3))).isEqualTo(Interval.ZERO);
        assertThat(rt.slope(Interval.around(0.2, 1e-9)).lo()).isGreaterThan(2);
        IntervalActivation ht = IntervalActivation.of(new HardTanh(2));
        assertThat(ht.slope(Interval.around(0.5, 1e-12))).isEqualTo(new Interval(0, 2));
        assertThat(ht.slope(Interval.around(0.2, 1e-3))).isEqualTo(Interval.of(2));
        assertThat(ht.slope(new Interval(0.6, 0.7))).isEqualTo(Interval.ZERO);
        assertThat(ht.value(new Interval(0.6, 0.7))).isEqualTo(Interval.ONE);
    }

    private static Interval widened(Interval v, int ulps) {
        double lo = v.lo(), hi = v.hi();
        for (int k = 0; k < ulps; k++) {
            lo = Math.nextDown(lo);
            hi = Math.nextUp(hi);
        }
        return new Interval(lo, hi);
    }
}
