package engram.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.kernel.Norms;
import engram.oracle.ExactProblem;
import engram.oracle.TestProblems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The integrators' stepping loops on explicitly time-dependent closed-form problems (t0 != 0), their observers, their
 * argument checks, the adaptive pair's starting step and error norm, and Euler-Maruyama's own loop against the exact
 * moments of its discrete recursion. Every expected value is a closed form, none is copied from a run.
 */
class TimeDependentIntegratorTest {

    /** Records every observation. */
    static final class Recorder implements StepObserver {
        final List<Double> times = new ArrayList<>();
        final List<double[]> states = new ArrayList<>();

        @Override public void observe(double t, double[] x) {
            times.add(t);
            states.add(x.clone());
        }
    }

    @Test
    void fixedStepMethodsObserveEveryStepAtItsTimeAndReachTheExactSolution() {
        for (ExactProblem p : TestProblems.all()) {
            for (FixedStepMethod m : List.of(new Euler(p.dimension()), new RungeKutta4(p.dimension()))) {
                double[] x = p.x0();
                Recorder r = new Recorder();
                int steps = 4096;
                double[] out = m.integrate(p, p.t0(), x, p.t1(), steps, 1024, r);
                assertThat(out).as("integrate returns the array it advanced").isSameAs(x);
                assertThat(r.times).hasSize(5);
                double h = (p.t1() - p.t0()) / steps;
                for (int j = 0; j <= 4; j++) {
                    assertThat(r.times.get(j)).isCloseTo(p.t0() + j * 1024 * h, within(1e-12));
                    double bound = m.order() == 1 ? 2e-2 : 1e-11;
                    assertThat(Norms.maxAbsDiff(r.states.get(j), p.exact(r.times.get(j))))
                            .as(m.name() + " on " + p + " at sample " + j).isLessThan(bound);
                }
            }
        }
    }

    @Test
    void adaptivePairObservesFromTheStartToTheEndAndMeetsItsTolerance() {
        for (ExactProblem p : TestProblems.all()) {
            double[] x = p.x0();
            Recorder r = new Recorder();
            DormandPrince54.Stats s = new DormandPrince54(p.dimension(), 1e-9, 1e-9).integrate(p, p.t0(), x, p.t1(), r);
            assertThat(r.times.get(0)).isEqualTo(p.t0());
            assertThat(r.states.get(0)).containsExactly(p.x0());
            assertThat(r.times.get(r.times.size() - 1)).isEqualTo(p.t1());
            for (int k = 1; k < r.times.size(); k++) {
                assertThat(r.times.get(k)).isGreaterThan(r.times.get(k - 1));
                assertThat(Norms.maxAbsDiff(r.states.get(k), p.exact(r.times.get(k)))).as(p + " at " + r.times.get(k))
                        .isLessThan(1e-7);
            }
            assertThat(r.times).hasSize(s.accepted() + 1);
            assertThat(s.evaluations()).isEqualTo(2 + 6 * (s.accepted() + s.rejected()));
        }
    }

    @Test
    void theStartingStepIsAcceptedNotWastefullySmallAndScalesWithTheTolerance() {
        // Hairer-Norsett-Wanner's heuristic aims at h^5 max(|f|, |f'|) ~ 0.01 in the error norm, a norm that scales
        // with tol: so the first step's error norm is accepted (<= 1), at least 1e-6 (the step is within a factor
        // 1e-6^(1/5) = 0.063 of the largest acceptable one), and the same at every tolerance (h ~ tol^(1/5))
        for (ExactProblem p : TestProblems.all()) {
            double first = Double.NaN;
            for (double tol : new double[] {1e-4, 1e-6, 1e-8, 1e-10}) {
                DormandPrince54.Stats s = new DormandPrince54(p.dimension(), tol, tol)
                        .integrate(p, p.t0(), p.x0(), p.t1(), StepObserver.NONE);
                assertThat(s.firstError()).as(p + " tol " + tol + ": first step " + s.firstStep()).isBetween(1e-6, 1.0);
                if (Double.isNaN(first)) {
                    first = s.firstError();
                }
                assertThat(s.firstError() / first).as(p + " tol " + tol + ": first error relative to tol 1e-4's")
                        .isBetween(0.8, 1.25);
            }
        }
    }

