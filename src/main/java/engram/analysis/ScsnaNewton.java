package engram.analysis;

import engram.activation.Activation;
import engram.activation.HardTanh;
import engram.activation.Tanh;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * A second, independent route to the SCSNA's retrieval branch and critical load ({@link Scsna} states the equations),
 * for the two units the capacity claims use at moderate gain: tanh and the piecewise-linear hard-tanh. It shares no
 * code with {@link Scsna}'s route:
 * <ul>
 * <li>the equations {@code G(m, q, U) = (<<xi Y>> - m, <<Y^2>> - q, <<z Y>> / s - U) = 0} are solved by Newton's method
 * (finite-difference Jacobian), continued in alpha from the retrieval state at small load, instead of damped iteration
 * from m = 1;</li>
 * <li>hard-tanh's expectations are Gaussian integrals in closed form: for {@code Gamma g < 1} the unit is
 * {@code Y(h) = clamp(h / a, -1, 1)} with {@code a = (1 - Gamma g) / g}, so with {@code h ~ N(xi m, s^2)} every moment is
 * a combination of the normal cdf and density at {@code (+-a - xi m) / s}; for {@code Gamma g >= 1} Maxwell's rule
 * leaves {@code Y = sign(h)};</li>
 * <li>tanh's expectations are composite Gauss-Legendre sums (40 panels of 12 points on each side of h = 0, instead of
 * one 64-point rule), with Y found by a safeguarded Newton solve of {@code u - Gamma tanh(g u) = h} on the branch of
 * the sign of h.</li>
 * </ul>
 * The critical load is the largest alpha at which the continued branch still has {@code m >= 0.1}, found by bisection
 * to {@value #RESOLUTION}.
 */
public final class ScsnaNewton {

    /** Resolution of the critical load. */
    public static final double RESOLUTION = 1e-6;

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private ScsnaNewton() {
    }

    /** A solution of the three equations at one load: overlap, activity, susceptibility. */
    public record Point(double alpha, double m, double q, double u) {
    }

    /** The retrieval branch at {@code alpha}, continued from small load; null where it no longer has m >= 0.1. */
    public static Point branch(Activation f, double alpha) {
        Point p = new Point(1e-3, 1, 1, 0);
        p = newton(f, p.alpha(), p);
        double step = 0.002;
        while (p != null && p.alpha() < alpha) {
            double next = Math.min(alpha, p.alpha() + step);
            Point q = newton(f, next, p);
            if (q == null) {
                if (step < 1e-7) {
                    return null;
                }
                step /= 4;
                continue;
            }
            p = q;
        }
        return p;
    }

    /** The critical load: bisection between the last load with a retrieval solution and the first without. */
    public static double criticalLoad(Activation f) {
        Point lo = newton(f, 1e-3, new Point(1e-3, 1, 1, 0));
        if (lo == null) {
            return 0;
        }
        double step = 0.005;
        double hi = Double.NaN;
        while (Double.isNaN(hi) && lo.alpha() < 1) {
            Point next = newton(f, lo.alpha() + step, lo);
            if (next != null) {
                lo = next;
            } else if (step > 1e-4) {
                step /= 5;
            } else {
                hi = lo.alpha() + step;
            }
        }
        if (Double.isNaN(hi)) {
            return 1;
        }
        while (hi - lo.alpha() > RESOLUTION) {
            double mid = 0.5 * (lo.alpha() + hi);
            Point p = newton(f, mid, lo);
            if (p != null) {
                lo = p;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo.alpha() + hi);
    }

    /** Newton's method at load alpha from a starting point; null without convergence to a state with m >= 0.1. */
    static Point newton(Activation f, double alpha, Point start) {
        double[] x = {start.m(), start.q(), start.u()};
        for (int it = 0; it < 60; it++) {
            double[] g = residual(f, alpha, x);
            if (g == null) {
                return null;
            }
            double norm = Math.abs(g[0]) + Math.abs(g[1]) + Math.abs(g[2]);
            if (norm < 1e-13) {
                return x[0] >= Scsna.RETRIEVAL_OVERLAP ? new Point(alpha, x[0], x[1], x[2]) : null;
            }
            double[][] jac = new double[3][3];
            for (int k = 0; k < 3; k++) {
                double h = 1e-7 * Math.max(1e-3, Math.abs(x[k]));
                double[] y = x.clone();
                y[k] += h;
                double[] gy = residual(f, alpha, y);
                if (gy == null) {
                    return null;
                }
                for (int i = 0; i < 3; i++) {
                    jac[i][k] = (gy[i] - g[i]) / h;
                }
            }
            double[] dx = solve3(jac, g);
            if (dx == null) {
                return null;
            }
            for (int k = 0; k < 3; k++) {
                x[k] -= dx[k];
            }
            if (!(x[1] > 0) || !(x[2] < 1) || !Double.isFinite(x[0])) {
                return null;
            }
        }
        return null;
    }

    /** G(m, q, U) at load alpha; null outside the domain (q <= 0, U >= 1). */
    static double[] residual(Activation f, double alpha, double[] x) {
        double m = x[0], q = x[1], u = x[2];
        if (!(q > 0) || !(u < 1)) {
            return null;
        }
        double s = Math.sqrt(alpha * q) / (1 - u);
        double gamma = alpha * u / (1 - u);
        double[] e = f instanceof HardTanh h ? hardTanh(h.gain(), m, s, gamma) : tanh(((Tanh) f).gain(), m, s, gamma);
        return new double[] {e[0] - m, e[1] - q, e[2] / s - u};
    }

    /** {<<xi Y>>, <<Y^2>>, <<z Y>>} for hard-tanh in closed form (by symmetry, xi = +1 suffices). */
    static double[] hardTanh(double g, double m, double s, double gamma) {
        if (gamma * g >= 1) {
            // Y = sign(h): <<xi Y>> = 2 Phi(m/s) - 1, <<Y^2>> = 1, <<z Y>> = 2 phi(m/s)
            return new double[] {2 * NORMAL.cumulativeProbability(m / s) - 1, 1, 2 * NORMAL.density(m / s)};
        }
        double a = (1 - gamma * g) / g;
        double lo = (-a - m) / s, hi = (a - m) / s;
        double pLo = NORMAL.cumulativeProbability(lo), pHi = NORMAL.cumulativeProbability(hi);
        double dLo = NORMAL.density(lo), dHi = NORMAL.density(hi);
        double inside = pHi - pLo;
        double above = 1 - pHi, below = pLo;
        // E[h; inside] and E[h^2; inside] for h = m + s Z
        double h1 = m * inside + s * (dLo - dHi);
        double h2 = (m * m + s * s) * inside + 2 * m * s * (dLo - dHi) + s * s * (lo * dLo - hi * dHi);
        double mean = above - below + h1 / a;
        double second = above + below + h2 / (a * a);
        // Stein: E[Z Y(m + s Z)] = s E[Y'] = (s / a) P(inside)
        double zy = s / a * inside;
        return new double[] {mean, second, zy};
    }

    /**
     * {<<xi Y>>, <<Y^2>>, <<z Y>>} for tanh (xi = +1 by symmetry) by a composite rule: [-10, 10] split at h = 0 (where
     * Y jumps when Gamma g > 1 and is steepest otherwise), each piece cut into {@value #PANELS} panels of
     * {@value #PANEL_POINTS}-point Gauss-Legendre.
     */
    static double[] tanh(double g, double m, double s, double gamma) {
        double jump = -m / s;
        double[] cuts = jump > -10 && jump < 10 ? new double[] {-10, jump, 10} : new double[] {-10, 10};
        double[] out = new double[3];
        for (int piece = 0; piece + 1 < cuts.length; piece++) {
            double width = (cuts[piece + 1] - cuts[piece]) / PANELS;
            for (int panel = 0; panel < PANELS; panel++) {
                double a = cuts[piece] + panel * width, half = 0.5 * width, mid = a + half;
                for (int k = 0; k < PANEL_POINTS; k++) {
                    double z = mid + half * GAUSS[0][k];
                    double w = half * GAUSS[1][k] * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
                    double y = tanhUnit(g, gamma, m + s * z);
                    out[0] += w * y;
                    out[1] += w * y * y;
                    out[2] += w * z * y;
                }
            }
        }
        return out;
    }

    static final int PANELS = 40;
    static final int PANEL_POINTS = 12;

    /** Nodes and weights of the {@value #PANEL_POINTS}-point Gauss-Legendre rule on [-1, 1]. */
    private static final double[][] GAUSS = gauss();

    private static double[][] gauss() {
        var rule = new GaussIntegratorFactory().legendre(PANEL_POINTS, -1, 1);
        double[][] out = new double[2][PANEL_POINTS];
        for (int k = 0; k < PANEL_POINTS; k++) {
            out[0][k] = rule.getPoint(k);
            out[1][k] = rule.getWeight(k);
        }
        return out;
    }

    /** Y(h) = tanh(g u) at the root u of u - Gamma tanh(g u) = h whose sign is that of h (Maxwell's rule). */
    static double tanhUnit(double g, double gamma, double h) {
        double sign = h >= 0 ? 1 : -1, a = Math.abs(h);
        // on the outer branch u >= a: start from the saturated value and iterate Newton, kept above the bracket's floor
        double lo = a, hi = a + Math.abs(gamma) + 1e-12;
        double u = hi;
        for (int k = 0; k < 200; k++) {
            double t = Math.tanh(g * u);
            double r = u - gamma * t - a;
            if (r > 0) {
                hi = u;
            } else {
                lo = u;
            }
            double slope = 1 - gamma * g * (1 - t * t);
            double next = slope > 0 ? u - r / slope : 0.5 * (lo + hi);
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - u) <= 1e-16 * Math.max(1, u) || hi - lo <= 1e-16 * Math.max(1, hi)) {
                u = next;
                break;
            }
            u = next;
        }
        return sign * Math.tanh(g * u);
    }

    /** Solves a 3 x 3 system by Gaussian elimination with partial pivoting; null when singular. */
    private static double[] solve3(double[][] a, double[] b) {
        double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
        double[] y = b.clone();
        for (int c = 0; c < 3; c++) {
            int p = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            if (Math.abs(m[p][c]) < 1e-300) {
                return null;
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            double ty = y[c];
            y[c] = y[p];
            y[p] = ty;
            for (int r = c + 1; r < 3; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < 3; k++) {
                    m[r][k] -= f * m[c][k];
                }
                y[r] -= f * y[c];
            }
        }
        double[] x = new double[3];
        for (int r = 2; r >= 0; r--) {
            double sum = y[r];
            for (int k = r + 1; k < 3; k++) {
                sum -= m[r][k] * x[k];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }
}
