package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.activation.Sign;
import engram.activation.Tanh;
import engram.memory.DenseCouplings;
import engram.model.Input;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The statistics behind the capacity curves, against their definitions: the logistic fit is a maximum of the
 * likelihood (zero score) and its covariance the inverse Fisher information in the original coordinates; the
 * transition is where the fitted probability is 1/2, with the delta-method interval, or the midpoint of a clean
 * step; load grids, trial tallies, the centred overlap and the load-to-memory count follow their formulas.
 */
class CapacityStatisticsTest {

    /** Successes out of trials with a logistic probability plus a fixed, non-separating perturbation. */
    private static double[][] noisyData() {
        double[] x = {0.10, 0.12, 0.14, 0.16, 0.18, 0.20};
        double[] trials = {40, 30, 50, 40, 30, 40};
        double[] succ = {38, 26, 31, 14, 4, 1};
        return new double[][] {x, succ, trials};
    }

    @Test
    void theLogisticFitIsALikelihoodMaximumWithTheInverseFisherCovariance() {
        double[][] d = noisyData();
        double[] x = d[0], succ = d[1], trials = d[2];
        double[] fit = Capacity.logisticFit(x, succ, trials);
        double a = fit[0], b = fit[1];
        double ga = 0, gb = 0, iaa = 0, iab = 0, ibb = 0;
        for (int j = 0; j < x.length; j++) {
            double p = 1 / (1 + Math.exp(-(a + b * x[j])));
            ga += succ[j] - trials[j] * p;
            gb += (succ[j] - trials[j] * p) * x[j];
            double w = trials[j] * p * (1 - p);
            iaa += w;
            iab += w * x[j];
            ibb += w * x[j] * x[j];
        }
        assertThat(ga).as("score in a").isCloseTo(0, within(1e-8));
        assertThat(gb).as("score in b").isCloseTo(0, within(1e-8));
        double det = iaa * ibb - iab * iab;
        assertThat(fit[2]).isCloseTo(ibb / det, within(1e-6 * ibb / det));
        assertThat(fit[3]).isCloseTo(-iab / det, within(1e-6 * Math.abs(iab / det)));
        assertThat(fit[4]).isCloseTo(iaa / det, within(1e-6 * iaa / det));
        assertThat(b).isNegative();

        // no finite maximum: separated data, a rising curve, a single abscissa
        assertThat(Capacity.logisticFit(new double[] {0.1, 0.2, 0.3}, new double[] {0, 3, 5}, new double[] {5, 5, 5}))
                .isNull();
        assertThat(Capacity.logisticFit(new double[] {0.1, 0.2, 0.3}, new double[] {1, 3, 4}, new double[] {5, 5, 5}))
                .as("a rising success rate is no capacity transition").isNull();
        assertThat(Capacity.logisticFit(new double[] {0.2, 0.2}, new double[] {1, 3}, new double[] {5, 5})).isNull();
    }

    private static Capacity.Load load(double alpha, int trials, int successes) {
        return new Capacity.Load(alpha, trials, successes, 0, 0);
    }

    @Test
    void theTransitionIsWhereTheFittedProbabilityIsOneHalf() {
        double[][] d = noisyData();
        List<Capacity.Load> loads = new ArrayList<>();
        for (int j = 0; j < d[0].length; j++) {
            loads.add(load(d[0][j], (int) d[2][j], (int) d[1][j]));
        }
        Capacity.Transition t = Capacity.transition(500, loads);
        double[] fit = Capacity.logisticFit(d[0], d[1], d[2]);
        assertThat(t.n()).isEqualTo(500);
        assertThat(t.alphaC()).isCloseTo(-fit[0] / fit[1], within(1e-12));
        double ga = -1 / fit[1], gb = fit[0] / (fit[1] * fit[1]);
        double half = 1.96 * Math.sqrt(ga * ga * fit[2] + 2 * ga * gb * fit[3] + gb * gb * fit[4]);
        assertThat(t.low()).isCloseTo(t.alphaC() - half, within(1e-12));
        assertThat(t.high()).isCloseTo(t.alphaC() + half, within(1e-12));
        assertThat(t.located()).isTrue();
        assertThat(t.sd()).isCloseTo(half / 1.96, within(1e-12));
        assertThat(t.loads()).isEqualTo(loads);

        // a clean step between 0.14 and 0.16: the midpoint, the two loads as the interval
        List<Capacity.Load> step = List.of(load(0.10, 10, 10), load(0.12, 10, 10), load(0.14, 10, 10), load(0.16, 10, 0),
                load(0.18, 10, 0));
        Capacity.Transition s = Capacity.transition(250, step);
        assertThat(s.alphaC()).isCloseTo(0.15, within(1e-15));
        assertThat(s.low()).isEqualTo(0.14);
        assertThat(s.high()).isEqualTo(0.16);
        assertThat(s.located()).isTrue();
        // a grid that never crosses one half does not locate the transition
        List<Capacity.Load> high = List.of(load(0.10, 10, 10), load(0.12, 10, 9), load(0.14, 10, 8), load(0.16, 10, 7));
        assertThat(Capacity.transition(250, high).located()).isFalse();
        assertThat(new Capacity.Transition(1, 0.1, 0.1, 0.1, true, List.of()).sd()).isEqualTo(1e-6);
    }

