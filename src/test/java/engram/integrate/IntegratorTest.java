package engram.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Closed-form checks on xdot = -x, independent of the oracle. */
class IntegratorTest {

    private static final VectorField DECAY = new VectorField() {
        @Override public int dimension() { return 1; }

        @Override public void evaluate(double t, double[] x, double[] dxdt) { dxdt[0] = -x[0]; }
    };

    @Test
    void eulerIsExactlyTheGeometricRecursion() {
        double[] x = {1};
        new Euler(1).integrate(DECAY, 0, x, 1, 10, 10, StepObserver.NONE);
        assertThat(x[0]).isCloseTo(Math.pow(0.9, 10), within(1e-15));
    }

    @Test
    void rk4StepIsTheDegreeFourTaylorPolynomial() {
        double h = 0.1;
        double[] x = {1};
        new RungeKutta4(1).step(DECAY, 0, x, h);
        assertThat(x[0]).isCloseTo(1 - h + h * h / 2 - h * h * h / 6 + h * h * h * h / 24, within(1e-16));
    }

    @Test
    void adaptivePairHitsTheEndpointExactlyAndIsAccurate() {
        double[] x = {1};
        double[] lastT = {0};
        DormandPrince54.Stats s = new DormandPrince54(1, 1e-9, 1e-9).integrate(DECAY, 0, x, 3, (t, y) -> lastT[0] = t);
        assertThat(lastT[0]).isEqualTo(3.0);
        assertThat(x[0]).isCloseTo(Math.exp(-3), within(1e-8));
        assertThat(s.evaluations()).isEqualTo(2 + 6 * (s.accepted() + s.rejected()));
    }

    @Test
    void eulerMaruyamaWithZeroNoiseIsEuler() {
        double[] a = {1}, b = {1};
        new EulerMaruyama(DECAY, Diffusion.additive(0)).integrate(0, a, 1, 10, new SplittableRandom(1), 10,
                StepObserver.NONE);
        new Euler(1).integrate(DECAY, 0, b, 1, 10, 10, StepObserver.NONE);
        assertThat(a[0]).isEqualTo(b[0]);
    }
}
