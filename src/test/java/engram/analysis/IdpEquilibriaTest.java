package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import engram.activation.Activation;
import engram.activation.HardTanh;
import engram.activation.Tanh;
import engram.activation.ThresholdLinear;
import engram.claim.cases.Vectors;
import engram.kernel.Norms;
import engram.memory.Couplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.InputDriven;
import engram.model.VoltageModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The IDP equilibrium analysis against the dense computation it replaces: the amplitude solves {@code c = a psi(c)},
 * the energy per neuron is its integral formula, every equilibrium found is a zero of the full vector field, and the
 * reduced P x P eigenvalue equals the largest real part of the dense N x N Jacobian {@code -I + W D}.
 */
class IdpEquilibriaTest {

    @Test
    void theAmplitudeSolvesTheScalarEquationOrIsZero() {
        for (Activation psi : new Activation[] {new Tanh(1), new Tanh(2.5), new HardTanh(1.5)}) {
            for (double a : new double[] {0.3, 0.9, 1.2, 2, 5, 40}) {
                double c = IdpEquilibria.amplitude(psi, a);
                if (a * psi.derivative(0) > 1) {
                    assertThat(c).as(psi.name() + " a=" + a).isPositive();
                    assertThat(a * psi.value(c)).isCloseTo(c, within(1e-12 * Math.max(1, c)));
                } else {
                    assertThat(c).as(psi.name() + " a=" + a).isZero();
                }
            }
            double c = 1.7;
            int m = 20000;
            double integral = 0;
            for (int k = 0; k < m; k++) {
                integral += psi.value((k + 0.5) * c / m) * c / m;
            }
            assertThat(IdpEquilibria.energyPerNeuron(psi, c)).isCloseTo(0.5 * c * psi.value(c) - integral, within(1e-8));
        }
        // a linear psi never meets c = a c away from 0 unless a = 1
        Activation linear = new ThresholdLinear(1, 0);
        assertThat(IdpEquilibria.amplitude(linear, 0.5)).isZero();
    }

    @Test
    void equilibriaAreZerosOfTheFieldAndTheReducedSpectrumIsTheDenseOne() {
        int n = 32, p = 4;
        PatternSet xi = Patterns.hadamard(n, p);
        double[] alpha = {3, 2, 0.5, 1.2};
        Tanh psi = new Tanh(1);
        IdpEquilibria.Result r = IdpEquilibria.analyze(xi, alpha, psi);
        assertThat(r.memories()).hasSize(p);
        VoltageModel model = InputDriven.withAlpha(1, xi, alpha, psi, false);
        Couplings w = model.couplings();
        for (IdpEquilibria.Memory m : r.memories()) {
            assertThat(m.alpha()).isEqualTo(alpha[m.index()]);
            assertThat(m.predictedExists()).isEqualTo(alpha[m.index()] > 1);
            assertThat(m.exists()).as("memory %d", m.index()).isEqualTo(m.predictedExists());
            if (!m.exists()) {
                assertThat(m.state()).isNull();
                assertThat(m.maxRealEigenvalue()).isNaN();
                continue;
            }
            double[] f = new double[n];
            model.evaluate(0, m.state(), f);
            assertThat(Norms.maxAbs(f)).isLessThan(1e-10);
            assertThat(m.residual()).isLessThan(1e-10);
            for (int i = 0; i < n; i++) {
                assertThat(m.state()[i]).isCloseTo(m.c() * xi.get(i, m.index()), within(1e-9));
            }
            double[] jac = new double[n * n];
            model.jacobian(0, m.state(), jac);
            assertThat(m.maxRealEigenvalue()).isCloseTo(Spectra.maxRealPart(n, jac), within(1e-9));
            assertThat(m.stable()).isEqualTo(m.maxRealEigenvalue() < 0);
            assertThat(m.energyPerNeuron()).isCloseTo(model.energy(m.state()) / n, within(1e-12));
            assertThat(m.energyPerNeuron()).isCloseTo(m.predictedEnergyPerNeuron(), within(1e-9));
            double others = 0;
            for (int nu = 0; nu < p; nu++) {
                others = nu == m.index() ? others : Math.max(others, alpha[nu]);
            }
            assertThat(m.predictedStable()).isEqualTo(others < 1 / psi.derivative(m.c()));
            assertThat(m.stable()).isEqualTo(m.predictedStable());
        }
        double[] jac0 = new double[n * n];
        model.jacobian(0, new double[n], jac0);
        assertThat(r.originMaxEigenvalue()).isCloseTo(Spectra.maxRealPart(n, jac0), within(1e-9));
        assertThat(r.originStable()).isFalse();
        assertThat(r.originPredictedStable()).isFalse();
        assertThat(w.entry(0, 0)).isNotZero();

        // all weights below 1: only the origin, stable
        IdpEquilibria.Result weak = IdpEquilibria.analyze(xi, new double[] {0.5, 0.7, 0.2, 0.9}, psi);
        assertThat(weak.originStable()).isTrue();
        assertThat(weak.originPredictedStable()).isTrue();
        assertThat(weak.originMaxEigenvalue()).isCloseTo(-0.1, within(1e-9));
        for (IdpEquilibria.Memory m : weak.memories()) {
            assertThat(m.exists()).isFalse();
            assertThat(m.energyPerNeuron()).isNaN();
            assertThat(m.predictedEnergyPerNeuron()).isNaN();
        }
    }

