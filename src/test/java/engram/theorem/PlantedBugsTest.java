package engram.theorem;

import static org.assertj.core.api.Assertions.assertThat;

import engram.activation.Tanh;
import engram.claim.Evaluation;
import engram.memory.DenseCouplings;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.model.EnergyFunction;
import engram.model.VectorField;
import engram.theorem.foundation.ModelDerivativesClaim;
import engram.theorem.foundation.VoltageContractionClaim;
import engram.theorem.numerics.StationaryDensityClaim;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: for each class of weakness found by planting bugs, the sharpened check run on a deliberately wrong variant
 * of the simulator, built here, must find a violation (and on the right variant must not). The wrong variants stay in
 * this test: the simulator itself has none.
 */
class PlantedBugsTest {

    /** A tight contraction case: W = (k / g) v v^T, u = 0, starts +-1e-4 v. */
    private static Evaluation contraction(double kTold, double tauTold, double tauModel) {
        int n = 4;
        double g = 2, k = 0.6;
        double[] v = {0.5, -0.5, 0.5, 0.5};
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i * n + j] = k / g * v[i] * v[j];
            }
        }
        double[] x0 = new double[n], y0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = 1e-4 * v[i];
            y0[i] = -1e-4 * v[i];
        }
        VoltageModel model = new VoltageModel(tauModel, new DenseCouplings(n, w), new Tanh(g), Input.zero(n));
        return new VoltageContractionClaim().check(model, kTold, tauTold, x0, y0, true);
    }

    @Test
    void weakness1ContractionCatchesAModelThatIgnoresTauOrAHalvedLipschitzConstant() {
        assertThat(contraction(0.6, 1.5, 1.5).holds()).as("the right model").isTrue();
        assertThat(contraction(0.6, 1.5, 1.0).violates()).as("a model that ignores its tau (runs with 1)").isTrue();
        assertThat(contraction(0.3, 1.5, 1.5).violates()).as("a Lipschitz constant halved (k reported as k/2)").isTrue();
        assertThat(contraction(0.6, 1.5, 1.2).violates()).as("a tau 20% off").isTrue();
    }

    @Test
    void weakness3AStationaryDensitySampledWithANoiseAmplitude5PercentOffIsRejected() {
        StationaryDensityClaim claim = new StationaryDensityClaim();
        for (long seed = 1; seed <= 3; seed++) {
            double sigma = 0.9;
            assertThat(claim.check(StationaryDensityClaim.sample(sigma, StationaryDensityClaim.CHAINS, seed), sigma, 2)
                    .holds()).as("the right sampler, seed " + seed).isTrue();
            for (double factor : new double[] {0.95, 1.05}) {
                Evaluation e = claim.check(StationaryDensityClaim.sample(factor * sigma, StationaryDensityClaim.CHAINS, seed),
                        sigma, 2);
                assertThat(e.violates()).as("noise amplitude x" + factor + ", seed " + seed + ": " + e.detail()).isTrue();
            }
        }
    }

    @Test
    void weakness4AJacobianWithoutItsOneOverTauOrAWrongGradientIsCaught() {
        int n = 3;
        VoltageModel right = new VoltageModel(2.0, DenseCouplings.randomGeneral(n, 1.5, new SplittableRandom(4)),
                new Tanh(1.5), Input.constant(new double[] {0.1, -0.2, 0.3}));
        double[] x = {0.3, -0.7, 1.1};
        VectorField forgetsTau = new VectorField() {
            @Override public int dimension() { return n; }

            @Override public void evaluate(double t, double[] y, double[] dydt) { right.evaluate(t, y, dydt); }

            @Override public void jacobian(double t, double[] y, double[] jac) {
                right.jacobian(t, y, jac);
                for (int k = 0; k < jac.length; k++) {
                    jac[k] *= 2.0; // the planted bug: no division by tau
                }
            }
        };
        double tolerance = new ModelDerivativesClaim().tolerance();
        assertThat(ModelDerivativesClaim.jacobianError(right, 0.5, x)).isLessThan(tolerance);
        assertThat(ModelDerivativesClaim.jacobianError(forgetsTau, 0.5, x)).isGreaterThan(tolerance);
        // energies need symmetric W
        VoltageModel symmetric = new VoltageModel(2.0, DenseCouplings.randomSymmetric(n, 1.5, false, new SplittableRandom(4)),
                new Tanh(1.5), Input.constant(new double[] {0.1, -0.2, 0.3}));
        EnergyFunction halfGradient = new EnergyFunction() {
            @Override public double energy(double[] y) { return symmetric.energy(y); }

            @Override public void gradient(double[] y, double[] grad) {
                symmetric.gradient(y, grad);
                grad[0] *= 0.5; // the planted bug: a wrong factor in one component
            }
        };
        assertThat(ModelDerivativesClaim.gradientError(symmetric, x)).isLessThan(tolerance);
        assertThat(ModelDerivativesClaim.gradientError(halfGradient, x)).isGreaterThan(tolerance);
    }
}
