package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import engram.activation.Activation;
import engram.activation.HardTanh;
import engram.activation.Logistic;
import engram.activation.RectifiedTanh;
import engram.activation.Sign;
import engram.activation.Tanh;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * The SCSNA solver against what it must reduce to: the effective neuron's root of {@code u - Gamma F(u) = h} is a
 * fixed point {@code Y = F(h + Gamma Y)} and, among several, the one Maxwell's rule picks (found here by a brute-force
 * scan of every root); the Gaussian expectations against closed forms for sign and a fine trapezoid rule for smooth
 * F; the retrieval solution for sign against Amit-Gutfreund-Sompolinsky's equations and, without the reaction term,
 * against the naive signal-to-noise equation; the AGS critical point as a maximum of alpha(y) (the published
 * alpha_c = 0.138, m_c = 0.967).
 */
class ScsnaTest {

    /** tanh^3: odd, increasing, bounded, and convex near 0 (not concave on the positive axis). */
    private static final Activation CUBED = new Activation() {
        @Override public String name() { return "tanh-cubed"; }
        @Override public double value(double x) { double t = Math.tanh(x); return t * t * t; }
        @Override public double derivative(double x) { double t = Math.tanh(x); return 3 * t * t * (1 - t * t); }
        @Override public double integral(double x) { throw new UnsupportedOperationException(); }
        @Override public double inverse(double y) { throw new UnsupportedOperationException(); }
        @Override public boolean invertible() { return false; }
        @Override public double lipschitz() { return 0.75; }   // 3 t^2 (1 - t^2) at t^2 = 1/2
        @Override public double rangeMin() { return -1; }
        @Override public double rangeMax() { return 1; }
        @Override public boolean odd() { return true; }
        @Override public boolean monotone() { return true; }
    };

    /** {@code k F}: the same shape with range and slopes times k (k > 0); what F cannot do (invert, integrate) k F cannot. */
    private static Activation times(double k, Activation f) {
        return new Activation() {
            @Override public String name() { return k + " " + f.name(); }
            @Override public double value(double x) { return k * f.value(x); }
            @Override public double derivative(double x) { return k * f.derivative(x); }
            @Override public double integral(double x) { return k * f.integral(x); }
            @Override public double inverse(double y) { return f.inverse(y / k); }
            @Override public boolean invertible() { return f.invertible(); }
            @Override public double lipschitz() { return k * f.lipschitz(); }
            @Override public double rangeMin() { return k * f.rangeMin(); }
            @Override public double rangeMax() { return k * f.rangeMax(); }
            @Override public boolean odd() { return f.odd(); }
            @Override public boolean monotone() { return f.monotone(); }

            @Override public double[] kinks() { return f.kinks(); }
            @Override public boolean concaveOnPositive() { return f.concaveOnPositive(); }
        };
    }

    /** 2 tanh^3: odd, increasing, not concave on (0, inf), range +-2 (the odd non-concave route with max |F| != 1). */
    private static final Activation CUBED2 = times(2, CUBED);

    /** 2 tanh(1.5 x): odd, concave on (0, inf), with range +-2 (so a bracket that forgets max |F| is too narrow). */
    private static final Activation SCALED = times(2, new Tanh(1.5));

    /** The identity: odd and unbounded in principle; here its range is declared +-1e6. */
    private static final Activation LINEAR = new Activation() {
        @Override public String name() { return "linear"; }
        @Override public double value(double x) { return x; }
        @Override public double derivative(double x) { return 1; }
        @Override public double integral(double x) { return 0.5 * x * x; }
        @Override public double inverse(double y) { return y; }
        @Override public boolean invertible() { return true; }
        @Override public double lipschitz() { return 1; }
        @Override public double rangeMin() { return -1e6; }
        @Override public double rangeMax() { return 1e6; }
        @Override public boolean odd() { return true; }
        @Override public boolean monotone() { return true; }
    };

