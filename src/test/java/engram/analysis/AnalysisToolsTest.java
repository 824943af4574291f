package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.activation.Logistic;
import engram.activation.ThresholdLinear;
import engram.integrate.Euler;
import engram.integrate.RungeKutta4;
import engram.integrate.Trajectory;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.memory.DenseCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.EnergyFunction;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.oracle.Oracle;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

/**
 * The measuring tools the claims are built from, each against a case whose answer is known in closed form: fits on
 * exact power laws, energy rises on given sequences, contraction on a linear flow whose distances decay exactly as
 * e^{-a t}, convergence orders of Euler and RK4, invariant-set excursions, finite differences on quadratics (where
 * central differences are exact), the Marchenko-Pastur law's normalisation and moments, Gram spectra against the full
 * matrix, and the row groups of a structured memory set.
 */
class AnalysisToolsTest {

    // ---------------------------------------------------------------- fits

    @Test
    void fitsRecoverSlopesAndOrdersOfExactPowerLaws() {
        double[] x = {1, 2, 4, 7}, y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = 3 - 2.5 * x[i];
        }
        assertThat(Fits.slope(x, y)).isCloseTo(-2.5, within(1e-12));
        double[] h = {0.1, 0.05, 0.025}, e = new double[3];
        for (int i = 0; i < 3; i++) {
            e[i] = 7 * Math.pow(h[i], 3.5);
        }
        assertThat(Fits.order(h, e)).isCloseTo(3.5, within(1e-12));
        // least squares, not two points: a noisy middle point moves the slope by the regression formula
        assertThat(Fits.slope(new double[] {0, 1, 2}, new double[] {0, 2, 2})).isCloseTo(1.0, within(1e-12));
        assertThat(Norms.maxAbsDiff(new double[] {1, -2, 3}, new double[] {1.5, 2, 2.5})).isEqualTo(4.0);
        assertThat(Norms.maxAbs(new double[] {1, -6, 3})).isEqualTo(6.0);
        assertThat(Norms.maxAbs(new double[] {})).isEqualTo(0.0);
        assertThat(Norms.norm2(new double[] {3, -4})).isEqualTo(5.0);
        // far from the origin (x = 1e6 + 0.1 i, not representable): centring both coordinates keeps the slope to
        // 1e-9; a sum that is not centred on its own mean loses it to cancellation (1.7e-3 here)
        double[] far = new double[7], line = new double[7];
        for (int i = 0; i < 7; i++) {
            far[i] = 1e6 + 0.1 * i;
            line[i] = 3 + 0.5 * far[i];
        }
        assertThat(Fits.slope(far, line)).isCloseTo(0.5, within(1e-9));
    }

    // ---------------------------------------------------------------- measurements

    @Test
    void largestRiseIsRelativeToTheInitialEnergyAndTimed() {
        Measurements.Rise r = Measurements.largestRise(new double[] {0, 1, 2, 3}, new double[] {-3, -4, -3.5, -5});
        assertThat(r.relative()).isCloseTo(0.5 / 4, within(1e-15));
        assertThat(r.time()).isEqualTo(2.0);
        assertThat(r.initialEnergy()).isEqualTo(-3.0);
        Measurements.Rise tie = Measurements.largestRise(new double[] {0, 1, 2, 3}, new double[] {0, 1, 0, 1});
        assertThat(tie.time()).as("the first of equal rises").isEqualTo(1.0);
        Measurements.Rise falling = Measurements.largestRise(new double[] {0, 1, 2}, new double[] {2, 1, 0.5});
        assertThat(falling.relative()).isCloseTo(-0.5 / 3, within(1e-15));
        assertThat(falling.time()).isEqualTo(2.0);
        assertThat(Measurements.largestRise(new double[] {0}, new double[] {1}).relative())
                .isEqualTo(Double.NEGATIVE_INFINITY);

        Trajectory tr = new Trajectory();
        tr.observe(0, new double[] {1});
        tr.observe(0.5, new double[] {2});
        tr.observe(1, new double[] {0});
        EnergyFunction square = new EnergyFunction() {
            @Override public double energy(double[] x) { return x[0] * x[0]; }

            @Override public void gradient(double[] x, double[] g) { g[0] = 2 * x[0]; }
        };
        Measurements.Rise rise = Measurements.largestEnergyRise(square, tr);
        assertThat(rise.relative()).isCloseTo(3 / 2.0, within(1e-15));
        assertThat(rise.time()).isEqualTo(0.5);
    }

    /** x' = -a x: every distance decays exactly as e^{-a t}. */
    private static VectorField decay(int n, double a) {
        return new VectorField() {
            @Override public int dimension() { return n; }

            @Override public void evaluate(double t, double[] x, double[] d) {
                for (int i = 0; i < n; i++) {
                    d[i] = -a * x[i];
                }
            }
        };
    }

    @Test
    void contractionOfALinearFlowMeetsItsExactRate() {
        double a = 0.8;
        double[] x0 = {1, 2, -1}, y0 = {0.5, -1, 0};
        Measurements.Contraction exact = Measurements.contraction(decay(3, a), x0, y0, a, 5);
        assertThat(exact.excess()).isCloseTo(0, within(1e-8));
        assertThat(exact.measuredRate()).isCloseTo(a, within(1e-8));
        // a bound that claims faster contraction is exceeded by the largest e^{-a t} - e^{-(a + 0.2) t} over the samples
        Measurements.Contraction tooFast = Measurements.contraction(decay(3, a), x0, y0, a + 0.2, 5);
        double expected = 0;
        for (int s = 1; s <= 100; s++) {
            double t = 5 * s / 100.0;
            expected = Math.max(expected, Math.exp(-a * t) - Math.exp(-(a + 0.2) * t));
        }
        assertThat(tooFast.excess()).isCloseTo(expected, within(1e-8));
        Measurements.Contraction slack = Measurements.contraction(decay(3, a), x0, y0, a - 0.3, 5);
        assertThat(slack.excess()).isNegative();
        // two rates (1 and 3) along (1, 1): the measured rate is read at the middle sample, t = 2.5
        VectorField two = new VectorField() {
            @Override public int dimension() { return 2; }

            @Override public void evaluate(double t, double[] x, double[] d) {
                d[0] = -x[0];
                d[1] = -3 * x[1];
            }
        };
        double t = 2.5, ratio = Math.sqrt((Math.exp(-2 * t) + Math.exp(-6 * t)) / 2);
        assertThat(Measurements.contraction(two, new double[] {1, 1}, new double[] {0, 0}, 1, 5).measuredRate())
                .isCloseTo(-Math.log(ratio) / t, within(1e-8));
    }

    @Test
    void invariantSetExcursionSeesTheWorstLeaveOfTheOrthantOrBox() {
        // r' = -r - 1 leaves the orthant: r(t) = 2 e^{-t} - 1 from r0 = 1, down to 2 e^{-10} - 1
        VectorField down = new VectorField() {
            @Override public int dimension() { return 1; }

            @Override public void evaluate(double t, double[] x, double[] d) { d[0] = -x[0] - 1; }
        };
        double exact = 1 - 2 * Math.exp(-10);
        assertThat(Measurements.invariantSetExcursion(down, 1, false, new double[] {1}, false, 0.5))
                .isCloseTo(exact, within(1e-6));
        // Euler with h = tau/2: r_k = 2 (1/2)^k - 1, 20 steps
        assertThat(Measurements.invariantSetExcursion(down, 1, false, new double[] {1}, true, 0.5))
                .isCloseTo(1 - 2 * Math.pow(0.5, 20), within(1e-12));
        // r' = -r + 2 leaves the box [0, 1] from 0.5 toward 2; tau = 2 stretches time: t = 10 tau
        VectorField up = new VectorField() {
            @Override public int dimension() { return 1; }

            @Override public void evaluate(double t, double[] x, double[] d) { d[0] = (-x[0] + 2) / 2; }
        };
        double top = 2 - 1.5 * Math.exp(-10);
        assertThat(Measurements.invariantSetExcursion(up, 2, true, new double[] {0.5}, false, 0.1))
                .isCloseTo(top - 1, within(1e-6));
        assertThat(Measurements.invariantSetExcursion(up, 2, false, new double[] {0.5}, false, 0.1)).isZero();
        // a start inside that stays inside
        assertThat(Measurements.invariantSetExcursion(decay(2, 1), 1, true, new double[] {0.5, 0.2}, true, 0.1)).isZero();
        // Euler with tau = 2, h = 0.1 tau: r_k = 2 - 1.5 (1 - 0.1)^k over 100 steps to t = 10 tau
        assertThat(Measurements.invariantSetExcursion(up, 2, true, new double[] {0.5}, true, 0.1))
                .isCloseTo(1 - 1.5 * Math.pow(0.9, 100), within(1e-12));
        // r' = -sin(t) dips to -2 near odd multiples of pi: the oracle's samples every 0.02 tau see the dip they land on
        VectorField dip = new VectorField() {
            @Override public int dimension() { return 1; }

            @Override public void evaluate(double t, double[] x, double[] d) { d[0] = -Math.sin(t); }
        };
        double sampled = 0;
        for (int k = 0; k <= 500; k++) {
            sampled = Math.max(sampled, 1 - Math.cos(0.08 * k));
        }
        assertThat(Measurements.invariantSetExcursion(dip, 4, false, new double[] {0}, false, 0.1))
                .isCloseTo(sampled, within(1e-8));
        // a firing-rate model is boxed exactly when its Phi is bounded by 1 (logistic: yes; threshold-linear: no)
        DenseCouplings none = new DenseCouplings(1, new double[1]);
        FiringRateModel logistic = new FiringRateModel(1, none,
                new Logistic(1, 0), Input.zero(1));
        FiringRateModel linear = new FiringRateModel(1, none,
                new ThresholdLinear(1, 0), Input.zero(1));
        assertThat(Measurements.invariantSetExcursion(logistic, new double[] {1.5}, false, 0.1)).isCloseTo(0.5, within(1e-12));
        assertThat(Measurements.invariantSetExcursion(linear, new double[] {1.5}, false, 0.1)).isZero();
    }

    // ---------------------------------------------------------------- convergence

    @Test
    void convergenceOrdersOfEulerAndRk4OnALinearFlow() {
        VectorField f = new VectorField() {
            @Override public int dimension() { return 2; }

            @Override public void evaluate(double t, double[] x, double[] d) {
                d[0] = -x[0] + x[1];
                d[1] = -x[0] - 0.5 * x[1];
            }
        };
        double[] x0 = {1, 0.5};
        Convergence.Estimate euler = Convergence.order(new Euler(2), f, x0, 2, 5, 4);
        assertThat(euler.informative()).isTrue();
        assertThat(euler.order()).isCloseTo(1, within(0.05));
        assertThat(euler.steps()).containsExactly(2 / 32.0, 2 / 64.0, 2 / 128.0, 2 / 256.0);
        for (int k = 1; k < 4; k++) {
            assertThat(euler.errors()[k] / euler.errors()[k - 1]).isCloseTo(0.5, within(0.03));
        }
        Convergence.Estimate rk4 = Convergence.order(new RungeKutta4(2), f, x0, 2, 3, 4);
        assertThat(rk4.order()).isCloseTo(4, within(0.15));
        // fine enough that the errors sink below the floor: uninformative
        Convergence.Estimate floor = Convergence.order(new RungeKutta4(2), f, x0, 2, 12, 3);
        assertThat(floor.informative()).isFalse();
        assertThat(floor.order()).isNaN();
        assertThat(Convergence.ERROR_FLOOR).isEqualTo(100 * Oracle.DEFAULT_TOLERANCE);
    }

    // ---------------------------------------------------------------- finite differences

    @Test
    void centralDifferencesAreExactOnQuadraticsAndRestoreThePoint() {
        // f(x) = A x + (x_0^2, x_0 x_1): Jacobian A + [[2 x0, 0], [x1, x0]]
        double[] a = {1, -2, 0.5, 3};
        VectorField f = new VectorField() {
            @Override public int dimension() { return 2; }

            @Override public void evaluate(double t, double[] x, double[] d) {
                d[0] = a[0] * x[0] + a[1] * x[1] + x[0] * x[0];
                d[1] = a[2] * x[0] + a[3] * x[1] + x[0] * x[1];
            }

            @Override public void jacobian(double t, double[] x, double[] j) {
                j[0] = a[0] + 2 * x[0];
                j[1] = a[1];
                j[2] = a[2] + x[1];
                j[3] = a[3] + x[0];
            }
        };
        double[] x = {0.7, -1.3};
        double[] jac = FiniteDifferences.jacobian(f, 0, x, 1e-3);
        double[] exact = new double[4];
        f.jacobian(0, x, exact);
        for (int k = 0; k < 4; k++) {
            assertThat(jac[k]).isCloseTo(exact[k], within(1e-10));
        }
        assertThat(x).containsExactly(0.7, -1.3);
        assertThat(FiniteDifferences.all(3)).containsExactly(0, 1, 2);
        assertThat(FiniteDifferences.jacobianError(f, 0, x, FiniteDifferences.all(2), 1e-3)).isLessThan(1e-10);
        VectorField wrong = new VectorField() {
            @Override public int dimension() { return 2; }

            @Override public void evaluate(double t, double[] y, double[] d) { f.evaluate(t, y, d); }

            @Override public void jacobian(double t, double[] y, double[] j) {
                f.jacobian(t, y, j);
                j[3] += 0.5;                          // scale: the largest |J| is now 3 + 0.7 + 0.5
            }
        };
        assertThat(FiniteDifferences.jacobianError(wrong, 0, x, FiniteDifferences.all(2), 1e-3))
                .isCloseTo(0.5 / 4.2, within(1e-9));
        assertThat(FiniteDifferences.jacobianError(wrong, 0, x, new int[] {0}, 1e-3)).isLessThan(1e-10);
        // Richardson: a cubic's central difference is 3 x^2 + h^2, which (4 D(h/2) - D(h)) / 3 removes exactly; a
        // quintic keeps an h^4 term, which the allowance |R - D(h/2)| (about h^2 (10 x^2) / 4) covers
        ToDoubleFunction<double[]> cubic = y -> y[0] * y[0] * y[0];
        double[] at = {3};
        assertThat(FiniteDifferences.gradientError(new double[] {27}, cubic, at, new int[] {0}, 1e-2)).isLessThan(1e-11);
        assertThat(at).containsExactly(3.0);
        ToDoubleFunction<double[]> quintic = y -> Math.pow(y[0], 5);
        assertThat(FiniteDifferences.gradientError(new double[] {405}, quintic, at, new int[] {0}, 1e-2)).isZero();
        // a wrong derivative is off by far more than the allowance (h = 0.04, so D(h/2) - R = 0.02^2)
        assertThat(FiniteDifferences.gradientError(new double[] {27 * 1.01}, cubic, at, new int[] {0}, 1e-2))
                .isCloseTo((0.27 - 4e-4) / 27.27, within(1e-9));
        // a step that leaves the domain is halved: log y at y = 1e-7 with a step of 1e-5
        assertThat(FiniteDifferences.gradientError(new double[] {1e7}, y -> Math.log(y[0]), new double[] {1e-7},
                new int[] {0}, 1e-5)).isLessThan(1e-6);
        assertThat(FiniteDifferences.gradientError(new double[] {0.5}, y -> y[0] * y[0], new double[] {0.25},
                new int[] {0}, 1e-3)).isCloseTo(0, within(1e-12));
        assertThat(FiniteDifferences.gradientError(new double[] {0.2}, y -> y[0] * y[0], new double[] {0.25},
                new int[] {0}, 1e-3)).isCloseTo(0.3, within(1e-9));
    }

    // ---------------------------------------------------------------- random matrices

    @Test
    void marchenkoPasturIsANormalisedLawWithItsMoments() {
        for (double c : new double[] {0.25, 1, 2.5}) {
            MarchenkoPastur mp = new MarchenkoPastur(c);
            assertThat(mp.ratio()).isEqualTo(c);
            double lo = Math.pow(1 - Math.sqrt(c), 2), hi = Math.pow(1 + Math.sqrt(c), 2);
            assertThat(mp.getSupportLowerBound()).isCloseTo(lo, within(1e-15));
            assertThat(mp.getSupportUpperBound()).isCloseTo(hi, within(1e-15));
            assertThat(mp.isSupportConnected()).isTrue();
            // the substitution l = 1 + c - 2 sqrt(c) cos(theta) integrates the density smoothly
            int m = 20000;
            double mass = 0, mean = 0, second = 0;
            double mid = 0.5 * (lo + hi), massBelowMid = 0;
            for (int k = 0; k < m; k++) {
                double theta = Math.PI * (k + 0.5) / m;
                double l = 1 + c - 2 * Math.sqrt(c) * Math.cos(theta);
                double w = mp.density(l) * 2 * Math.sqrt(c) * Math.sin(theta) * Math.PI / m;
                mass += w;
                mean += w * l;
                second += w * l * l;
                if (l < mid) {
                    massBelowMid += w;
                }
            }
            assertThat(mass).as("mass c=" + c).isCloseTo(1, within(1e-6));
            assertThat(mean).isCloseTo(mp.getNumericalMean(), within(1e-6));
            assertThat(second - mean * mean).isCloseTo(mp.getNumericalVariance(), within(1e-6));
            assertThat(mp.getNumericalMean()).isEqualTo(Math.max(1, c));
            assertThat(mp.cumulativeProbability(mid)).isCloseTo(massBelowMid, within(1e-4));
            // the density the figure draws, integrated (midpoint rule in theta, which is smooth there), is the cdf
            for (int j = 1; j < 10; j++) {
                double upTo = Math.PI * j / 10, integral = 0;
                for (int k = 0; k < m; k++) {
                    double theta = upTo * (k + 0.5) / m;
                    double l = 1 + c - 2 * Math.sqrt(c) * Math.cos(theta);
                    integral += mp.density(l) * 2 * Math.sqrt(c) * Math.sin(theta) * upTo / m;
                }
                double at = 1 + c - 2 * Math.sqrt(c) * Math.cos(upTo);
                assertThat(mp.cumulativeProbability(at)).as("cdf vs integrated density, c=" + c + ", theta=" + upTo)
                        .isCloseTo(integral, within(1e-7));
            }
            assertThat(mp.cumulativeProbability(lo)).isZero();
            assertThat(mp.cumulativeProbability(lo - 1)).isZero();
            assertThat(mp.cumulativeProbability(hi)).isEqualTo(1.0);
            assertThat(mp.density(lo)).isZero();
            assertThat(mp.density(hi + 1)).isZero();
            assertThat(mp.density(mid)).isPositive();
            double prev = 0;
            for (int k = 1; k < 50; k++) {
                double cdf = mp.cumulativeProbability(lo + (hi - lo) * k / 50);
                assertThat(cdf).isGreaterThan(prev).isLessThan(1);
                // the cdf's derivative is the density
                double l = lo + (hi - lo) * k / 50, h = 1e-4 * (hi - lo);
                double slope = (mp.cumulativeProbability(l + h) - mp.cumulativeProbability(l - h)) / (2 * h);
                assertThat(slope).isCloseTo(mp.density(l), within(1e-3 * (1 + mp.density(l))));
                prev = cdf;
            }
        }
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new MarchenkoPastur(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** {@code l = 1 + c - 2 sqrt(c) cos t} as {@code (1 - sqrt c)^2 + 4 sqrt(c) sin^2(t/2)} (no cancellation near t = 0). */
    private static double lOf(double c, double t) {
        double root = Math.sqrt(c), half = Math.sin(0.5 * t);
        return (1 - root) * (1 - root) + 4 * root * half * half;
    }

    /**
     * The tabulated distribution at the table's own nodes {@code theta_k = k pi / 2^13}, against the density integrated
     * in theta by 64-point Gauss-Legendre (smooth integrand: machine precision): Simpson's rule promises 1e-12 there.
     */
    @Test
    void marchenkoPasturCdfIsTheIntegratedDensityAtItsNodes() {
        for (double c : new double[] {0.25, 1, 2.5}) {
            MarchenkoPastur mp = new MarchenkoPastur(c);
            double r = 2 * Math.sqrt(c);
            for (int k : new int[] {1, 700, 2048, 4096, 5000, 8191}) {
                double theta = Math.PI * k / (1 << 13);
                double l = lOf(c, theta);
                double mass = new GaussIntegratorFactory()
                        .legendre(64, 0, theta).integrate(t -> mp.density(lOf(c, t)) * r * Math.sin(t));
                // c > 1: the law of the non-zero eigenvalues is normalised to 1 as well
                double total = new GaussIntegratorFactory()
                        .legendre(64, 0, Math.PI).integrate(t -> mp.density(lOf(c, t)) * r * Math.sin(t));
                assertThat(total).as("mass c=%s", c).isCloseTo(1, within(1e-12));
                assertThat(mp.cumulativeProbability(l)).as("c=%s node %d", c, k).isCloseTo(mass, within(1e-11));
            }
        }
    }

    @Test
    void gramEigenvaluesAreThoseOfTheFullMatrix() {
        SplittableRandom rng = new SplittableRandom(41);
        for (int[] pn : new int[][] {{3, 7}, {7, 3}, {5, 5}}) {
            int p = pn[0], n = pn[1];
            for (RandomMatrices.Entries entries : RandomMatrices.Entries.values()) {
                double[] y = RandomMatrices.sample(p, n, entries, rng);
                assertThat(y).hasSize(p * n);
                if (entries == RandomMatrices.Entries.RADEMACHER) {
                    for (double v : y) {
                        assertThat(Math.abs(v)).isEqualTo(1.0);
                    }
                }
                double[] full = new double[p * p];
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        for (int j = 0; j < n; j++) {
                            full[a * p + b] += y[a * n + j] * y[b * n + j] / 2.0;
                        }
                    }
                }
                double[] all = new EigenDecompositionSymmetric(Spectra.matrix(p, full), 1e-12, false).getEigenvalues();
                Arrays.sort(all);
                double[] ev = RandomMatrices.gramEigenvalues(y, p, n, 2);
                int m = Math.min(p, n);
                assertThat(ev).hasSize(m);
                for (int k = 0; k < m; k++) {
                    assertThat(ev[k]).isCloseTo(all[p - m + k], within(1e-10));
                }
            }
        }
        assertThat(RandomMatrices.Entries.GAUSSIAN.toString()).isEqualTo("gaussian");
        assertThat(RandomMatrices.Entries.RADEMACHER.toString()).isEqualTo("rademacher");
        double[] w = RandomMatrices.wishart(40, 80, RandomMatrices.Entries.GAUSSIAN, rng);
        assertThat(w).hasSize(40);
        double mean = 0;
        for (double v : w) {
            mean += v / 40;
        }
        // the trace of Y Y^T / n over p is the mean of p n squared unit-variance entries over n: mean 1, sd 1/40
        assertThat(mean).isCloseTo(1, within(0.15));
        double gaussianMean = 0;
        for (int k = 0; k < 4000; k++) {
            gaussianMean += RandomMatrices.Entries.GAUSSIAN.draw(rng) / 4000;
        }
        assertThat(gaussianMean).isCloseTo(0, within(6 / Math.sqrt(4000)));
    }

    // ---------------------------------------------------------------- row groups

    @Test
    void rowGroupsOfTheCommonCoreSetAreTheCoreTheOwnersAndTheSilentRows() {
        PatternSet x = Patterns.commonCore(100, 0.3);      // 9 core units, 21 blocks of 4, 7 silent
        RowGroups g = RowGroups.of(x);
        assertThat(g.count()).isEqualTo(x.p() + 2);
        int total = 0;
        for (int k = 0; k < g.count(); k++) {
            total += g.count(k);
            int units = 0;
            for (int i = 0; i < x.n(); i++) {
                boolean same = true;
                for (int mu = 0; mu < x.p(); mu++) {
                    same &= x.get(i, mu) == g.value(k, mu);
                }
                units += same ? 1 : 0;
            }
            assertThat(g.count(k)).as("units with row %d", k).isEqualTo(units);
        }
        assertThat(total).isEqualTo(100);
        PatternSet distinct = new PatternSet(3, 2, new double[] {1, 0, 0, 1, 1, 1}, "t");
        RowGroups d = RowGroups.of(distinct);
        assertThat(d.count()).isEqualTo(3);
        assertThat(d.value(2, 0)).isEqualTo(1.0);
        assertThat(d.value(1, 1)).isEqualTo(1.0);
    }

    @Test
    void phaseDiagramCellsAreDecidedOnlyByAStrictCondition() {
        PhaseDiagram.Cell undecided = new PhaseDiagram.Cell(null, 0, 1, 1, 0, 0.1, false, false, 0);
        assertThat(undecided.decided()).as("an instability expression of exactly 0 decides nothing").isFalse();
        assertThat(undecided.agrees()).isTrue();
        assertThat(new PhaseDiagram.Cell(null, 0, 1, 1, 0, -0.1, true, false, 0).agrees()).as("nor contradicts").isTrue();
        PhaseDiagram.Cell unstable = new PhaseDiagram.Cell(null, 0, 1, 1, 0, 0.1, false, false, 1e-9);
        assertThat(unstable.decided()).isTrue();
        assertThat(unstable.agrees()).isTrue();
        assertThat(new PhaseDiagram.Cell(null, 0, 1, 1, 0, -0.1, true, false, 1e-9).agrees()).isFalse();
        assertThat(new PhaseDiagram.Cell(null, 0, 1, 1, 0, -0.1, true, true, -1).agrees()).isTrue();
        assertThat(new PhaseDiagram.Cell(null, 0, 1, 1, 0, 0.1, false, true, -1).agrees()).isFalse();
    }

    @Test
    void gramEigenvaluesAscendAndEntriesAreWhatTheirNameSays() {
        SplittableRandom rng = new SplittableRandom(31);
        double[] rademacher = RandomMatrices.sample(20, 30, RandomMatrices.Entries.RADEMACHER, rng);
        for (double v : rademacher) {
            assertThat(Math.abs(v)).isEqualTo(1.0);
        }
        double[] gaussian = RandomMatrices.sample(20, 30, RandomMatrices.Entries.GAUSSIAN, rng);
        assertThat(Arrays.stream(gaussian).filter(v -> Math.abs(v) != 1).count()).isEqualTo(600);
        for (int[] pn : new int[][] {{5, 9}, {9, 5}, {6, 6}}) {
            double[] y = RandomMatrices.sample(pn[0], pn[1], RandomMatrices.Entries.GAUSSIAN, rng);
            double[] ev = RandomMatrices.gramEigenvalues(y, pn[0], pn[1], pn[1]);
            assertThat(ev).hasSize(Math.min(pn[0], pn[1]));
            for (int k = 1; k < ev.length; k++) {
                assertThat(ev[k]).as("ascending").isGreaterThanOrEqualTo(ev[k - 1]);
            }
        }
    }

    @Test
    void convergenceNeedsThreeLevelsAboveTheFloorAndCentralDifferencesErrByHSquared() {
        // x' = -x with Euler: error ~ h; with a floor set so that exactly three levels stay above it, an order is fitted
        VectorField f = decay(1, 1);
        IntFunction<double[]> exact = j -> new double[] {Math.exp(-j / 4.0)};
        Euler euler = new Euler(1);
        Convergence.Estimate all = Convergence.order(euler, f, 0, new double[] {1}, 1, 4, 4, exact, 0);
        double floor = 0.5 * (all.errors()[2] + all.errors()[3]);
        Convergence.Estimate three = Convergence.order(euler, f, 0, new double[] {1}, 1, 4, 4, exact, floor);
        assertThat(three.order()).as("three levels above the floor").isCloseTo(1, within(0.1));
        double floor2 = 0.5 * (all.errors()[1] + all.errors()[2]);
        assertThat(Convergence.order(euler, f, 0, new double[] {1}, 1, 4, 4, exact, floor2).order()).as("two levels").isNaN();
        // x^3: (f(x + h) - f(x - h)) / 2h = 3 x^2 + h^2 with h = factor (1 + |x|)
        VectorField cube = new VectorField() {
            @Override public int dimension() { return 1; }

            @Override public void evaluate(double t, double[] x, double[] d) { d[0] = x[0] * x[0] * x[0]; }
        };
        double x = -1.5, factor = 1e-2, h = factor * (1 + Math.abs(x));
        double[] out = new double[1];
        FiniteDifferences.column(cube, 0, new double[] {x}, 0, factor, new double[1], new double[1], out);
        assertThat(out[0]).isCloseTo(3 * x * x + h * h, within(1e-12));
    }
}
