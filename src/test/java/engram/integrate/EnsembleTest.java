package engram.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import engram.activation.Logistic;
import engram.activation.Tanh;
import engram.claim.cases.Vectors;
import engram.kernel.Kernels;
import engram.kernel.ScalarKernels;
import engram.memory.Couplings;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.Patterns;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.RateEnsemble;
import engram.model.VoltageEnsemble;
import engram.model.VoltageModel;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Batched ensembles against the single-trajectory path: block products against column-by-column products, and
 * Euler, RK4 and Euler-Maruyama on K trajectories against K separate runs. The drift is summed in another order in
 * the block product, so agreement is to round-off: at most {@value #BOUND} relative after 200 steps (measured about
 * 1e-14). The noise of trajectory c does not depend on K, and neither does the arithmetic on it; the one
 * exception is the Vector API's tanh, which can differ by an ulp between interpreted and JIT-compiled code (seen
 * under mutation testing), so trajectories of ensembles of different sizes agree to 1e-13, not always bit for bit.
 */
class EnsembleTest {

    static final double BOUND = 1e-11;

    private static List<Couplings> couplings(int n, SplittableRandom rng) {
        var xi = Patterns.randomBinary(n, 5, rng);
        return List.of(LowRankCouplings.hebbian(xi, true), DenseCouplings.of(LowRankCouplings.hebbian(xi, true)),
                DenseCouplings.randomSymmetric(n, 1.5, true, rng));
    }

    private static double relativeGap(double[] a, double[] b) {
        double gap = 0, size = 0;
        for (int i = 0; i < a.length; i++) {
            gap = Math.max(gap, Math.abs(a[i] - b[i]));
            size = Math.max(size, Math.abs(b[i]));
        }
        return gap / Math.max(size, 1e-300);
    }

    @Test
    void theSimdBlockProductIsBitIdenticalToTheScalarReference() {
        Kernels scalar = new ScalarKernels(), simd = Kernels.get();
        SplittableRandom rng = new SplittableRandom(4);
        for (int n : new int[] {1, 3, 8, 37}) {
            for (int k : new int[] {1, 5, 16, 40, 64}) {
                double[] w = new double[n * n], x = new double[n * k], a = new double[n * k], b = new double[n * k];
                for (int q = 0; q < w.length; q++) {
                    w[q] = rng.nextGaussian();
                }
                for (int q = 0; q < x.length; q++) {
                    x[q] = rng.nextGaussian();
                }
                scalar.gemmRows(w, n, x, k, a, 0, n);
                simd.gemmRows(w, n, x, k, b, 0, n);
                assertThat(b).as("n %d k %d", n, k).isEqualTo(a);
            }
        }
    }