    @Test
    void newtonConvergesFromAPerturbedStartOnRandomPatterns() {
        SplittableRandom rng = new SplittableRandom(61);
        int n = 60, p = 3;
        PatternSet xi = Patterns.randomBinary(n, p, rng);
        double[] alpha = {2.5, 0.4, 0.3};
        Tanh psi = new Tanh(1);
        VoltageModel model = InputDriven.withAlpha(1, xi, alpha, psi, false);
        double c = IdpEquilibria.amplitude(psi, alpha[0]);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = c * xi.get(i, 0) + 0.05 * rng.nextGaussian();
        }
        double res = IdpEquilibria.newton(model, xi, alpha, psi, x);
        double[] f = new double[n];
        model.evaluate(0, x, f);
        assertThat(Norms.maxAbs(f)).isLessThan(1e-11);
        assertThat(res).isLessThan(1e-11);
        double[] jac = new double[n * n];
        model.jacobian(0, x, jac);
        assertThat(IdpEquilibria.maxEigenvalue(xi, alpha, psi, x)).isCloseTo(Spectra.maxRealPart(n, jac), within(1e-9));
    }

    /** Real-valued patterns (not +-1), so that a product with a pattern entry is not its quotient. */
    private static PatternSet gaussian(int n, int p, SplittableRandom rng) {
        return new PatternSet(n, p, Vectors.gaussian(n * p, 1, rng), "gaussian");
    }

    @Test
    void aNewtonStepIsTheDenseSolveAndASingularStepLeavesTheState() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int[] np : new int[][] {{30, 3}, {5, 5}}) {
            int n = np[0], p = np[1];
            PatternSet xi = gaussian(n, p, rng);
            double[] alpha = new double[p];
            for (int k = 0; k < p; k++) {
                alpha[k] = k % 2 == 0 ? 1.5 + k : -0.7 * k;
            }
            Tanh psi = new Tanh(1.3);
            VoltageModel model = InputDriven.withAlpha(1, xi, alpha, psi, false);
            double[] x = new double[n], f = new double[n], jac = new double[n * n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.8 * rng.nextGaussian();
            }
            model.evaluate(0, x, f);
            model.jacobian(0, x, jac);
            double[] want = new LUDecomposition(Spectra.matrix(n, jac)).getSolver()
                    .solve(new ArrayRealVector(f)).toArray();
            double[] stepped = x.clone();
            assertThat(IdpEquilibria.newtonStep(xi, alpha, psi, stepped, f)).isTrue();
            for (int i = 0; i < n; i++) {
                assertThat(stepped[i]).as("n %d unit %d", n, i).isCloseTo(x[i] - want[i], within(1e-10 * (1 + Math.abs(x[i]))));
            }
            // the reduced eigenvalue is the dense one, whatever the weights' signs and when N = P
            assertThat(IdpEquilibria.maxEigenvalue(xi, alpha, psi, x)).as("n %d", n)
                    .isCloseTo(Spectra.maxRealPart(n, jac), within(1e-9));
            double[] negative = new double[p];
            Arrays.fill(negative, -0.5);
            VoltageModel inhibitory = InputDriven.withAlpha(1, xi, negative, psi, false);
            inhibitory.jacobian(0, x, jac);
            assertThat(IdpEquilibria.maxEigenvalue(xi, negative, psi, x)).as("n %d, all weights negative", n)
                    .isCloseTo(Spectra.maxRealPart(n, jac), within(1e-9));
        }
        // orthogonal patterns, D = I (every |x| < 1 for a hard tanh): K = diag(1 - alpha) is singular at alpha = 1
        int n = 16;
        PatternSet h = Patterns.hadamard(n, 2);
        double[] alpha = {1, 3};
        HardTanh psi = new HardTanh(1);
        VoltageModel model = InputDriven.withAlpha(1, h, alpha, psi, false);
        double[] x = new double[n], f = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.3 * h.get(i, 0) + 0.2 * h.get(i, 1);
        }
        double[] before = x.clone();
        model.evaluate(0, x, f);
        assertThat(IdpEquilibria.newtonStep(h, alpha, psi, x, f)).isFalse();
        assertThat(x).isEqualTo(before);
        // Newton stops there and reports the field's size: F = -x + W x = 0.4 xi_1
        assertThat(IdpEquilibria.newton(model, h, alpha, psi, x)).isCloseTo(0.4, within(1e-12));
        assertThat(x).isEqualTo(before);
    }

    @Test
    void newtonReportsTheFieldAtTheStateItReturns() {
        SplittableRandom rng = new SplittableRandom(8);
        int n = 40, p = 2;
        PatternSet xi = Patterns.randomBinary(n, p, rng);
        double[] alpha = {3, 0.5};
        Tanh psi = new Tanh(1);
        VoltageModel model = InputDriven.withAlpha(1, xi, alpha, psi, false);
        double[] x = new double[n], f = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * xi.get(i, 0) + 0.1 * rng.nextGaussian();
        }
        double res = IdpEquilibria.newton(model, xi, alpha, psi, x);
        model.evaluate(0, x, f);
        assertThat(res).isEqualTo(Norms.maxAbs(f)).isLessThanOrEqualTo(IdpEquilibria.RESIDUAL * (1 + Norms.maxAbs(x)));
    }

    @Test
    void existenceIsPredictedStrictlyAboveTheUnitGainAndOnlyPlusMinusOnePatternsAreAnalysed() {
        PatternSet xi = Patterns.hadamard(16, 2);
        IdpEquilibria.Result r = IdpEquilibria.analyze(xi, new double[] {1, 2}, new Tanh(1));
        assertThat(r.memories().get(0).predictedExists()).as("alpha psi'(0) = 1 exactly").isFalse();
        assertThat(r.memories().get(0).exists()).isFalse();
        assertThat(r.memories().get(1).predictedExists()).isTrue();
        assertThat(r.originPredictedStable()).isFalse();
        // psi'(0) max alpha = 1 exactly: the origin is not predicted stable
        assertThat(IdpEquilibria.analyze(xi, new double[] {1, 0.5}, new Tanh(1)).originPredictedStable()).isFalse();
        Assertions.assertThatThrownBy(
                () -> IdpEquilibria.analyze(gaussian(8, 2, new SplittableRandom(1)), new double[] {2, 2}, new Tanh(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+-1");
        Assertions.assertThatThrownBy(() -> IdpEquilibria.analyze(xi, new double[] {2}, new Tanh(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one weight per pattern");
    }
}
