package engram.analysis;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.util.CombinatoricsUtils;

/**
 * Symmetric mixture states of the Hebbian voltage network {@code x' = -x + W tanh(g x)}, {@code W = Xi Xi^T / N}, with
 * patterns whose sign tuples are exactly uniform over the units (Rademacher patterns; docs/theory.md section 9.4):
 * the n-mixture {@code x = m (xi_1 + ... + xi_n)} is an equilibrium iff {@code m = E[(s/n) tanh(g m s)]},
 * {@code s = z_1 + ... + z_n} a sum of n fair signs (Amit, Gutfreund and Sompolinsky 1985, here exact at finite N), and
 * the Jacobian's spectrum there is -1 (off the patterns), {@code a + (n - 1) b} (the symmetric direction), {@code a - b}
 * (n - 1 times: the directions that break the symmetry) and {@code a} (each pattern outside the mixture), with
 * {@code a = g E[sech^2(g m s)] - 1}, {@code b = g E[z_1 z_2 sech^2(g m s)]} and
 * {@code E[z_1 z_2 | s] = (s^2 - n) / (n (n - 1))}. Expectations are exact sums over the binomial law of s.
 */
public final class SymmetricMixtures {

    private SymmetricMixtures() {
    }

    /** The overlap m > 0 of the symmetric n-mixture at gain g (0 where there is none: g <= 1). */
    public static double overlap(int n, double g) {
        check(n, g);
        if (g <= 1) {
            return 0;
        }
        // the residual is (g - 1) m - O(m^3) near 0 and negative at 1: a bracket once m is small enough
        double lo = 1e-4;
        while (lo > 1e-300 && !(residual(n, g, lo) > 0)) {
            lo /= 10;
        }
        return new BrentSolver(1e-16, 1e-17, 0).solve(1000, m -> residual(n, g, m), lo, 1);
    }

    /** {@code E[(s/n) tanh(g m s)] - m}. */
    static double residual(int n, double g, double m) {
        double e = 0;
        for (int k = 0; k <= n; k++) {
            int s = n - 2 * k;
            e += weight(n, k) * s / n * Math.tanh(g * m * s);
        }
        return e - m;
    }

    /**
     * The largest eigenvalue of the Jacobian at the symmetric n-mixture of p >= n patterns (the network's size only
     * adds eigenvalues -1).
     */
    public static double leadingEigenvalue(int n, int p, double g) {
        if (p < n) {
            throw new IllegalArgumentException("a mixture of " + n + " patterns needs p >= n, got " + p);
        }
        double m = overlap(n, g), a = -1, b = 0;
        for (int k = 0; k <= n; k++) {
            int s = n - 2 * k;
            double t = Math.tanh(g * m * s), sech2 = 1 - t * t;
            a += g * weight(n, k) * sech2;
            b += n > 1 ? g * weight(n, k) * sech2 * (s * s - n) / (n * (n - 1.0)) : 0;
        }
        double best = Math.max(-1, a + (n - 1) * b);
        if (n > 1) {
            best = Math.max(best, a - b);
        }
        return p > n ? Math.max(best, a) : best;
    }

    /** The gain in [lo, hi] where the n-mixture's largest eigenvalue crosses 0 (it must change sign there). */
    public static double stabilityGain(int n, int p, double lo, double hi) {
        return new BrentSolver(1e-16, 1e-15, 0).solve(1000, g -> leadingEigenvalue(n, p, g), lo, hi);
    }

    private static double weight(int n, int k) {
        return CombinatoricsUtils.binomialCoefficientDouble(n, k) / Math.pow(2, n);
    }

    private static void check(int n, double g) {
        if (n < 1 || n > 60 || !(g > 0) || !Double.isFinite(g)) {
            throw new IllegalArgumentException("a symmetric mixture needs 1 <= n <= 60 and a positive gain, got n=" + n
                    + ", g=" + g);
        }
    }
}