    @Test
    void blockProductsMatchColumnByColumnProducts() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {16, 300}) {
            for (Couplings w : couplings(n, rng)) {
                int k = 7;
                double[] x = new double[n * k], block = new double[n * k], v = new double[n], o = new double[n];
                for (int q = 0; q < x.length; q++) {
                    x[q] = rng.nextGaussian();
                }
                w.multiplyBlock(x, k, block);
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < n; j++) {
                        v[j] = x[j * k + c];
                    }
                    w.multiply(v, o);
                    assertThat(relativeGap(VoltageEnsemble.column(block, k, c), o)).isLessThan(1e-13);
                }
            }
        }
    }

    @Test
    void theRateEnsembleIsTheFiringRateModelColumnByColumn() {
        SplittableRandom rng = new SplittableRandom(8);
        int n = 40, k = 6;
        for (Couplings w : couplings(n, rng)) {
            FiringRateModel model = new FiringRateModel(2.0, w, new Logistic(3, 0.2), Input.constant(Vectors.gaussian(n,
                    0.3, rng)));
            double[][] starts = new double[k][];
            for (int c = 0; c < k; c++) {
                starts[c] = Vectors.gaussian(n, 1, rng);
            }
            double[] block = VoltageEnsemble.block(starts), out = new double[n * k], one = new double[n];
            new RateEnsemble(model, k).evaluate(0, block, out);
            for (int c = 0; c < k; c++) {
                model.evaluate(0, starts[c], one);
                double[] col = VoltageEnsemble.column(out, k, c);
                for (int i = 0; i < n; i++) {
                    assertThat(col[i]).isCloseTo(one[i], within(1e-13 * (1 + Math.abs(one[i]))));
                }
            }
        }
    }

    @Test
    void eulerRk4AndEulerMaruyamaEnsemblesFollowTheSingleTrajectories() {
        SplittableRandom rng = new SplittableRandom(6);
        int n = 48, k = 5, steps = 200;
        for (Couplings w : couplings(n, rng)) {
            VoltageModel model = new VoltageModel(1.0, w, new Tanh(2), Input.constant(Vectors.gaussian(n, 0.3, rng)));
            double[][] starts = new double[k][];
            for (int c = 0; c < k; c++) {
                starts[c] = Vectors.gaussian(n, 1, rng);
            }
            VoltageEnsemble ens = new VoltageEnsemble(model, k);
            for (FixedStepMethod[] m : new FixedStepMethod[][] {{new Euler(n), new Euler(n * k)},
                    {new RungeKutta4(n), new RungeKutta4(n * k)}}) {
                double[] block = VoltageEnsemble.block(starts);
                m[1].integrate(ens, 0, block, 4, steps, steps, StepObserver.NONE);
                for (int c = 0; c < k; c++) {
                    double[] x = starts[c].clone();
                    m[0].integrate(model, 0, x, 4, steps, steps, StepObserver.NONE);
                    assertThat(relativeGap(VoltageEnsemble.column(block, k, c), x)).isLessThan(BOUND);
                }
            }
            double[] block = VoltageEnsemble.block(starts);
            RandomGenerator[] rngs = new RandomGenerator[k];
            for (int c = 0; c < k; c++) {
                rngs[c] = new SplittableRandom(100 + c);
            }
            new EnsembleEulerMaruyama(ens, k, 0.4).integrate(0, block, 4, steps, rngs);
            for (int c = 0; c < k; c++) {
                double[] x = starts[c].clone();
                new EulerMaruyama(model, Diffusion.additive(0.4)).integrate(0, x, 4, steps, new SplittableRandom(100 + c),
                        steps, StepObserver.NONE);
                assertThat(relativeGap(VoltageEnsemble.column(block, k, c), x)).isLessThan(BOUND);
            }
        }
    }

    @Test
    void aTrajectoryDrawsTheSameNoiseWhateverTheEnsembleSize() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 64, steps = 100;
        for (Couplings w : couplings(n, rng)) {
            VoltageModel model = new VoltageModel(1.0, w, new Tanh(2), Input.zero(n));
            double[][] starts = new double[16][];
            for (int c = 0; c < starts.length; c++) {
                starts[c] = Vectors.gaussian(n, 1, rng);
            }
            double[][] results = new double[2][];
            int[] sizes = {8, 16};
            for (int s = 0; s < 2; s++) {
                int k = sizes[s];
                double[] block = VoltageEnsemble.block(Arrays.copyOf(starts, k));
                RandomGenerator[] rngs = new RandomGenerator[k];
                for (int c = 0; c < k; c++) {
                    rngs[c] = new SplittableRandom(500 + c);
                }
                new EnsembleEulerMaruyama(new VoltageEnsemble(model, k), k, 0.5).integrate(0, block, 2, steps, rngs);
                results[s] = new double[n * 8];
                for (int c = 0; c < 8; c++) {
                    double[] col = VoltageEnsemble.column(block, k, c);
                    System.arraycopy(col, 0, results[s], c * n, n);
                }
            }
            assertThat(relativeGap(results[1], results[0])).isLessThan(1e-13);
        }
    }
}
