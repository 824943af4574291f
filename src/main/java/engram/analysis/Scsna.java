package engram.analysis;

import engram.activation.Activation;
import java.util.Arrays;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.special.Erf;

/**
 * Storage capacity theory for Hebbian networks ({@code J = (1/N) sum_mu xi_mu xi_mu^T}, zero diagonal, +-1 memories)
 * with a general transfer function F (theory.md section 5).
 * <p>
 * The self-consistent signal-to-noise analysis (Shiino and Fukai, J. Phys. A 25 (1992) L375; Phys. Rev. E 48 (1993)
 * 867) for the fixed points of {@code u_i = sum_{j != i} J_ij F(u_j)}: an effective neuron
 * {@code Y = F(xi m + sqrt(alpha r) z + Gamma Y)}, xi = +-1, z ~ N(0, 1), with
 * <pre>
 *   m = << xi Y >>,  q = << Y^2 >>,  U = << z Y >> / sqrt(alpha r),  r = q / (1 - U)^2,  Gamma = alpha U / (1 - U).
 * </pre>
 * Y(h) is F(u) at a root of {@code u - Gamma F(u) = h}. Where that equation has several roots (Gamma max F' > 1) the
 * root is chosen by Maxwell's rule, the one minimising {@code u F(u) - int_0^u F - (Gamma/2) F(u)^2 - h F(u)}; for an
 * odd increasing F this is the root whose sign matches h, so Y jumps at h = 0 and the z integral is split there.
 * Expectations over z use 64-point Gauss-Legendre quadrature on [-10, 10], split at every breakpoint of Y (the jump,
 * and the images of F's kinks), over xi the two signs.
 * The equations are solved by damped iteration from the retrieval state (m = 1, U = 0). F = sign reduces them exactly
 * to Amit, Gutfreund and Sompolinsky's ({@link #agsAlpha}): q = 1 and U = C.
 * <p>
 * The critical load alpha_c is the largest alpha at which the iteration still ends at a retrieval state with
 * {@code m >= } {@value #RETRIEVAL_OVERLAP}; found by bisection. The naive signal-to-noise estimate (no
 * self-consistency: r = 1, no reaction term) is {@code m = erf(m / sqrt(2 alpha))}, alpha_c = 2/pi.
 */
public final class Scsna {

    /** A state counts as retrieval when its overlap is at least this. */
    public static final double RETRIEVAL_OVERLAP = 0.1;

    /** Bisection on alpha stops at this resolution. */
    public static final double ALPHA_RESOLUTION = 2e-5;
    /** Damped iterations per load: near alpha_c the approach is slow, and a state still above the retrieval overlap
     * after this many counts as retrieval (alpha_c is then overestimated by less than the resolution, measured). */
    private static final int MAX_ITERATIONS = 4000;
    private static final int POINTS = 64;
    private static final double RANGE = 10;
    private static final double[] NODES;
    private static final double[] WEIGHTS;

    static {
        GaussIntegrator g = new GaussIntegratorFactory().legendre(POINTS, -1, 1);
        NODES = new double[POINTS];
        WEIGHTS = new double[POINTS];
        for (int k = 0; k < POINTS; k++) {
            NODES[k] = g.getPoint(k);
            WEIGHTS[k] = g.getWeight(k);
        }
    }

    private Scsna() {
    }

    /** The order parameters at one load; {@code converged} false when the iteration did not settle. */
    public record State(double alpha, double m, double q, double u, double r, double gamma, boolean converged) {

        public boolean retrieval() {
            return m >= RETRIEVAL_OVERLAP;
        }
    }

    /** AGS: {@code alpha(y) = (erf(y)/y - (2/sqrt(pi)) exp(-y^2))^2 / 2}, the load at which m = erf(y). */
    public static double agsAlpha(double y) {
        double s = Erf.erf(y) / y - 2 / Math.sqrt(Math.PI) * Math.exp(-y * y);
        return 0.5 * s * s;
    }

