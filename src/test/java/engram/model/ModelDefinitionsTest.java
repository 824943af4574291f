package engram.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.activation.Activation;
import engram.activation.Logistic;
import engram.activation.RectifiedTanh;
import engram.activation.Tanh;
import engram.claim.cases.Vectors;
import engram.integrate.VectorField;
import engram.memory.Couplings;
import engram.memory.DenseCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every model against its defining equation, written out here in the plainest loops over a dense copy of W (the
 * models use low-rank products, fused loops and scratch buffers): vector fields, Jacobians, energies and gradients,
 * the update rules of the discrete networks, and the validation of parameters. Energies are tied to their gradients
 * by central differences, so a wrong sign or factor in either shows. Random general (non-symmetric) W and
 * time-dependent inputs, so that no term can vanish by symmetry.
 */
class ModelDefinitionsTest {

    private static final double TIGHT = 1e-12;

    /** cos: not monotone, so its additive Lagrangian is not convex. */
    private static final Activation NON_MONOTONE = new Activation() {
        @Override public String name() { return "cos"; }
        @Override public double value(double x) { return Math.cos(x); }
        @Override public double derivative(double x) { return -Math.sin(x); }
        @Override public double integral(double x) { return Math.sin(x); }
        @Override public double inverse(double y) { throw new IllegalArgumentException("not invertible"); }
        @Override public boolean invertible() { return false; }
        @Override public double lipschitz() { return 1; }
        @Override public double rangeMin() { return -1; }
        @Override public double rangeMax() { return 1; }
        @Override public boolean odd() { return false; }
        @Override public boolean monotone() { return false; }
    };