    @Test
    void loadsGridsAndOverlapsFollowTheirFormulas() {
        Capacity.Load l = load(0.1, 40, 30);
        assertThat(l.rate()).isEqualTo(0.75);
        double[] w = l.wilson(0.95);
        // Wilson score interval: (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
        double z = 1.959963984540054, n = 40, p = 0.75;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
        assertThat(w[0]).isCloseTo(centre - halfWidth, within(1e-9));
        assertThat(w[1]).isCloseTo(centre + halfWidth, within(1e-9));
        assertThat(load(0.1, 10, 10).wilson(0.95)[1]).isLessThanOrEqualTo(1.0);
        assertThat(load(0.1, 10, 0).wilson(0.95)[0]).isGreaterThanOrEqualTo(0.0);

        double[] s = Capacity.signLoads(500);
        assertThat(s).hasSize(13);
        assertThat(s[0]).isEqualTo(0.11);
        assertThat(s[12]).isCloseTo(0.17 + 20.0 / 500, within(1e-15));
        assertThat(s[6]).isCloseTo(0.5 * (0.11 + 0.17 + 20.0 / 500), within(1e-15));
        double[] a = Capacity.analogLoads(0.2);
        assertThat(a).hasSize(12);
        assertThat(a[0]).isCloseTo(0.06, within(1e-15));
        assertThat(a[11]).isCloseTo(0.28, within(1e-15));
        assertThat(a[1] - a[0]).isCloseTo(0.2 * 1.1 / 11, within(1e-15));

        assertThat(Capacity.memories(1000, 0.1234)).isEqualTo(123);
        assertThat(Capacity.memories(1000, 0.1235)).isEqualTo(124);
        assertThat(Capacity.memories(10, 0.01)).isEqualTo(1);
        assertThat(Capacity.memories(2, 1)).isEqualTo(2);
        for (double bad : new double[] {0, -0.1, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> Capacity.memories(100, bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Capacity.memories(1, 0.5)).isInstanceOf(IllegalArgumentException.class);

        // centred: a memory of mean 1/2 against y
        assertThat(Capacity.centredOverlap(new double[] {1, 1, 1, -1}, new double[] {2, 0, 1, 1}))
                .isCloseTo(((0.5 * 2) + 0 + 0.5 - 1.5) / 4, within(1e-15));
        assertThat(Capacity.singleMemoryOverlap(new Sign())).isEqualTo(1.0);
        double m = Capacity.singleMemoryOverlap(new Tanh(3));
        assertThat(m).isCloseTo(Math.tanh(3 * m), within(1e-6));       // m = tanh(g m) at vanishing load
        assertThat(Capacity.successOverlap(new Tanh(3))).isCloseTo(Capacity.SUCCESS_FRACTION * m, within(1e-15));
        assertThat(Capacity.trialSeed(1, 100, 0.1, 0)).isNotEqualTo(Capacity.trialSeed(1, 100, 0.1, 1));
        assertThat(Capacity.trialSeed(1, 100, 0.1, 0)).isNotEqualTo(Capacity.trialSeed(1, 200, 0.1, 0));
        assertThat(Capacity.trialSeed(1, 100, 0.1, 0)).isNotEqualTo(Capacity.trialSeed(1, 100, 0.2, 0));
        assertThat(Capacity.trialSeed(1, 100, 0.1, 0)).isNotEqualTo(Capacity.trialSeed(2, 100, 0.1, 0));
        assertThat(Capacity.trialSeed(1, 100, 0.1, 0)).isEqualTo(Capacity.trialSeed(1, 100, 0.1, 0));
    }

    @Test
    void trialsTallyTheirOverlapsAndSucceedFromTheThreshold() {
        // at a tiny load every cue returns: all succeed, overlap 1 for sign neurons, sd 0
        Capacity.Load easy = Capacity.sign(400, 0.01, 6, 0.1, 3, false);
        assertThat(easy.trials()).isEqualTo(6);
        assertThat(easy.successes()).isEqualTo(6);
        assertThat(easy.meanOverlap()).isCloseTo(1, within(0.02));
        assertThat(easy.sdOverlap()).isGreaterThanOrEqualTo(0).isLessThan(0.02);
        Capacity.Load hard = Capacity.sign(400, 0.5, 6, 0.1, 3, false);
        assertThat(hard.successes()).isZero();
        assertThat(hard.meanOverlap()).isLessThan(0.8);
        assertThat(hard.sdOverlap()).isPositive();
        Capacity.Load one = Capacity.sign(400, 0.01, 1, 0.1, 3, false);
        assertThat(one.sdOverlap()).isZero();
        Capacity.Load analog = Capacity.analog(new Tanh(20), 300, 0.02, 4, 0.1, 5);
        assertThat(analog.successes()).isEqualTo(4);
        assertThat(analog.meanOverlap()).isGreaterThan(Capacity.successOverlap(new Tanh(20)));
    }

    @Test
    void aTallyCountsOverlapsFromTheThresholdWithTheSampleDeviation() {
        Capacity.Load l = Capacity.tally(0.1, new double[] {0.9, 0.5, 0.8, 1.0}, 0.8);
        assertThat(l.alpha()).isEqualTo(0.1);
        assertThat(l.trials()).isEqualTo(4);
        assertThat(l.successes()).as("an overlap equal to the threshold succeeds").isEqualTo(3);
        assertThat(l.meanOverlap()).isCloseTo(0.8, within(1e-15));
        // sample standard deviation: sum (o - mean)^2 / (t - 1)
        assertThat(l.sdOverlap()).isCloseTo(Math.sqrt((0.01 + 0.09 + 0 + 0.04) / 3), within(1e-14));
        assertThat(Capacity.tally(0.1, new double[] {0.3}, 0.8).sdOverlap()).isZero();
    }

    @Test
    void aCueFlipsTheFractionOfUnitsItIsGiven() {
        // no noise: the cue is the memory, a fixed point at a tiny load; all noise: its negative, also a fixed point
        Capacity.Load clean = Capacity.sign(1000, 0.005, 3, 0, 11, false);
        Capacity.Load inverted = Capacity.sign(1000, 0.005, 3, 1, 11, false);
        assertThat(clean.successes()).isEqualTo(3);
        assertThat(clean.meanOverlap()).isGreaterThan(0.95);
        assertThat(inverted.successes()).isZero();
        assertThat(inverted.meanOverlap()).isCloseTo(-clean.meanOverlap(), within(1e-12));
    }

    @Test
    void settlingRunsEulerBlocksUntilAUnitMovesLessThanTheTolerance() {
        // dx/dt = -x / tau: 100 Euler steps of 0.05 per block multiply x by (1 - 0.05 / tau)^100
        int n = 3;
        for (double tau : new double[] {1, 10}) {
            VoltageModel decay = new VoltageModel(tau, new DenseCouplings(n, new double[n * n]), new Tanh(1), Input.zero(n));
            double factor = Math.pow(1 - 0.05 / tau, 100);
            int blocks = 0;
            double move = Double.POSITIVE_INFINITY, x0 = 1;
            // the blocks the rule runs: stop after the first block that moves less than SETTLED, or at the horizon
            while (blocks * 5 < Capacity.HORIZON && !(move < Capacity.SETTLED)) {
                move = x0 * Math.pow(factor, blocks) * (1 - factor);
                blocks++;
            }
            double[] x = {1, -1, 0.5};
            Capacity.settle(decay, x);
            double expect = Math.pow(1 - 0.05 / tau, 100.0 * blocks);
            assertThat(blocks).as("tau %s", tau).isEqualTo(tau == 1 ? 5 : 12);
            assertThat(x[0]).as("tau %s", tau).isCloseTo(expect, within(1e-12 * expect));
            assertThat(x[1]).isCloseTo(-expect, within(1e-12 * expect));
            assertThat(x[2]).isCloseTo(0.5 * expect, within(1e-12 * expect));
        }
        // towards a non-zero fixed point (x' = u - x): still 5 blocks, x - u = (x0 - u) 0.95^500
        VoltageModel driven = new VoltageModel(1, new DenseCouplings(1, new double[1]), new Tanh(1),
                Input.constant(new double[] {1}));
        double[] y = {2};
        Capacity.settle(driven, y);
        assertThat(y[0] - 1).isCloseTo(Math.pow(0.95, 500), within(1e-12));
    }

    @Test
    void theTransitionNeedsTheGridsEndsOnEitherSideOfOneHalf() {
        // the fitted curve crosses 1/2 inside the grid, but an end load sits at exactly one half: not spanned
        List<Capacity.Load> startsAtHalf = List.of(load(0.10, 10, 5), load(0.12, 10, 9), load(0.14, 10, 6),
                load(0.16, 10, 1), load(0.18, 10, 0));
        List<Capacity.Load> endsAtHalf = List.of(load(0.10, 10, 10), load(0.12, 10, 9), load(0.14, 10, 4),
                load(0.16, 10, 1), load(0.18, 10, 5));
        List<Capacity.Load> spanned = List.of(load(0.10, 10, 6), load(0.12, 10, 9), load(0.14, 10, 6),
                load(0.16, 10, 1), load(0.18, 10, 0));
        for (List<Capacity.Load> loads : List.of(startsAtHalf, endsAtHalf, spanned)) {
            Capacity.Transition t = Capacity.transition(100, loads);
            assertThat(t.alphaC()).isBetween(0.10, 0.18);
            assertThat(t.located()).isEqualTo(loads == spanned);
        }
        // every load fails: alpha_c lies below the grid, in (0, first load]
        List<Capacity.Load> none = List.of(load(0.10, 10, 0), load(0.12, 10, 0), load(0.14, 10, 0));
        Capacity.Transition t = Capacity.transition(100, none);
        assertThat(t.low()).isEqualTo(0);
        assertThat(t.high()).isEqualTo(0.10);
        assertThat(t.located()).isFalse();
        // every load retrieves: alpha_c lies above the grid, in [last load, 1]
        Capacity.Transition all = Capacity.transition(100, List.of(load(0.10, 10, 10), load(0.12, 10, 9)));
        assertThat(all.low()).isEqualTo(0.12);
        assertThat(all.high()).isEqualTo(1);
        assertThat(all.located()).isFalse();
    }

    @Test
    void theTransitionSweepsReportProgressAndEqualTheirLoads() {
        double[] grid = {0.01, 0.3};
        List<Integer> seen = new ArrayList<>();
        Capacity.Transition a = Capacity.analogTransition(new Tanh(20), 120, grid, 2, 0.05, 9, seen::add);
        assertThat(seen).containsExactly(0, 1);
        assertThat(a.n()).isEqualTo(120);
        for (int j = 0; j < grid.length; j++) {
            assertThat(a.loads().get(j)).isEqualTo(Capacity.analog(new Tanh(20), 120, grid[j], 2, 0.05, 9));
        }
        seen.clear();
        Capacity.Transition s = Capacity.signTransition(120, grid, 2, 0.05, 9, false, seen::add);
        assertThat(seen).containsExactly(0, 1);
        for (int j = 0; j < grid.length; j++) {
            assertThat(s.loads().get(j)).isEqualTo(Capacity.sign(120, grid[j], 2, 0.05, 9, false));
        }
        assertThat(Capacity.signTransition(120, grid, 2, 0.05, 9, false, null).loads()).isEqualTo(s.loads());
    }

    @Test
    void trialSeedsOfDifferentRunsDoNotCollide() {
        Set<Long> seeds = new HashSet<>();
        int count = 0;
        for (long seed = 0; seed < 40; seed++) {
            for (int n : new int[] {100, 250, 1000}) {
                for (double alpha : new double[] {0.05, 0.1, 0.14}) {
                    for (int k = 0; k < 20; k++) {
                        seeds.add(Capacity.trialSeed(seed, n, alpha, k));
                        count++;
                    }
                }
            }
        }
        assertThat(seeds).hasSize(count);
    }

    /** Weighted least squares of alpha_c = a + b N^-power by the 2 x 2 normal equations, with its t interval. */
    @Test
    void theExtrapolationIntervalIsStudentsTOnTheWeightedFit() {
        int[] sizes = {200, 400, 800, 1600, 3200};
        double[] shift = {0.004, -0.003, 0.001, 0.002, -0.004};
        for (double sd : new double[] {0.0005, 0.02}) {           // residuals above / below their stated spread
            List<Capacity.Transition> ts = new ArrayList<>();
            for (int j = 0; j < sizes.length; j++) {
                double a = 0.14 + 8.0 / sizes[j] + shift[j];
                ts.add(new Capacity.Transition(sizes[j], a, a - 1.96 * sd * (1 + 0.1 * j), a + 1.96 * sd * (1 + 0.1 * j),
                        true, List.of()));
            }
            double sxx = 0, sxy = 0, syy = 0, sx1 = 0, sy1 = 0, s11 = 0;
            for (Capacity.Transition t : ts) {
                double w = 1 / (t.sd() * t.sd()), z = Math.pow(t.n(), -1.0);
                s11 += w;
                sx1 += w * z;
                sxx += w * z * z;
                sy1 += w * t.alphaC();
                sxy += w * z * t.alphaC();
                syy += w * t.alphaC() * t.alphaC();
            }
            double det = s11 * sxx - sx1 * sx1;
            double a = (sxx * sy1 - sx1 * sxy) / det, b = (s11 * sxy - sx1 * sy1) / det;
            double rss = syy - a * sy1 - b * sxy;
            double scale = Math.max(1, rss / (sizes.length - 2));
            double q = new TDistribution(sizes.length - 2)
                    .inverseCumulativeProbability(0.975);
            double halfA = q * Math.sqrt(sxx / det * scale), halfB = q * Math.sqrt(s11 / det * scale);
            Capacity.Extrapolation e = Capacity.extrapolate(ts, 1);
            assertThat(e.power()).isEqualTo(1);
            assertThat(e.intercept()).isCloseTo(a, within(1e-10));
            assertThat(e.slope()).isCloseTo(b, within(1e-7));
            assertThat(e.low()).isCloseTo(a - halfA, within(1e-9));
            assertThat(e.high()).isCloseTo(a + halfA, within(1e-9));
            assertThat(e.slopeLow()).isCloseTo(b - halfB, within(1e-6));
            assertThat(sd == 0.02 ? rss / 3 < 1 : rss / 3 > 1).as("the case meant").isTrue();
        }
        List<Capacity.Transition> three = List.of(new Capacity.Transition(100, 0.2, 0.19, 0.21, true, List.of()),
                new Capacity.Transition(200, 0.17, 0.16, 0.18, true, List.of()),
                new Capacity.Transition(400, 0.155, 0.145, 0.165, true, List.of()));
        assertThat(Capacity.extrapolate(three, 1).intercept()).isCloseTo(0.14, within(1e-9));
        assertThatThrownBy(() -> Capacity.extrapolate(three.subList(0, 2), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesAndIntervalMembershipFollowTheirDefinitions() {
        // four networks with 0, 1, 2 and 4 unstable units: mean 7/4, sample variance (3.0625 + 0.5625 + 0.0625 + 5.0625)
        // / 3 = 35/12, so the total's standard error is sqrt(4 x 35/12)
        Capacity.FixedPoints fp = new Capacity.FixedPoints(10, 3, 4, 2, 12, 9, 120, 7, 0 + 1 + 4 + 16);
        assertThat(fp.unstableStandardError()).isCloseTo(Math.sqrt(4 * 35 / 12.0), within(1e-12));
        assertThat(fp.allFixedRate()).isEqualTo(0.5);
        assertThat(fp.fixedMemoryRate()).isEqualTo(0.75);
        assertThat(fp.unstableUnitRate()).isEqualTo(7 / 120.0);
        Capacity.Extrapolation e = new Capacity.Extrapolation(1, 0.14, 0.13, 0.15, 1, 0);
        assertThat(e.contains(0.13)).as("the interval is closed").isTrue();
        assertThat(e.contains(0.15)).isTrue();
        assertThat(e.contains(0.14)).isTrue();
        assertThat(e.contains(Math.nextDown(0.13))).isFalse();
        assertThat(e.contains(Math.nextUp(0.15))).isFalse();
    }
}