    @Test
    void theErrorNormIsAnRmsSoDuplicatedComponentsTakeTheSameSteps() {
        ExactProblem one = TestProblems.forcedDecay(0.5, new double[] {1.5}, 2.5);
        ExactProblem four = TestProblems.forcedDecay(0.5, new double[] {1.5, 1.5, 1.5, 1.5}, 2.5);
        VectorField sameFour = new VectorField() {
            @Override public int dimension() { return 4; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) {
                for (int i = 0; i < 4; i++) {
                    dxdt[i] = -x[i] + Math.cos(t); // four copies of component 0
                }
            }
        };
        DormandPrince54.Stats a = new DormandPrince54(1, 1e-7, 1e-7).integrate(one, 0.5, one.x0(), 2.5, StepObserver.NONE);
        DormandPrince54.Stats b = new DormandPrince54(4, 1e-7, 1e-7).integrate(sameFour, 0.5, four.x0(), 2.5,
                StepObserver.NONE);
        assertThat(b.accepted()).isEqualTo(a.accepted());
        assertThat(b.rejected()).isEqualTo(a.rejected());
        assertThat(b.firstStep()).isEqualTo(a.firstStep());
    }

    @Test
    void badTolerancesAndStepCountsAreRefused() {
        assertThatThrownBy(() -> new DormandPrince54(1, 0, 1e-6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DormandPrince54(1, 1e-6, 0)).isInstanceOf(IllegalArgumentException.class);
        ExactProblem p = TestProblems.all().get(0);
        assertThatThrownBy(() -> new Euler(3).integrate(p, 0, p.x0(), 1, 0, 1, StepObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EulerMaruyama(p, Diffusion.additive(1)).integrate(0, p.x0(), 1, 0,
                new SplittableRandom(1), 1, StepObserver.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnsembleEulerMaruyama(p, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnsembleEulerMaruyama(p, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnsembleEulerMaruyama(p, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnsembleEulerMaruyama(p, 3, 1).integrate(0, p.x0(), 1, 0,
                new SplittableRandom[] {new SplittableRandom(1)})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integratorsHaveDistinctNamesAndTheirOrders() {
        assertThat(new Euler(1).name()).isEqualTo("euler");
        assertThat(new RungeKutta4(1).name()).isEqualTo("rk4");
        assertThat(new Euler(1).order()).isEqualTo(1);
        assertThat(new RungeKutta4(1).order()).isEqualTo(4);
    }

    @Test
    void aTrajectoryReplaysItsSamples() {
        Trajectory tr = new Trajectory();
        tr.observe(0.5, new double[] {1, 2});
        tr.observe(1.5, new double[] {3, 4});
        assertThat(tr.size()).isEqualTo(2);
        assertThat(tr.time(1)).isEqualTo(1.5);
        assertThat(tr.last()).containsExactly(3, 4);
        Recorder r = new Recorder();
        tr.forEach(r);
        assertThat(r.times).containsExactly(0.5, 1.5);
        assertThat(r.states.get(0)).containsExactly(1, 2);
    }

    /** dx = (-lambda x + cos t) dt + g dB on [t0, t1]: the EM recursion's mean and variance in closed form. */
    @Test
    void eulerMaruyamasOwnLoopHasTheExactMomentsOfItsRecursion() {
        double lambda = 1.5, sigma = 0.7, t0 = 0.75, t1 = 2.75;
        int steps = 40, paths = 40_000;
        double h = (t1 - t0) / steps;
        VectorField drift = new VectorField() {
            @Override public int dimension() { return 1; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) { dxdt[0] = -lambda * x[0] + Math.cos(t); }
        };
        // the recursion x_{s+1} = (1 - lambda h) x_s + h cos(t_s) + sigma sqrt(h) xi_s, from x0 = 1
        double mean = 1, variance = 0, a = 1 - lambda * h;
        for (int s = 0; s < steps; s++) {
            mean = a * mean + h * Math.cos(t0 + s * h);
            variance = a * a * variance + sigma * sigma * h;
        }
        // the fused additive loop and the general loop (the same coefficient through the Diffusion interface)
        Diffusion additive = Diffusion.additive(sigma);
        Diffusion general = (t, x, i) -> additive.coefficient(t, x, i);
        for (Diffusion g : List.of(additive, general)) {
            SplittableRandom rng = new SplittableRandom(11);
            double sum = 0, sum2 = 0;
            for (int k = 0; k < paths; k++) {
                double[] x = {1};
                new EulerMaruyama(drift, g).integrate(t0, x, t1, steps, rng, steps, StepObserver.NONE);
                sum += x[0];
                sum2 += x[0] * x[0];
            }
            double m = sum / paths, v = sum2 / paths - m * m;
            // 6 standard errors: a false failure has probability below 1e-8; a 5% error in the noise amplitude
            // moves the variance by 10%, 14 standard errors of the sample variance (sqrt(2 / paths) = 0.7%)
            assertThat(m).as("mean").isCloseTo(mean, within(6 * Math.sqrt(variance / paths)));
            assertThat(v).as("variance").isCloseTo(variance, within(6 * variance * Math.sqrt(2.0 / paths)));
        }
    }

    @Test
    void theFusedAdditivePathIsTheGeneralPathAndObservesAtItsTimes() {
        ExactProblem p = TestProblems.all().get(0);
        Diffusion additive = Diffusion.additive(0.3);
        Diffusion general = (t, x, i) -> additive.coefficient(t, x, i);
        Recorder ra = new Recorder(), rg = new Recorder();
        double[] xa = p.x0(), xg = p.x0();
        double[] out = new EulerMaruyama(p, additive).integrate(p.t0(), xa, p.t1(), 64, new SplittableRandom(5), 16, ra);
        new EulerMaruyama(p, general).integrate(p.t0(), xg, p.t1(), 64, new SplittableRandom(5), 16, rg);
        assertThat(out).isSameAs(xa);
        assertThat(xa).containsExactly(xg);
        assertThat(ra.times).containsExactlyElementsOf(rg.times);
        double h = (p.t1() - p.t0()) / 64;
        assertThat(ra.times).hasSize(5);
        for (int j = 0; j <= 4; j++) {
            assertThat(ra.times.get(j)).isCloseTo(p.t0() + 16 * j * h, within(1e-12));
        }
    }

    /** Geometric Brownian motion dx = mu x dt + s x dB: E[x_n] = x0 (1 + mu h)^n, E[x_n^2] = x0^2 ((1 + mu h)^2 + s^2 h)^n. */
    @Test
    void multiplicativeNoiseHasTheExactMomentsOfItsRecursion() {
        double mu = -0.4, s = 0.5, t0 = 1, t1 = 2;
        int steps = 20, paths = 40_000;
        double h = (t1 - t0) / steps;
        VectorField drift = new VectorField() {
            @Override public int dimension() { return 1; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) { dxdt[0] = mu * x[0]; }
        };
        Diffusion g = (t, x, i) -> s * x[i];
        double m1 = Math.pow(1 + mu * h, steps), m2 = Math.pow((1 + mu * h) * (1 + mu * h) + s * s * h, steps);
        SplittableRandom rng = new SplittableRandom(3);
        double sum = 0, sum2 = 0, sum4 = 0;
        for (int k = 0; k < paths; k++) {
            double[] x = {1};
            new EulerMaruyama(drift, g).integrate(t0, x, t1, steps, rng, steps, StepObserver.NONE);
            sum += x[0];
            sum2 += x[0] * x[0];
            sum4 += x[0] * x[0] * x[0] * x[0];
        }
        double var2 = sum4 / paths - (sum2 / paths) * (sum2 / paths);
        assertThat(sum / paths).isCloseTo(m1, within(6 * Math.sqrt((m2 - m1 * m1) / paths)));
        assertThat(sum2 / paths).isCloseTo(m2, within(6 * Math.sqrt(var2 / paths)));
    }

    @Test
    void theEnsembleFollowsTheSingleLoopOnATimeDependentDrift() {
        int k = 3;
        ExactProblem p = TestProblems.forcedDecay(0.5, new double[] {1, -1}, 1.5);
        int n = p.dimension();
        VectorField block = new VectorField() {
            final double[] xs = new double[n], fs = new double[n];

            @Override public int dimension() { return n * k; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) {
                for (int c = 0; c < k; c++) {
                    for (int i = 0; i < n; i++) {
                        xs[i] = x[i * k + c];
                    }
                    p.evaluate(t, xs, fs);
                    for (int i = 0; i < n; i++) {
                        dxdt[i * k + c] = fs[i];
                    }
                }
            }
        };
        double[] x = new double[n * k];
        SplittableRandom[] rngs = new SplittableRandom[k];
        for (int c = 0; c < k; c++) {
            rngs[c] = new SplittableRandom(100 + c);
            for (int i = 0; i < n; i++) {
                x[i * k + c] = p.x0()[i];
            }
        }
        double[] out = new EnsembleEulerMaruyama(block, k, 0.2).integrate(p.t0(), x, p.t1(), 50, rngs);
        assertThat(out).isSameAs(x);
        for (int c = 0; c < k; c++) {
            double[] single = p.x0();
            new EulerMaruyama(p, Diffusion.additive(0.2)).integrate(p.t0(), single, p.t1(), 50, new SplittableRandom(100 + c),
                    50, StepObserver.NONE);
            for (int i = 0; i < n; i++) {
                assertThat(x[i * k + c]).isCloseTo(single[i], within(1e-13));
            }
        }
    }

    @Test
    void boundaryArgumentsAreAccepted() {
        // one step, zero noise, one trajectory: the smallest valid values
        ExactProblem p = TestProblems.forcedDecay(0.5, new double[] {1}, 0.6);
        double[] a = p.x0(), b = p.x0(), c = p.x0(), d = p.x0();
        new Euler(1).integrate(p, 0.5, a, 0.6, 1, 1, StepObserver.NONE);
        new EulerMaruyama(p, Diffusion.additive(0)).integrate(0.5, b, 0.6, 1, new SplittableRandom(1), 1, StepObserver.NONE);
        new EnsembleEulerMaruyama(p, 1, 0).integrate(0.5, c, 0.6, 1, new SplittableRandom[] {new SplittableRandom(1)});
        double expected = 1 + 0.1 * (-1 + Math.cos(0.5));
        assertThat(a[0]).isCloseTo(expected, within(1e-15));
        assertThat(b[0]).isCloseTo(expected, within(1e-15));
        assertThat(c[0]).isCloseTo(expected, within(1e-15));
        // step() with given increments: x + h f(t, x) + sigma dB, for additive and general noise alike
        new EulerMaruyama(p, Diffusion.additive(0.5)).step(0.5, d, 0.1, new double[] {0.2});
        assertThat(d[0]).isCloseTo(expected + 0.5 * 0.2, within(1e-15));
        double[] e = p.x0();
        new EulerMaruyama(p, (t, x, i) -> 0.5).step(0.5, e, 0.1, new double[] {0.2});
        assertThat(e[0]).isEqualTo(d[0]);
    }

    @Test
    void aRejectedFirstStepIsRecordedAndEveryAttemptCosts6Evaluations() {
        ExactProblem p = TestProblems.all().get(1);
        // an error estimate overstated 1e6-fold forces rejections from the first attempt on
        DormandPrince54.Stats s = new DormandPrince54(p.dimension(), 1e-6, 1e-6, 1e6)
                .integrate(p, p.t0(), p.x0(), p.t1(), StepObserver.NONE);
        assertThat(s.rejected()).isPositive();
        assertThat(s.firstError()).as("the first attempt's error, kept").isGreaterThan(1);
        assertThat(s.evaluations()).isEqualTo(2 + 6 * (s.accepted() + s.rejected()));
    }

    @Test
    void withARelativeToleranceAlonePreciselyScaledSolutionsTakeTheSameSteps() {
        // rtol-dominated weights (atol 1e-30): x -> s x scales every weight by s, so the step sequence is invariant
        for (double scale : new double[] {1e-3, 1e4}) {
            ExactProblem base = TestProblems.gaussianDecay(-3, new double[] {1, -2}, -1);
            ExactProblem scaled = TestProblems.gaussianDecay(-3, new double[] {scale, -2 * scale}, -1);
            DormandPrince54.Stats a = new DormandPrince54(2, 1e-8, 1e-30).integrate(base, -3, base.x0(), -1,
                    StepObserver.NONE);
            DormandPrince54.Stats b = new DormandPrince54(2, 1e-8, 1e-30).integrate(scaled, -3, scaled.x0(), -1,
                    StepObserver.NONE);
            assertThat(b.accepted()).isEqualTo(a.accepted());
            assertThat(b.rejected()).isEqualTo(a.rejected());
            assertThat(b.firstStep()).isCloseTo(a.firstStep(), within(1e-12 * a.firstStep()));
        }
    }

    @Test
    void theStartingStepUsesTheRmsOfTheDerivativeEstimateToo() {
        // x' = -20 (x - cos t) from x0 = cos t0: f(t0) = 0, so the step is set by the estimate of f' (d2), whose RMS
        // must not depend on how many identical components there are
        VectorField one = fast(1), four = fast(4);
        double t0 = 0.3;
        DormandPrince54.Stats a = new DormandPrince54(1, 1e-7, 1e-7).integrate(one, t0, new double[] {Math.cos(t0)}, 1.3,
                StepObserver.NONE);
        double[] x4 = new double[4];
        Arrays.fill(x4, Math.cos(t0));
        DormandPrince54.Stats b = new DormandPrince54(4, 1e-7, 1e-7).integrate(four, t0, x4, 1.3, StepObserver.NONE);
        assertThat(b.firstStep()).isEqualTo(a.firstStep());
        assertThat(b.accepted()).isEqualTo(a.accepted());
    }

    private static VectorField fast(int n) {
        return new VectorField() {
            @Override public int dimension() { return n; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) {
                for (int i = 0; i < n; i++) {
                    dxdt[i] = -20 * (x[i] - Math.cos(t));
                }
            }
        };
    }
}