    private static void assertClose(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(tol * (1 + Math.abs(expected[i]))));
        }
    }

    /** Central-difference gradient of a scalar function. */
    private static double[] numericGradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] a = x.clone(), b = x.clone();
            a[i] += h;
            b[i] -= h;
            g[i] = (f.applyAsDouble(a) - f.applyAsDouble(b)) / (2 * h);
        }
        return g;
    }

    private static double[] times(double[] w, int n, double[] v) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i] += w[i * n + j] * v[j];
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- voltage model

    @Test
    void voltageFieldJacobianEnergyAndGradientFollowTheirDefinitions() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 6; trial++) {
            int n = 2 + rng.nextInt(7);
            double tau = 0.3 + 2 * rng.nextDouble(), t = 0.5 + rng.nextDouble();
            DenseCouplings w = DenseCouplings.randomGeneral(n, 1.5, rng);
            double[] wd = w.toDense();
            Activation psi = trial % 2 == 0 ? new Tanh(0.5 + rng.nextDouble()) : new Logistic(1 + rng.nextDouble(), 0.1);
            double[] u0 = Vectors.gaussian(n, 0.7, rng), rate = Vectors.gaussian(n, 0.5, rng);
            double[] x = Vectors.gaussian(n, 1, rng);
            double[] phi = new double[n];
            for (int i = 0; i < n; i++) {
                phi[i] = psi.value(x[i]);
            }
            double[] wphi = times(wd, n, phi);

            for (boolean constant : new boolean[] {true, false}) {
                Input in = constant ? Input.constant(u0) : new Input(u0, rate);
                VoltageModel m = new VoltageModel(tau, w, psi, in);
                assertThat(m.dimension()).isEqualTo(n);
                assertThat(m.tau()).isEqualTo(tau);
                assertThat(m.couplings()).isSameAs(w);
                assertThat(m.activation()).isSameAs(psi);
                assertThat(m.input()).isSameAs(in);
                double[] expected = new double[n];
                for (int i = 0; i < n; i++) {
                    double u = u0[i] + (constant ? 0 : t * rate[i]);
                    expected[i] = (-x[i] + wphi[i] + u) / tau;
                }
                double[] f = new double[n];
                m.evaluate(t, x, f);
                assertClose(f, expected, TIGHT);
            }

            VoltageModel m = new VoltageModel(tau, w, psi, Input.constant(u0));
            double[] jac = new double[n * n];
            m.jacobian(0, x, jac);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double expected = (wd[i * n + j] * psi.derivative(x[j]) - (i == j ? 1 : 0)) / tau;
                    assertThat(jac[i * n + j]).isCloseTo(expected, within(TIGHT));
                }
            }

            double e = 0;
            for (int i = 0; i < n; i++) {
                e += -0.5 * phi[i] * wphi[i] - u0[i] * phi[i] + x[i] * phi[i] - psi.integral(x[i]);
            }
            assertThat(m.energy(x)).isCloseTo(e, within(TIGHT * (1 + Math.abs(e))));

            double[] grad = new double[n];
            m.gradient(x, grad);
            for (int i = 0; i < n; i++) {
                assertThat(grad[i]).isCloseTo(psi.derivative(x[i]) * (x[i] - wphi[i] - u0[i]), within(TIGHT));
            }
            // for symmetric W the gradient is the energy's own derivative
            DenseCouplings ws = DenseCouplings.randomSymmetric(n, 1.5, false, rng);
            VoltageModel sym = new VoltageModel(tau, ws, psi, Input.constant(u0));
            double[] g = new double[n];
            sym.gradient(x, g);
            assertClose(g, numericGradient(sym::energy, x, 1e-5), 1e-7);
        }
    }

    @Test
    void voltageModelRejectsBadTauAndMismatchedInput() {
        DenseCouplings w = DenseCouplings.randomGeneral(3, 1, new SplittableRandom(1));
        for (double tau : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new VoltageModel(tau, w, new Tanh(1), Input.zero(3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tau");
            assertThatThrownBy(() -> new FiringRateModel(tau, w, new Tanh(1), Input.zero(3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tau");
        }
        assertThatThrownBy(() -> new VoltageModel(1, w, new Tanh(1), Input.zero(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input");
        assertThatThrownBy(() -> new FiringRateModel(1, w, new Tanh(1), Input.zero(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input");
        assertThatThrownBy(() -> new Input(new double[3], new double[2])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new VoltageModel(Double.MIN_VALUE, w, new Tanh(1), Input.zero(3)).tau()).isEqualTo(Double.MIN_VALUE);
        assertThatThrownBy(() -> new VectorField() {
            @Override public int dimension() { return 1; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) {
            }
        }.jacobian(0, new double[1], new double[1])).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void inputIsAffineInTime() {
        Input in = new Input(new double[] {1, -2}, new double[] {0.5, 3});
        assertThat(in.isConstant()).isFalse();
        assertThat(in.at(2, 0)).isEqualTo(2.0);
        assertThat(in.at(2, 1)).isEqualTo(4.0);
        Input c = Input.constant(new double[] {1, -2});
        assertThat(c.isConstant()).isTrue();
        assertThat(c.at(7, 1)).isEqualTo(-2.0);
        assertThat(Input.zero(3).u0()).containsExactly(0, 0, 0);
        assertThat(Input.zero(3).isConstant()).isTrue();
    }

    // ---------------------------------------------------------------- firing-rate model

    @Test
    void firingRateFieldJacobianEnergyAndGradientFollowTheirDefinitions() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int trial = 0; trial < 6; trial++) {
            int n = 2 + rng.nextInt(7);
            double tau = 0.3 + 2 * rng.nextDouble(), t = 0.5 + rng.nextDouble();
            DenseCouplings w = DenseCouplings.randomGeneral(n, 1.5, rng);
            double[] wd = w.toDense();
            Logistic phi = new Logistic(1 + 2 * rng.nextDouble(), 0.2 * rng.nextGaussian());
            double[] u0 = Vectors.gaussian(n, 0.7, rng), rate = Vectors.gaussian(n, 0.5, rng);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = 0.05 + 0.9 * rng.nextDouble();
            }
            double[] wr = times(wd, n, r);
            Input in = new Input(u0, rate);
            FiringRateModel m = new FiringRateModel(tau, w, phi, in);
            assertThat(m.dimension()).isEqualTo(n);
            assertThat(m.tau()).isEqualTo(tau);
            assertThat(m.couplings()).isSameAs(w);
            assertThat(m.activation()).isSameAs(phi);
            assertThat(m.input()).isSameAs(in);

            double[] f = new double[n], expected = new double[n];
            m.evaluate(t, r, f);
            for (int i = 0; i < n; i++) {
                expected[i] = (-r[i] + phi.value(wr[i] + u0[i] + t * rate[i])) / tau;
            }
            assertClose(f, expected, TIGHT);

            double[] jac = new double[n * n];
            m.evaluate(t, Vectors.gaussian(n, 1, rng), new double[n]);   // the Jacobian must not reuse this field
            m.jacobian(t, r, jac);
            for (int i = 0; i < n; i++) {
                double d = phi.derivative(wr[i] + u0[i] + t * rate[i]);
                for (int j = 0; j < n; j++) {
                    assertThat(jac[i * n + j]).isCloseTo((d * wd[i * n + j] - (i == j ? 1 : 0)) / tau, within(TIGHT));
                }
            }

            double e = 0;
            for (int i = 0; i < n; i++) {
                e += -0.5 * r[i] * wr[i] - u0[i] * r[i] + phi.inverseIntegral(r[i]);
            }
            assertThat(m.energy(r)).isCloseTo(e, within(TIGHT * (1 + Math.abs(e))));
            double[] grad = new double[n];
            m.gradient(r, grad);
            for (int i = 0; i < n; i++) {
                assertThat(grad[i]).isCloseTo(phi.inverse(r[i]) - wr[i] - u0[i], within(1e-10));
            }
            FiringRateModel sym = new FiringRateModel(tau, DenseCouplings.randomSymmetric(n, 1.5, false, rng), phi,
                    Input.constant(u0));
            double[] g = new double[n];
            sym.gradient(r, g);
            assertClose(g, numericGradient(sym::energy, r, 1e-6), 1e-6);
        }
    }

    // ---------------------------------------------------------------- discrete networks

    @Test
    void discreteHopfieldUpdatesEveryUnitToTheSignOfItsFieldAndStopsAtAFixedPoint() {
        SplittableRandom rng = new SplittableRandom(13);
        int maxFlips = 0;
        for (int trial = 0; trial < 10; trial++) {
            int n = 20 + rng.nextInt(40);
            DenseCouplings w = DenseCouplings.randomSymmetric(n, 1, true, rng);
            double[] wd = w.toDense();
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextBoolean() ? 1 : -1;
            }
            DiscreteHopfield net = new DiscreteHopfield(w);
            double e0 = 0;
            double[] ws = times(wd, n, s);
            for (int i = 0; i < n; i++) {
                e0 -= 0.5 * s[i] * ws[i];
            }
            assertThat(net.energy(s)).isCloseTo(e0, within(1e-12));
            double[] start = s.clone();
            DiscreteHopfield.Run run = net.run(s, rng, 1000);
            assertThat(run.converged()).isTrue();
            assertThat(run.energies()).hasSize(run.flips() + 1);
            assertThat(run.energies()[0]).isCloseTo(e0, within(1e-12));
            assertThat(run.energies()[run.flips()]).isCloseTo(net.energy(s), within(1e-12));
            for (int k = 1; k <= run.flips(); k++) {
                assertThat(run.energies()[k]).isLessThan(run.energies()[k - 1]);
            }
            int changed = 0;
            for (int i = 0; i < n; i++) {
                changed += s[i] != start[i] ? 1 : 0;
            }
            assertThat(run.flips()).isGreaterThanOrEqualTo(changed);
            assertThat((run.flips() - changed) % 2).isZero();
            maxFlips = Math.max(maxFlips, run.flips());
            assertThat(run.sweeps()).isGreaterThan(1);     // the last sweep is the one that made no flip
            double[] h = times(wd, n, s);
            for (int i = 0; i < n; i++) {
                assertThat(h[i] * s[i]).as("unit %d agrees with its field", i).isGreaterThanOrEqualTo(0);
            }
            // a converged state stays put in one sweep
            DiscreteHopfield.Run again = net.run(s, rng, 5);
            assertThat(again.flips()).isZero();
            assertThat(again.sweeps()).isEqualTo(1);
            assertThat(again.converged()).isTrue();
        }
        assertThat(maxFlips).as("the energy record grows past its first capacity").isGreaterThan(32);
    }

    @Test
    void discreteHopfieldStopsAtTheSweepBudgetAndKeepsUnitsOnAZeroField() {
        SplittableRandom rng = new SplittableRandom(14);
        int n = 40;
        DenseCouplings w = DenseCouplings.randomSymmetric(n, 1, true, rng);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextBoolean() ? 1 : -1;
        }
        DiscreteHopfield.Run run = new DiscreteHopfield(w).run(s, rng, 1);
        assertThat(run.converged()).isFalse();
        assertThat(run.sweeps()).isEqualTo(1);
        assertThat(run.flips()).as("the one sweep allowed ran").isPositive();
        assertThat(run.energies()).hasSize(run.flips() + 1);
        // zero couplings: every field is zero, no unit moves, whatever its state
        double[] z = {1, -1, 1, 1, -1};
        DiscreteHopfield.Run none = new DiscreteHopfield(new DenseCouplings(5, new double[25])).run(z, rng, 3);
        assertThat(none.flips()).isZero();
        assertThat(none.converged()).isTrue();
        assertThat(z).containsExactly(1, -1, 1, 1, -1);
    }

    @Test
    void hebbianSignNetworkRunsExactlyTheDiscreteModelOnItsHebbianMatrix() {
        SplittableRandom rng = new SplittableRandom(15);
        for (int trial = 0; trial < 12; trial++) {
            int n = 10 + rng.nextInt(60), p = 1 + rng.nextInt(12);
            boolean self = trial % 3 == 2;
            byte[] xi = HebbianSignNetwork.randomMemories(n, p, rng);
            HebbianSignNetwork net = new HebbianSignNetwork(n, p, xi, self);
            assertThat(net.n()).isEqualTo(n);
            assertThat(net.p()).isEqualTo(p);
            // J = Xi Xi^T / N, diagonal P/N kept only with self-coupling; integers times 1/N compare exactly by sign
            double[] j = new double[n * n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    int dot = 0;
                    for (int mu = 0; mu < p; mu++) {
                        dot += xi[a * p + mu] * xi[b * p + mu];
                    }
                    j[a * n + b] = a == b && !self ? 0 : dot;
                }
            }
            DenseCouplings dense = new DenseCouplings(n, j);
            for (int mu = 0; mu < p; mu++) {
                double[] m = net.memory(mu);
                int unstable = 0;
                double[] h = times(j, n, m);
                for (int i = 0; i < n; i++) {
                    assertThat(m[i]).isEqualTo(xi[i * p + mu]);
                    unstable += h[i] * m[i] < 0 ? 1 : 0;
                }
                assertThat(net.unstableUnits(mu)).as("unstable units of memory %d", mu).isEqualTo(unstable);
            }
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextBoolean() ? 1 : -1;
            }
            for (int mu = 0; mu < p; mu++) {
                double o = 0;
                for (int i = 0; i < n; i++) {
                    o += xi[i * p + mu] * s[i];
                }
                assertThat(net.overlap(mu, s)).isEqualTo(o / n);
            }
            double[] t = s.clone();
            long seed = rng.nextLong();
            HebbianSignNetwork.Run fast = net.run(s, new SplittableRandom(seed), 50);
            DiscreteHopfield.Run slow = new DiscreteHopfield(dense).run(t, new SplittableRandom(seed), 50);
            assertThat(s).as("trial %d", trial).containsExactly(t);
            assertThat(fast.flips()).isEqualTo(slow.flips());
            assertThat(fast.sweeps()).isEqualTo(slow.sweeps());
            assertThat(fast.converged()).isEqualTo(slow.converged());
        }
    }

    @Test
    void hebbianSignNetworkBudgetAndValidation() {
        SplittableRandom rng = new SplittableRandom(16);
        int n = 200, p = 40;
        HebbianSignNetwork net = new HebbianSignNetwork(n, p, HebbianSignNetwork.randomMemories(n, p, rng));
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextBoolean() ? 1 : -1;
        }
        HebbianSignNetwork.Run one = net.run(s, rng, 1);
        assertThat(one.sweeps()).isEqualTo(1);
        assertThat(one.converged()).isFalse();
        assertThat(one.flips()).isPositive();
        assertThatThrownBy(() -> new HebbianSignNetwork(1, 1, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HebbianSignNetwork(2, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HebbianSignNetwork(3, 2, new byte[5])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HebbianSignNetwork(2, 1, new byte[] {1, -1}).n()).isEqualTo(2);
    }

    @Test
    void randomMemoriesAreFairIndependentBits() {
        SplittableRandom rng = new SplittableRandom(17);
        int n = 1000, p = 13;                      // 13000 entries: not a multiple of 64
        byte[] xi = HebbianSignNetwork.randomMemories(n, p, rng);
        assertThat(xi).hasSize(n * p);
        int sum = 0, agree = 0, agreeFar = 0;
        for (int k = 0; k < xi.length; k++) {
            assertThat(xi[k] == 1 || xi[k] == -1).isTrue();
            sum += xi[k];
            if (k > 0) {
                agree += xi[k] == xi[k - 1] ? 1 : 0;
            }
            if (k >= 64) {
                agreeFar += xi[k] == xi[k - 64] ? 1 : 0;
            }
        }
        // each count is Binomial(~13000, 1/2): sd about 57; 6 sd bounds (false-failure rate below 1e-8, fixed seed)
        assertThat(Math.abs(sum)).isLessThan(6 * 115);
        assertThat(Math.abs(agree - (xi.length - 1) / 2.0)).isLessThan(6 * 57);
        assertThat(Math.abs(agreeFar - (xi.length - 64) / 2.0)).isLessThan(6 * 57);
    }

    @Test
    void updateOrderIsAUniformPermutation() {
        SplittableRandom rng = new SplittableRandom(18);
        int[] counts = new int[6];
        int draws = 6000;
        for (int d = 0; d < draws; d++) {
            int[] o = {0, 1, 2};
            UpdateOrder.shuffle(o, rng);
            assertThat(o).containsExactlyInAnyOrder(0, 1, 2);
            int code = o[0] * 2 + (o[1] > o[2] ? 1 : 0);
            counts[code]++;
        }
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - draws / 6.0) * (c - draws / 6.0) / (draws / 6.0);
        }
        assertThat(chi2).as("chi-square, 5 degrees of freedom (0.1% point 20.5)").isLessThan(20.5);
        int[] big = new int[50];
        for (int i = 0; i < big.length; i++) {
            big[i] = i;
        }
        UpdateOrder.shuffle(big, rng);
        assertThat(big).containsExactlyInAnyOrder(IntStream.range(0, 50).toArray());
        assertThat(big[49]).isNotEqualTo(49).as("the last entry moves too (probability 49/50, fixed seed)");
    }

    // ---------------------------------------------------------------- input-driven plasticity

    @Test
    void inputDrivenCouplingsAreTheInputsOverlapsOnTheHebbianTerms() {
        SplittableRandom rng = new SplittableRandom(19);
        int n = 16, p = 4;
        PatternSet xi = Patterns.randomBinary(n, p, rng);
        double[] u = Vectors.gaussian(n, 1, rng);
        double[] alpha = InputDriven.alpha(xi, u);
        for (int mu = 0; mu < p; mu++) {
            double a = 0;
            for (int i = 0; i < n; i++) {
                a += xi.get(i, mu) * u[i];
            }
            assertThat(alpha[mu]).isCloseTo(a / n, within(TIGHT));
        }
        Activation psi = new Tanh(1.5);
        double tau = 0.7;
        double[] x = Vectors.gaussian(n, 1, rng);
        for (boolean zero : new boolean[] {false, true}) {
            Couplings c = InputDriven.couplings(xi, alpha, zero);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double e = 0;
                    for (int mu = 0; mu < p; mu++) {
                        e += xi.get(i, mu) * alpha[mu] * xi.get(j, mu);
                    }
                    assertThat(c.entry(i, j)).isCloseTo(i == j && zero ? 0 : e / n, within(TIGHT));
                }
            }
            VoltageModel m = InputDriven.model(tau, xi, u, psi, zero);
            VoltageModel ref = new VoltageModel(tau, new DenseCouplings(n, c.toDense()), psi, Input.zero(n));
            double[] a = new double[n], b = new double[n];
            m.evaluate(0, x, a);
            ref.evaluate(0, x, b);
            assertClose(a, b, 1e-12);
            assertThat(m.tau()).isEqualTo(tau);
        }
        VoltageModel classic = InputDriven.classic(tau, xi, u, psi);
        assertThat(classic.input().u0()).containsExactly(u);
        assertThat(classic.couplings().entry(3, 3)).isZero();
        double hebb = 0;
        for (int mu = 0; mu < p; mu++) {
            hebb += xi.get(2, mu) * xi.get(5, mu);
        }
        assertThat(classic.couplings().entry(2, 5)).isCloseTo(hebb / n, within(TIGHT));

        double[] buffer = new double[n], out = new double[p];
        InputDriven.overlaps(xi, psi, x, buffer, out);
        for (int mu = 0; mu < p; mu++) {
            double o = 0;
            for (int i = 0; i < n; i++) {
                o += xi.get(i, mu) * psi.value(x[i]);
            }
            assertThat(out[mu]).isCloseTo(Math.abs(o) / n, within(TIGHT));
        }
    }

    @Test
    void mixedInputsFollowThePapersRecipe() {
        SplittableRandom rng = new SplittableRandom(20);
        int p = 6, k = 4, neurons = 100;
        for (int trial = 0; trial < 20; trial++) {
            double[] w = MixedInputs.paperWeights(p, k, neurons, rng);
            assertThat(w).hasSize(p * k);
            for (int j = 0; j < k; j++) {
                double[] col = MixedInputs.column(w, p, k, j);
                double sum = 0;
                for (int mu = 0; mu < p; mu++) {
                    assertThat(col[mu]).isEqualTo(w[mu * k + j]);
                    sum += col[mu];
                }
                assertThat(sum).isCloseTo(Math.sqrt(p * neurons), within(1e-9));
                // ratios survive the rescaling: dominant U(2, 3.5), previous U(0.2, 0.6), others U(0.8, 1.5)
                for (int mu = 0; mu < p; mu++) {
                    if (mu == j) {
                        continue;
                    }
                    double ratio = col[j] / col[mu];
                    if (mu == j - 1) {
                        assertThat(ratio).isBetween(2 / 0.6, 3.5 / 0.2);
                    } else {
                        assertThat(ratio).isBetween(2 / 1.5, 3.5 / 0.8);
                        if (j > 0) {
                            assertThat(col[j - 1] / col[mu]).isBetween(0.2 / 1.5, 0.6 / 0.8);
                        }
                    }
                }
            }
        }
        assertThatThrownBy(() -> MixedInputs.paperWeights(3, 4, 10, rng)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MixedInputs.paperWeights(3, 0, 10, rng)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MixedInputs.paperWeights(3, 3, 10, rng)).hasSize(9);
        assertThat(MixedInputs.paperWeights(3, 1, 10, rng)).hasSize(3);

        PatternSet xi = Patterns.randomBinary(8, 3, rng);
        double[] weights = {0.5, -1, 2};
        double[] u = MixedInputs.input(xi, weights);
        for (int i = 0; i < 8; i++) {
            assertThat(u[i]).isCloseTo(0.5 * xi.get(i, 0) - xi.get(i, 1) + 2 * xi.get(i, 2), within(TIGHT));
        }
    }

    // ---------------------------------------------------------------- ensembles

    @Test
    void ensembleStepsEveryTrajectoryAsTheSingleModelDoes() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int n : new int[] {5, 300}) {
            int k = 3;
            DenseCouplings w = DenseCouplings.randomGeneral(n, 1.2, rng);
            double tau = 0.8;
            double[] u = Vectors.gaussian(n, 0.4, rng);
            VoltageModel m = new VoltageModel(tau, w, new Tanh(1.7), Input.constant(u));
            VoltageEnsemble ens = new VoltageEnsemble(m, k);
            assertThat(ens.trajectories()).isEqualTo(k);
            assertThat(ens.units()).isEqualTo(n);
            assertThat(ens.dimension()).isEqualTo(n * k);
            double[][] states = new double[k][];
            for (int c = 0; c < k; c++) {
                states[c] = Vectors.gaussian(n, 1, rng);
            }
            double[] block = VoltageEnsemble.block(states);
            for (int c = 0; c < k; c++) {
                assertThat(VoltageEnsemble.column(block, k, c)).containsExactly(states[c]);
            }
            double[] d = new double[n * k];
            ens.evaluate(0, block, d);
            for (int c = 0; c < k; c++) {
                double[] one = new double[n];
                m.evaluate(0, states[c], one);
                assertClose(VoltageEnsemble.column(d, k, c), one, 1e-12);
            }
        }
        DenseCouplings w = DenseCouplings.randomGeneral(3, 1, rng);
        VoltageModel drifting = new VoltageModel(1, w, new Tanh(1), new Input(new double[3], new double[] {1, 1, 1}));
        assertThatThrownBy(() -> new VoltageEnsemble(drifting, 2)).isInstanceOf(IllegalArgumentException.class);
        VoltageModel ok = new VoltageModel(1, w, new Tanh(1), Input.zero(3));
        assertThatThrownBy(() -> new VoltageEnsemble(ok, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new VoltageEnsemble(ok, 1).trajectories()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- Lagrangians

    @Test
    void lagrangiansGradientsAndHessiansAreTheirDerivatives() {
        SplittableRandom rng = new SplittableRandom(22);
        int n = 6;
        double[] weights = {0.5, 1, 2, 0.1, 3, 1.5};
        Lagrangian[] ls = {Lagrangian.quadratic(weights), Lagrangian.quadratic(n, 0.7), Lagrangian.logSumExp(1.3),
            Lagrangian.additive(new Tanh(0.9)), Lagrangian.additive(new Logistic(2, 0.1))};
        for (Lagrangian l : ls) {
            for (int trial = 0; trial < 4; trial++) {
                double[] x = Vectors.gaussian(n, 1, rng), v = Vectors.gaussian(n, 1, rng);
                double[] g = new double[n];
                l.gradient(x, g);
                assertClose(g, numericGradient(l::value, x, 1e-5), 1e-7);
                double[] hv = new double[n];
                l.hessianTimes(x, v, hv);
                double h = 1e-5;
                double[] xp = x.clone(), xm = x.clone(), gp = new double[n], gm = new double[n];
                for (int i = 0; i < n; i++) {
                    xp[i] += h * v[i];
                    xm[i] -= h * v[i];
                }
                l.gradient(xp, gp);
                l.gradient(xm, gm);
                double[] fd = new double[n];
                for (int i = 0; i < n; i++) {
                    fd[i] = (gp[i] - gm[i]) / (2 * h);
                }
                assertClose(hv, fd, 1e-6);
                assertThat(l.convex()).isTrue();
            }
        }
        double[] x = {1, -2, 0.5, 0, 3, -1};
        assertThat(ls[0].value(x)).isCloseTo(0.5 * (0.5 + 4 + 0.5 + 0 + 27 + 1.5), within(TIGHT));
        double lse = 0;
        for (double xi : x) {
            lse += Math.exp(1.3 * xi);
        }
        assertThat(ls[2].value(x)).isCloseTo(Math.log(lse) / 1.3, within(TIGHT));
        assertThat(Lagrangian.quadratic(new double[] {1, -0.1}).convex()).isFalse();
        assertThat(Lagrangian.quadratic(new double[] {0, 2}).convex()).isTrue();
        assertThat(Lagrangian.additive(new RectifiedTanh(1, 0.1)).convex()).isTrue();
        assertThat(Lagrangian.additive(NON_MONOTONE).convex()).isFalse();
        assertThat(ls[0].name()).isEqualTo("quadratic");
        assertThat(ls[2].name()).isEqualTo("log-sum-exp");
        assertThat(ls[3].name()).isEqualTo("additive tanh");
        // the quadratic Lagrangian keeps its own copy of the weights
        double[] mutable = {1, 1};
        Lagrangian q = Lagrangian.quadratic(mutable);
        mutable[0] = -5;
        assertThat(q.convex()).isTrue();
    }

    // ---------------------------------------------------------------- memory dynamics

    @Test
    void memoryDynamicsStepAndFieldFollowTheUpdateRule() {
        SplittableRandom rng = new SplittableRandom(23);
        int nh = 3, nv = 5;
        double tau = 4, beta = 1.7;
        double[] lambda = Vectors.gaussian(nh * nv, 0.3, rng);
        for (double[] lam : new double[][] {null, lambda}) {
            MemoryDynamics md = new MemoryDynamics(nh, nv, tau, beta, lam);
            assertThat(md.hidden()).isEqualTo(nh);
            assertThat(md.visible()).isEqualTo(nv);
            double[] xi = Vectors.gaussian(nh * nv, 1, rng), v = Vectors.gaussian(nv, 1, rng);
            double[] scores = new double[nh];
            double z = 0;
            for (int mu = 0; mu < nh; mu++) {
                double s = 0;
                for (int i = 0; i < nv; i++) {
                    s += xi[mu * nv + i] * v[i];
                }
                scores[mu] = Math.exp(beta * s);
                z += scores[mu];
            }
            double[] w = new double[nh];
            md.weights(xi, v, w);
            for (int mu = 0; mu < nh; mu++) {
                assertThat(w[mu]).isCloseTo(scores[mu] / z, within(TIGHT));
            }
            double[] expected = new double[nh * nv];
            for (int mu = 0; mu < nh; mu++) {
                for (int i = 0; i < nv; i++) {
                    int k = mu * nv + i;
                    expected[k] = scores[mu] / z * (-xi[k] + (lam == null ? 0 : lam[k]) + v[i]) / tau;
                }
            }
            VectorField f = md.field(v);
            assertThat(f.dimension()).isEqualTo(nh * nv);
            double[] d = new double[nh * nv];
            f.evaluate(0, xi, d);
            assertClose(d, expected, 1e-12);
            double[] stepped = xi.clone();
            md.step(stepped, v);
            for (int k = 0; k < xi.length; k++) {
                assertThat(stepped[k]).isCloseTo(xi[k] + expected[k], within(TIGHT));
            }
        }
        assertThatThrownBy(() -> new MemoryDynamics(0, 1, 1, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryDynamics(1, 0, 1, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryDynamics(1, 1, 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryDynamics(1, 1, 1, -0.1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryDynamics(1, 1, 1, Double.POSITIVE_INFINITY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryDynamics(2, 3, 1, 1, new double[5])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 6");
        assertThat(new MemoryDynamics(1, 1, 1, 0, null).hidden()).isEqualTo(1);
        // Lambda is copied
        double[] lam = new double[4];
        MemoryDynamics md = new MemoryDynamics(2, 2, 1, 1, lam);
        lam[0] = 100;
        double[] xi = new double[4];
        md.step(xi, new double[] {0, 0});
        assertThat(xi).containsOnly(0.0);
    }

    @Test
    void theoryCosineSolvesTheLinearRelaxation() {
        SplittableRandom rng = new SplittableRandom(24);
        int nv = 4;
        for (int trial = 0; trial < 10; trial++) {
            // equal norms, initial cosine a: x(t) = e x0 + (1 - e) target
            double[] target = Vectors.gaussian(nv, 1, rng);
            double[] other = Vectors.gaussian(nv, 1, rng);
            double norm = Math.sqrt(dot(target, target));
            double proj = dot(other, target) / (norm * norm);
            double[] perp = new double[nv];
            for (int i = 0; i < nv; i++) {
                perp[i] = other[i] - proj * target[i];
            }
            double pn = Math.sqrt(dot(perp, perp));
            double a = 2 * rng.nextDouble() - 1;
            double[] x0 = new double[nv];
            for (int i = 0; i < nv; i++) {
                x0[i] = a * target[i] + Math.sqrt(1 - a * a) * perp[i] / pn * norm;
            }
            assertThat(MemoryDynamics.cosine(x0, 0, nv, target)).isCloseTo(a, within(1e-12));
            double tauMu = 0.5 + rng.nextDouble(), t = 3 * rng.nextDouble();
            double e = Math.exp(-t / tauMu);
            double[] xt = new double[2 * nv];
            for (int i = 0; i < nv; i++) {
                xt[nv + i] = e * x0[i] + (1 - e) * target[i];
            }
            assertThat(MemoryDynamics.theoryCosine(t, tauMu, a)).isCloseTo(MemoryDynamics.cosine(xt, 1, nv, target),
                    within(1e-12));
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    // ---------------------------------------------------------------- modern Hopfield

    @Test
    void modernHopfieldUpdateEnergyAndFlowFollowRamsauer() {
        SplittableRandom rng = new SplittableRandom(25);
        int n = 7, p = 4;
        double[] data = Vectors.gaussian(n * p, 1, rng);
        PatternSet x = new PatternSet(n, p, data, "gaussian");
        double beta = 0.9;
        ModernHopfield mh = new ModernHopfield(x, beta);
        assertThat(mh.patterns()).isSameAs(x);
        assertThat(mh.beta()).isEqualTo(beta);
        double maxNorm = 0;
        for (int mu = 0; mu < p; mu++) {
            double[] col = x.pattern(mu);
            maxNorm = Math.max(maxNorm, Math.sqrt(dot(col, col)));
        }
        assertThat(mh.maxNorm()).isCloseTo(maxNorm, within(TIGHT));
        double[] xi = Vectors.gaussian(n, 1, rng);
        double[] z = new double[p];
        x.projectOnto(xi, z);
        double[] sm = new double[p];
        double zs = 0;
        for (int mu = 0; mu < p; mu++) {
            sm[mu] = Math.exp(beta * z[mu]);
            zs += sm[mu];
        }
        for (int mu = 0; mu < p; mu++) {
            sm[mu] /= zs;
        }
        assertClose(mh.weights(xi), sm, 1e-12);
        double[] upd = new double[n], expected = new double[n];
        mh.update(xi, upd);
        x.combine(sm, expected);
        assertClose(upd, expected, 1e-12);
        double lse = Math.log(zs) / beta;
        assertThat(ModernHopfield.lse(beta, z)).isCloseTo(lse, within(TIGHT));
        double e = -lse + 0.5 * dot(xi, xi) + Math.log(p) / beta + 0.5 * maxNorm * maxNorm;
        assertThat(mh.energy(xi)).isCloseTo(e, within(TIGHT * (1 + Math.abs(e))));

        // stable at large arguments, and the softmax may write over its input
        double[] big = {1000, 999, 990};
        assertThat(ModernHopfield.lse(1, big)).isCloseTo(1000 + Math.log(1 + Math.exp(-1) + Math.exp(-10)), within(1e-12));
        ModernHopfield.softmax(1, big, big);
        double s = 1 + Math.exp(-1) + Math.exp(-10);
        assertThat(big).containsExactly(new double[] {1 / s, Math.exp(-1) / s, Math.exp(-10) / s}, within(1e-15));
        double[] neg = {-1000, -1001};
        assertThat(ModernHopfield.lse(2, neg)).isCloseTo(-1000 + Math.log(1 + Math.exp(-2)) / 2, within(1e-12));

        for (double c : new double[] {1, 2.5}) {
            ModernHopfield.Flow flow = mh.flow(c);
            assertThat(flow.dimension()).isEqualTo(n);
            double[] d = new double[n], g = new double[n];
            flow.evaluate(0, xi, d);
            for (int i = 0; i < n; i++) {
                assertThat(d[i]).isCloseTo(-xi[i] + c * expected[i], within(1e-12));
            }
            flow.evaluate(0, Vectors.gaussian(n, 1, rng), new double[n]);   // the gradient must not reuse these weights
            flow.gradient(xi, g);
            for (int i = 0; i < n; i++) {
                assertThat(g[i]).isCloseTo(-d[i], within(1e-12));
            }
            assertClose(g, numericGradient(flow::energy, xi, 1e-5), 1e-7);
            assertThat(flow.energy(xi)).isCloseTo(0.5 * dot(xi, xi) - c * lse, within(1e-12));
        }
        ModernHopfield.Flow mismatched = mh.flow(1, 3);
        double[] d = new double[n], g = new double[n];
        mismatched.evaluate(0, xi, d);
        mismatched.gradient(xi, g);
        for (int i = 0; i < n; i++) {
            assertThat(d[i]).isCloseTo(-xi[i] + expected[i], within(1e-12));
            assertThat(g[i]).isCloseTo(xi[i] - 3 * expected[i], within(1e-12));
        }
        assertThat(mismatched.energy(xi)).isCloseTo(0.5 * dot(xi, xi) - 3 * lse, within(1e-12));
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new ModernHopfield(x, bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---------------------------------------------------------------- two-layer network

    @Test
    void twoLayerNetworkFieldEnergyAndEnergyRateFollowKrotovHopfield() {
        SplittableRandom rng = new SplittableRandom(26);
        int nv = 6, nh = 3;
        PatternSet x = new PatternSet(nv, nh, Vectors.gaussian(nv * nh, 1, rng), "gaussian");
        Lagrangian lv = Lagrangian.additive(new Tanh(1.2));
        Lagrangian lh = Lagrangian.logSumExp(1.5);
        double tauV = 0.7, tauH = 0.2;
        double[] input = Vectors.gaussian(nv, 0.5, rng);
        TwoLayerNetwork net = new TwoLayerNetwork(x, lv, lh, tauV, tauH, input);
        assertThat(net.visible()).isEqualTo(nv);
        assertThat(net.hidden()).isEqualTo(nh);
        assertThat(net.dimension()).isEqualTo(nv + nh);
        double[] s = Vectors.gaussian(nv + nh, 1, rng);
        double[] v = Arrays.copyOfRange(s, 0, nv), h = Arrays.copyOfRange(s, nv, nv + nh);
        double[] g = new double[nv], f = new double[nh];
        lv.gradient(v, g);
        lh.gradient(h, f);
        double[] xf = new double[nv], xg = new double[nh];
        x.combine(f, xf);
        x.projectOnto(g, xg);
        double[] ds = new double[nv + nh];
        net.evaluate(0, s, ds);
        for (int i = 0; i < nv; i++) {
            assertThat(ds[i]).isCloseTo((xf[i] - v[i] + input[i]) / tauV, within(1e-12));
        }
        for (int mu = 0; mu < nh; mu++) {
            assertThat(ds[nv + mu]).isCloseTo((xg[mu] - h[mu]) / tauH, within(1e-12));
        }
        double e = -lv.value(v) - lh.value(h);
        for (int i = 0; i < nv; i++) {
            e += (v[i] - input[i]) * g[i];
        }
        for (int mu = 0; mu < nh; mu++) {
            e += h[mu] * f[mu] - f[mu] * xg[mu];
        }
        assertThat(net.energy(s)).isCloseTo(e, within(1e-12));
        // dE/dt along the flow: the Hessian formula against the energy's derivative along ds
        double eps = 1e-6;
        double[] sp = s.clone(), sm = s.clone();
        for (int k = 0; k < s.length; k++) {
            sp[k] += eps * ds[k];
            sm[k] -= eps * ds[k];
        }
        double rate = (net.energy(sp) - net.energy(sm)) / (2 * eps);
        assertThat(net.energyRate(s)).isCloseTo(rate, within(1e-6 * (1 + Math.abs(rate))));
        assertThat(net.energyRate(s)).isNegative();

        double[] slow = net.slowState(v);
        assertThat(Arrays.copyOfRange(slow, 0, nv)).containsExactly(v);
        assertClose(Arrays.copyOfRange(slow, nv, nv + nh), xg, 1e-12);
        VectorField limit = net.fastHiddenLimit();
        assertThat(limit.dimension()).isEqualTo(nv);
        double[] dv = new double[nv], fSlow = new double[nh], xfSlow = new double[nv];
        limit.evaluate(0, v, dv);
        lh.gradient(xg, fSlow);
        x.combine(fSlow, xfSlow);
        for (int i = 0; i < nv; i++) {
            assertThat(dv[i]).isCloseTo((xfSlow[i] - v[i] + input[i]) / tauV, within(1e-12));
        }
        // on the slow manifold the hidden units are at rest
        double[] dSlow = new double[nv + nh];
        net.evaluate(0, slow, dSlow);
        for (int mu = 0; mu < nh; mu++) {
            assertThat(dSlow[nv + mu]).isCloseTo(0, within(1e-12));
        }
        TwoLayerNetwork noInput = new TwoLayerNetwork(x, lv, lh, tauV, tauH, null);
        double[] d0 = new double[nv + nh];
        noInput.evaluate(0, s, d0);
        for (int i = 0; i < nv; i++) {
            assertThat(d0[i]).isCloseTo(ds[i] - input[i] / tauV, within(1e-12));
        }
        assertThatThrownBy(() -> net.gradient(s, new double[nv + nh])).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new TwoLayerNetwork(x, lv, lh, 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwoLayerNetwork(x, lv, lh, 1, 0, null)).isInstanceOf(IllegalArgumentException.class);
        // the input is copied
        double[] in2 = input.clone();
        TwoLayerNetwork copy = new TwoLayerNetwork(x, lv, lh, tauV, tauH, in2);
        in2[0] += 10;
        double[] d2 = new double[nv + nh];
        copy.evaluate(0, s, d2);
        assertThat(d2[0]).isCloseTo(ds[0], within(1e-12));
    }
}