    /** Every root of u - gamma F(u) = h on a fine grid, refined by bisection, and the potential-minimising one's F. */
    private static double maxwellByScan(Activation f, double h, double gamma) {
        double fmax = Math.max(Math.abs(f.rangeMin()), Math.abs(f.rangeMax()));
        double lo = h - Math.abs(gamma) * fmax - 1e-9, hi = h + Math.abs(gamma) * fmax + 1e-9;
        int grid = 20_000;
        double best = Double.NaN, bestPotential = Double.POSITIVE_INFINITY;
        double prev = lo, rPrev = lo - gamma * f.value(lo) - h;
        for (int k = 1; k <= grid; k++) {
            double u = lo + (hi - lo) * k / grid;
            double r = u - gamma * f.value(u) - h;
            if (Math.signum(r) != Math.signum(rPrev)) {
                double a = prev, b = u;
                for (int it = 0; it < 100; it++) {
                    double mid = 0.5 * (a + b);
                    double rm = mid - gamma * f.value(mid) - h;
                    if (Math.signum(rm) == Math.signum(rPrev)) {
                        a = mid;
                    } else {
                        b = mid;
                    }
                }
                double root = 0.5 * (a + b), y = f.value(root);
                double potential = root * y - integral(f, root) - 0.5 * gamma * y * y - h * y;
                if (potential < bestPotential) {
                    bestPotential = potential;
                    best = y;
                }
            }
            prev = u;
            rPrev = r;
        }
        return best;
    }

    private static double integral(Activation f, double x) {
        int m = 4_000;
        double s = 0;
        for (int k = 0; k < m; k++) {
            s += f.value((k + 0.5) * x / m) * x / m;
        }
        return s;
    }

    @Test
    void theEffectiveNeuronIsASelfConsistentRootChosenByMaxwellsRule() {
        Activation[] fs = {new Tanh(2), new Tanh(0.4), new HardTanh(3), new Logistic(2, 0.1), CUBED, SCALED, CUBED2,
            new RectifiedTanh(3, 0.2)};
        for (Activation f : fs) {
            for (double gamma : new double[] {-0.5, 0.1, 0.3, 1.5, 4}) {
                for (double h : new double[] {-2, -0.7, -0.05, 1e-4, 0.03, 0.4, 1.1, 3}) {
                    double y = Scsna.effective(f, h, gamma);
                    String what = f.name() + " gamma=" + gamma + " h=" + h;
                    assertThat(y).as(what).isCloseTo(f.value(h + gamma * y), within(1e-9));
                    if (f.odd() && gamma > 0) {
                        assertThat(Math.signum(y)).as(what + ": the root of h's sign").isEqualTo(Math.signum(h));
                    }
                    assertThat(y).as(what + " against the scan").isCloseTo(maxwellByScan(f, h, gamma), within(1e-6));
                    if (f.invertible() && !(f instanceof HardTanh) && y > f.rangeMin() && y < f.rangeMax()) {
                        // in u: the root itself, to the accuracy Y's last bits allow (4e-16 / F'(u))
                        double u = h + gamma * y;
                        assertThat(f.inverse(y)).as(what + ": u = h + gamma Y solves u - gamma F(u) = h")
                                .isCloseTo(u, within(1e-10 * (1 + Math.abs(u)) + 4e-16 / f.derivative(u)));
                    }
                }
            }
            assertThat(Scsna.effective(f, 0.37, 0)).isEqualTo(f.value(0.37));
        }
        assertThat(Scsna.effective(new Sign(), 0.2, 3)).isEqualTo(1.0);
        assertThat(Scsna.effective(new Sign(), -0.2, 3)).isEqualTo(-1.0);
        assertThat(Scsna.effective(new Sign(), 0, 3)).isEqualTo(0.0);
    }