    /** The AGS critical load {@code max_y alpha(y)} (golden-section search), the overlap erf(y*) there, and y*. */
    public static double[] agsCritical() {
        double lo = 0.5, hi = 3;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int k = 0; k < 200; k++) {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (agsAlpha(a) < agsAlpha(b)) {
                lo = a;
            } else {
                hi = b;
            }
        }
        double y = 0.5 * (lo + hi);
        return new double[] {agsAlpha(y), Erf.erf(y), y};
    }

    /** The naive signal-to-noise overlap {@code m = erf(m / sqrt(2 alpha))} from m = 1 (0 above 2/pi). */
    public static double naiveOverlap(double alpha) {
        double m = 1;
        for (int k = 0; k < 100_000; k++) {
            double next = Erf.erf(m / Math.sqrt(2 * alpha));
            if (Math.abs(next - m) < 1e-15) {
                return next;
            }
            m = next;
        }
        return m;
    }

    /** The naive critical load 2/pi (a continuous transition). */
    public static double naiveCritical() {
        return 2 / Math.PI;
    }

    /** The retrieval-branch solution at load alpha (with {@code reaction = false}: Gamma = 0 and r = q, no Onsager term). */
    public static State solve(Activation f, double alpha, boolean reaction) {
        return solve(f, alpha, reaction, Quadrature.SPLIT_AT_KINKS);
    }

    /**
     * How the z integrals are split: at every breakpoint of Y (the right way), or at h = 0 only, which integrates across
     * the kinks of hard-tanh with one Gauss-Legendre rule (the control of claim {@code capacity.scsna-routes}).
     */
    public enum Quadrature { SPLIT_AT_KINKS, SPLIT_AT_ZERO_ONLY }

    /** {@link #solve(Activation, double, boolean)} with the given quadrature. */
    public static State solve(Activation f, double alpha, boolean reaction, Quadrature quadrature) {
        boolean split = quadrature == Quadrature.SPLIT_AT_KINKS;
        double m = 1, q = 1, u = 0;
        double damping = 0.7;
        boolean converged = false;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double r = reaction ? q / ((1 - u) * (1 - u)) : q;
            double gamma = reaction ? alpha * u / (1 - u) : 0;
            double s = Math.sqrt(alpha * r);
            double[] e = expectations(f, m, s, gamma, split);
            double nm = e[0], nq = e[1], nu = e[2] / s;
            if (!reaction) {
                nu = 0;
            }
            double change = Math.abs(nm - m) + Math.abs(nq - q) + Math.abs(nu - u);
            m += damping * (nm - m);
            q += damping * (nq - q);
            u += damping * (nu - u);
            if (u >= 0.999) {
                u = 0.999;
            }
            if (change < 1e-12) {
                converged = true;
                break;
            }
            if (m < 0.5 * RETRIEVAL_OVERLAP) {
                break; // collapsed: from m = 1 the iteration does not climb back
            }
        }
        double r = reaction ? q / ((1 - u) * (1 - u)) : q;
        return new State(alpha, m, q, u, r, reaction ? alpha * u / (1 - u) : 0, converged);
    }

    /** The critical load: bisection on alpha in (0, 1] for the last retrieval state, to {@link #ALPHA_RESOLUTION}. */
    public static double criticalLoad(Activation f, boolean reaction) {
        return criticalLoad(f, reaction, ALPHA_RESOLUTION);
    }

    /** The critical load to a given resolution (a coarser one for figures and for placing loads below it). */
    public static double criticalLoad(Activation f, boolean reaction, double resolution) {
        return criticalLoad(f, reaction, resolution, Quadrature.SPLIT_AT_KINKS);
    }

    /** {@link #criticalLoad(Activation, boolean, double)} with the given quadrature. */
    public static double criticalLoad(Activation f, boolean reaction, double resolution, Quadrature quadrature) {
        double lo = 1e-3, hi = 1;
        if (!solve(f, lo, reaction, quadrature).retrieval()) {
            return 0;
        }
        if (solve(f, hi, reaction, quadrature).retrieval()) {
            return hi;
        }
        for (int k = 0; k < 40 && hi - lo > resolution; k++) {
            double mid = 0.5 * (lo + hi);
            if (solve(f, mid, reaction, quadrature).retrieval()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** {<<xi Y>>, <<Y^2>>, <<z Y>>} for the effective field xi m + s z, averaged over xi = +-1 and z. */
    static double[] expectations(Activation f, double m, double s, double gamma) {
        return expectations(f, m, s, gamma, true);
    }

    /**
     * The expectations with the z integral split wherever Y(h) is not smooth: at h = 0, where an odd F's Y jumps once
     * several roots exist (Gamma max F' > 1), and at the image {@code h = c - Gamma F(c)} of every kink c of F (the
     * corners of hard-tanh at +-1/g map to {@code +-(1 - Gamma g)/g}). Gauss-Legendre on each smooth piece is then
     * accurate to round-off; one piece across a kink is not (hard-tanh alpha_c was 2.5e-4 off). With
     * {@code splitAtKinks} false only h = 0 splits the range, as before (the control of capacity.scsna-routes).
     */
    static double[] expectations(Activation f, double m, double s, double gamma, boolean splitAtKinks) {
        double[] sum = new double[3];
        double[] kinks = f.kinks();
        double[] cuts = new double[2 + (splitAtKinks ? kinks.length : 0)];
        for (int xi = -1; xi <= 1; xi += 2) {
            int count = 0;
            cuts[count++] = -xi * m / s;
            for (int k = 0; splitAtKinks && k < kinks.length; k++) {
                double h = kinks[k] - gamma * f.value(kinks[k]);
                cuts[count++] = (h - xi * m) / s;
            }
            double[] inside = Arrays.stream(cuts, 0, count).filter(z -> z > -RANGE && z < RANGE).sorted()
                    .distinct().toArray();
            double a = -RANGE;
            for (double z : inside) {
                accumulate(f, xi, m, s, gamma, a, z, sum);
                a = z;
            }
            accumulate(f, xi, m, s, gamma, a, RANGE, sum);
        }
        for (int k = 0; k < 3; k++) {
            sum[k] /= 2;
        }
        return sum;
    }

    private static void accumulate(Activation f, int xi, double m, double s, double gamma, double a, double b,
            double[] sum) {
        double half = 0.5 * (b - a), mid = 0.5 * (a + b);
        for (int k = 0; k < POINTS; k++) {
            double z = mid + half * NODES[k];
            double w = half * WEIGHTS[k] * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            double y = effective(f, xi * m + s * z, gamma);
            sum[0] += w * xi * y;
            sum[1] += w * y * y;
            sum[2] += w * z * y;
        }
    }

    /**
     * Y(h) = F(u) for the root u of {@code u - Gamma F(u) = h} chosen by Maxwell's rule. Long: the bracket, the
     * safeguarded Newton iteration and Maxwell's choice between roots read as one algorithm, and the method is called
     * in the innermost quadrature loop, where helper calls with several results would allocate.
     */
    static double effective(Activation f, double h, double gamma) {
        if (f.name().equals("sign")) {
            return h > 0 ? 1 : h < 0 ? -1 : 0;
        }
        if (gamma == 0) {
            return f.value(h);
        }
        double fmax = Math.max(Math.abs(f.rangeMin()), Math.abs(f.rangeMax()));
        double lo = h - Math.abs(gamma) * fmax - 1e-12, hi = h + Math.abs(gamma) * fmax + 1e-12;
        if (gamma * f.lipschitz() < 1) {
            return f.value(bisect(f, h, gamma, lo, hi));
        }
        if (f.odd() && gamma > 0 && f.concaveOnPositive()) {
            // u - Gamma F(u) is convex on (0, inf): its largest root lies above the minimum, where F'(u) = 1/Gamma
            double sign = h >= 0 ? 1 : -1;
            double a = Math.abs(h);
            double top = a + gamma * fmax + 1e-12;
            double l = 0, r = top;
            for (int k = 0; k < 100 && r - l > 1e-15 * Math.max(1, r); k++) {
                double mid = 0.5 * (l + r);
                if (f.derivative(mid) > 1 / gamma) {
                    l = mid;
                } else {
                    r = mid;
                }
            }
            double start = Math.max(r, 0);
            return residual(f, a, gamma, start) >= 0 ? sign * f.value(start) : sign * f.value(bisect(f, a, gamma, start, top));
        }
        if (f.odd() && gamma > 0) {
            double sign = h >= 0 ? 1 : -1;
            double a = Math.abs(h);
            double top = a + gamma * fmax + 1e-12;
            int grid = 256;
            double prev = top, fprev = residual(f, a, gamma, top);
            for (int k = grid - 1; k >= 0; k--) {
                double u = top * k / grid;
                double fu = residual(f, a, gamma, u);
                if (fu <= 0 && fprev >= 0) {
                    return sign * f.value(bisect(f, a, gamma, u, prev));
                }
                prev = u;
                fprev = fu;
            }
            return sign * f.value(0);
        }
        int grid = 512;
        double best = Double.NaN, bestPotential = Double.POSITIVE_INFINITY;
        double prev = lo, fprev = residual(f, h, gamma, lo);
        for (int k = 1; k <= grid; k++) {
            double u = lo + (hi - lo) * k / grid;
            double fu = residual(f, h, gamma, u);
            if (Math.signum(fu) != Math.signum(fprev) || fu == 0) {
                double root = bisect(f, h, gamma, prev, u);
                double y = f.value(root);
                double potential = root * y - f.integral(root) - 0.5 * gamma * y * y - h * y;
                if (potential < bestPotential) {
                    bestPotential = potential;
                    best = y;
                }
            }
            prev = u;
            fprev = fu;
        }
        return best;
    }

    private static double residual(Activation f, double h, double gamma, double u) {
        return u - gamma * f.value(u) - h;
    }

    /**
     * The root of {@code u - Gamma F(u) = h} in [lo, hi], where the residual changes sign: Newton steps kept inside a
     * shrinking bracket, bisection where a step would leave it (safeguarded Newton).
     */
    private static double bisect(Activation f, double h, double gamma, double lo, double hi) {
        double flo = residual(f, h, gamma, lo);
        double u = 0.5 * (lo + hi);
        for (int k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); k++) {
            double fu = residual(f, h, gamma, u);
            if (fu == 0) {
                return u;
            }
            if (Math.signum(fu) == Math.signum(flo)) {
                lo = u;
                flo = fu;
            } else {
                hi = u;
            }
            double slope = 1 - gamma * f.derivative(u);
            double next = slope != 0 ? u - fu / slope : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            } else if (Math.abs(next - u) <= 1e-15 * Math.max(1, Math.abs(u))) {
                return next;
            }
            u = next;
        }
        return u;
    }
}
