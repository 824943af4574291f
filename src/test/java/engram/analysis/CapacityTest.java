package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import engram.model.HebbianSignNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The O(P) sign network against dense Hebbian couplings, the exact unit probability, and the fits. */
class CapacityTest {

    private static double[][] denseHebbian(byte[] xi, int n, int p) {
        double[][] j = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    double s = 0;
                    for (int mu = 0; mu < p; mu++) {
                        s += xi[a * p + mu] * xi[b * p + mu];
                    }
                    j[a][b] = s; // N J: integers, so the dense fields are exact and ties are ties
                }
            }
        }
        return j;
    }

    private static double field(double[][] j, double[] s, int i) {
        double h = 0;
        for (int k = 0; k < s.length; k++) {
            h += j[i][k] * s[k];
        }
        return h;
    }

    @Test
    void theOverlapNetworkRunsTheDenseHebbianDynamicsToAFixedPoint() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 40 + trial, p = 2 + trial % 9;
            byte[] xi = HebbianSignNetwork.randomMemories(n, p, rng);
            double[][] j = denseHebbian(xi, n, p);
            HebbianSignNetwork net = new HebbianSignNetwork(n, p, xi);
            for (int mu = 0; mu < p; mu++) {
                double[] m = net.memory(mu);
                int unstable = 0;
                for (int i = 0; i < n; i++) {
                    unstable += field(j, m, i) * m[i] < 0 ? 1 : 0;
                }
                assertThat(net.unstableUnits(mu)).isEqualTo(unstable);
            }
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextBoolean() ? 1 : -1;
            }
            double before = energy(j, s);
            HebbianSignNetwork.Run run = net.run(s, rng, 1000);
            assertThat(run.converged()).isTrue();
            assertThat(energy(j, s)).isLessThanOrEqualTo(before + 1e-12);
            for (int i = 0; i < n; i++) {
                assertThat(field(j, s, i) * s[i]).as("unit %d", i).isGreaterThanOrEqualTo(-1e-12);
            }
        }
    }

    private static double energy(double[][] j, double[] s) {
        double e = 0;
        for (int i = 0; i < s.length; i++) {
            e -= 0.5 * s[i] * field(j, s, i);
        }
        return e;
    }

    /** Every set of memories at tiny N and P: the mean rate of unstable units of memory 0 is the exact formula. */
    @Test
    void theUnstableUnitProbabilityIsExactByEnumeration() {
        for (int[] np : new int[][] {{4, 2}, {5, 3}, {3, 4}, {6, 2}, {3, 3}}) {
            int n = np[0], p = np[1], bits = n * p;
            long unstable = 0;
            for (int code = 0; code < 1 << bits; code++) {
                byte[] xi = new byte[bits];
                for (int k = 0; k < bits; k++) {
                    xi[k] = (byte) (((code >> k) & 1) == 1 ? 1 : -1);
                }
                unstable += new HebbianSignNetwork(n, p, xi).unstableUnits(0);
            }
            double rate = unstable / ((double) n * (1 << bits));
            assertThat(Capacity.unstableProbability(n, p)).as("N %d, P %d", n, p).isCloseTo(rate, within(1e-15));
        }
    }

    @Test
    void theLogisticFitRecoversAKnownTransition() {
        double[] x = new double[11], succ = new double[11], trials = new double[11];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.10 + 0.01 * k;
            trials[k] = 1e6;
            succ[k] = trials[k] / (1 + Math.exp(-(30 - 200 * x[k])));
        }
        double[] fit = Capacity.logisticFit(x, succ, trials);
        assertThat(fit[0]).isCloseTo(30, within(1e-6));
        assertThat(fit[1]).isCloseTo(-200, within(1e-5));
        assertThat(-fit[0] / fit[1]).isCloseTo(0.15, within(1e-9));
        // separated data has no maximum-likelihood fit
        assertThat(Capacity.logisticFit(new double[] {0.1, 0.2, 0.3}, new double[] {5, 5, 0}, new double[] {5, 5, 5}))
                .isNull();
    }

    @Test
    void theExtrapolationOfAnExactLineIsExactAndItsIntervalWidensWithScatter() {
        List<Capacity.Transition> exact = new ArrayList<>(), noisy = new ArrayList<>();
        int[] sizes = {250, 500, 1000, 2000};
        for (int k = 0; k < sizes.length; k++) {
            double a = 0.14 + 10.0 / sizes[k];
            exact.add(new Capacity.Transition(sizes[k], a, a - 0.002, a + 0.002, true, List.of()));
            double b = a + (k % 2 == 0 ? 0.01 : -0.01);
            noisy.add(new Capacity.Transition(sizes[k], b, b - 0.002, b + 0.002, true, List.of()));
        }
        Capacity.Extrapolation e = Capacity.extrapolate(exact, 1);
        assertThat(e.intercept()).isCloseTo(0.14, within(1e-12));
        assertThat(e.slope()).isCloseTo(10, within(1e-9));
        assertThat(e.contains(0.14)).isTrue();
        Capacity.Extrapolation f = Capacity.extrapolate(noisy, 1);
        assertThat(f.high() - f.low()).isGreaterThan(3 * (e.high() - e.low()));
    }
}