    @Test
    void expectationsMatchClosedFormsForSignAndQuadratureForSmoothF() {
        for (double[] ms : new double[][] {{1, 0.3}, {0.6, 0.8}, {0.2, 2}}) {
            double m = ms[0], s = ms[1];
            double[] e = Scsna.expectations(new Sign(), m, s, 0);
            assertThat(e[0]).isCloseTo(Erf.erf(m / (s * Math.sqrt(2))), within(1e-10));
            assertThat(e[1]).isCloseTo(1, within(1e-10));
            assertThat(e[2]).isCloseTo(Math.sqrt(2 / Math.PI) * Math.exp(-m * m / (2 * s * s)), within(1e-10));
            for (Activation f : new Activation[] {new Tanh(1.5), new Logistic(1, 0.2)}) {
                double gamma = 0;
                double[] got = Scsna.expectations(f, m, s, gamma);
                double[] want = new double[3];
                int grid = 100_000;
                double dz = 20.0 / grid;
                for (int xi = -1; xi <= 1; xi += 2) {
                    for (int k = 0; k < grid; k++) {
                        double z = -10 + (k + 0.5) * dz;
                        double w = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) * dz / 2;
                        double y = f.value(xi * m + s * z);
                        want[0] += w * xi * y;
                        want[1] += w * y * y;
                        want[2] += w * z * y;
                    }
                }
                for (int k = 0; k < 3; k++) {
                    assertThat(got[k]).as(f.name() + " moment " + k).isCloseTo(want[k], within(1e-8));
                }
            }
        }
    }

    /** The AGS retrieval solution at load alpha: the largest y with alpha(y) = alpha, m = erf(y). */
    private static double agsOverlap(double alpha) {
        double lo = Scsna.agsCritical()[2], hi = 8;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (Scsna.agsAlpha(mid) > alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Erf.erf(0.5 * (lo + hi));
    }

    @Test
    void signReducesToAgsAndWithoutReactionToTheNaiveEquation() {
        for (double alpha : new double[] {0.05, 0.1, 0.13}) {
            Scsna.State s = Scsna.solve(new Sign(), alpha, true);
            assertThat(s.converged()).isTrue();
            assertThat(s.retrieval()).isTrue();
            assertThat(s.alpha()).isEqualTo(alpha);
            assertThat(s.m()).as("AGS overlap at alpha " + alpha).isCloseTo(agsOverlap(alpha), within(1e-6));
            assertThat(s.q()).isCloseTo(1, within(1e-9));
            // U = C = sqrt(2 / (pi alpha r)) exp(-m^2 / (2 alpha r)), r = 1 / (1 - C)^2, Gamma = alpha U / (1 - U)
            double c = Math.sqrt(2 / (Math.PI * alpha * s.r())) * Math.exp(-s.m() * s.m() / (2 * alpha * s.r()));
            assertThat(s.u()).isCloseTo(c, within(1e-6));
            assertThat(s.r()).isCloseTo(1 / ((1 - s.u()) * (1 - s.u())), within(1e-9));
            assertThat(s.gamma()).isCloseTo(alpha * s.u() / (1 - s.u()), within(1e-12));
        }
        Scsna.State beyond = Scsna.solve(new Sign(), 0.16, true);
        assertThat(beyond.retrieval()).isFalse();
        for (double alpha : new double[] {0.1, 0.4, 0.6}) {
            Scsna.State naive = Scsna.solve(new Sign(), alpha, false);
            assertThat(naive.m()).isCloseTo(Scsna.naiveOverlap(alpha), within(1e-9));
            assertThat(naive.u()).isZero();
            assertThat(naive.gamma()).isZero();
            assertThat(naive.r()).isCloseTo(naive.q(), within(1e-15));
            double m = Scsna.naiveOverlap(alpha);
            assertThat(m).isCloseTo(Erf.erf(m / Math.sqrt(2 * alpha)), within(1e-12));
        }
        assertThat(Scsna.naiveOverlap(0.7)).isLessThan(0.01);
        assertThat(Scsna.naiveCritical()).isEqualTo(2 / Math.PI);
    }

    @Test
    void theAgsCriticalPointIsTheMaximumOfTheLoadCurve() {
        double[] c = Scsna.agsCritical();
        assertThat(c[0]).as("AGS alpha_c").isCloseTo(0.138, within(5e-4));
        assertThat(c[1]).as("AGS m_c").isCloseTo(0.967, within(1e-3));
        assertThat(c[1]).isEqualTo(Erf.erf(c[2]));
        assertThat(Scsna.agsAlpha(c[2])).isEqualTo(c[0]);
        for (double d : new double[] {1e-3, 1e-2, 0.1}) {
            assertThat(Scsna.agsAlpha(c[2] + d)).isLessThan(c[0]);
            assertThat(Scsna.agsAlpha(c[2] - d)).isLessThan(c[0]);
        }
        double y = 1.3;
        double s = Erf.erf(y) / y - 2 / Math.sqrt(Math.PI) * Math.exp(-y * y);
        assertThat(Scsna.agsAlpha(y)).isCloseTo(0.5 * s * s, within(1e-15));
    }

    @Test
    void criticalLoadsOfSignTheNaiveEquationAndANetworkThatNeverRetrieves() {
        double ags = Scsna.agsCritical()[0];
        assertThat(Scsna.criticalLoad(new Sign(), true)).isCloseTo(ags, within(2 * Scsna.ALPHA_RESOLUTION));
        assertThat(Scsna.criticalLoad(new Sign(), true, 1e-2)).isCloseTo(ags, within(1e-2));
        // naive: m falls continuously to 0 at 2/pi; it stays above 0.1 until just below
        double naive = Scsna.criticalLoad(new Sign(), false, 1e-4);
        assertThat(naive).isLessThan(2 / Math.PI).isGreaterThan(2 / Math.PI - 0.02);
        assertThat(Scsna.naiveOverlap(naive - 1e-3)).isGreaterThanOrEqualTo(Scsna.RETRIEVAL_OVERLAP);
        // a gain below 1: the only fixed point is m = 0 at every load
        assertThat(Scsna.criticalLoad(new Tanh(0.5), true)).isZero();
        assertThat(Scsna.solve(new Tanh(0.5), 0.01, true).retrieval()).isFalse();
        // a state with m just at the threshold counts as retrieval
        assertThat(new Scsna.State(0.1, Scsna.RETRIEVAL_OVERLAP, 1, 0, 1, 0, true).retrieval()).isTrue();
        assertThat(new Scsna.State(0.1, Math.nextDown(Scsna.RETRIEVAL_OVERLAP), 1, 0, 1, 0, true).retrieval()).isFalse();
    }

    @Test
    void aSmoothNetworkWithTheReactionTermEndsOnASelfConsistentState() {
        for (Activation f : new Activation[] {new Tanh(3), SCALED}) {
            for (double alpha : new double[] {0.02, 0.06}) {
                Scsna.State st = Scsna.solve(f, alpha, true);
                String what = f.name() + " alpha " + alpha;
                assertThat(st.converged()).as(what).isTrue();
                assertThat(st.retrieval()).as(what).isTrue();
                assertThat(st.u()).as(what + ": a reaction term is there").isGreaterThan(1e-4);
                double s = Math.sqrt(alpha * st.r());
                double[] e = Scsna.expectations(f, st.m(), s, st.gamma());
                assertThat(e[0]).as(what + ": m = <<xi Y>>").isCloseTo(st.m(), within(1e-10));
                assertThat(e[1]).as(what + ": q = <<Y^2>>").isCloseTo(st.q(), within(1e-10));
                assertThat(e[2] / s).as(what + ": U = <<z Y>> / sqrt(alpha r)").isCloseTo(st.u(), within(1e-10));
                assertThat(st.r()).isCloseTo(st.q() / ((1 - st.u()) * (1 - st.u())), within(1e-12));
                assertThat(st.gamma()).isCloseTo(alpha * st.u() / (1 - st.u()), within(1e-12));
            }
        }
    }

    @Test
    void theNaiveEquationAtItsCriticalLoadAndANetworkRetrievingAtEveryLoad() {
        // at alpha = 2/pi the iteration slows to m ~ 1/sqrt(k): it stops on its budget with a small positive m
        double m = Scsna.naiveOverlap(Scsna.naiveCritical());
        assertThat(m).isPositive().isLessThan(0.02);
        // a linear F without the reaction term keeps m = 1 at any load: retrieval up to alpha = 1
        assertThat(Scsna.criticalLoad(LINEAR, false)).isEqualTo(1.0);
    }
}
