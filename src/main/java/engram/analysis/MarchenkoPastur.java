package engram.analysis;

import org.hipparchus.distribution.continuous.AbstractRealDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/**
 * The Marchenko-Pastur law of the non-zero eigenvalues of {@code W = Y Y^T / n}, Y a p x n matrix of iid zero-mean,
 * unit-variance entries, ratio {@code c = p / n} (theory.md section 4): support
 * {@code [(1 - sqrt c)^2, (1 + sqrt c)^2]}, density {@code sqrt((l+ - l)(l - l-)) / (2 pi c l)} for c <= 1. For
 * c > 1, W has p - n zero eigenvalues and the others follow the same support with density
 * {@code sqrt((l+ - l)(l - l-)) / (2 pi l)} (the law of c times a Marchenko-Pastur variable of ratio 1/c). The
 * cumulative distribution comes from the substitution {@code l = 1 + c - 2 sqrt(c) cos(theta)}, which makes the
 * integrand smooth, tabulated by Simpson's rule at 2^13 intervals, each refined adaptively until it converges (error below 1e-12 for every c, near c = 1 too).
 */
public final class MarchenkoPastur extends AbstractRealDistribution {

    private static final long serialVersionUID = 1L;
    private static final int GRID = 1 << 13;

    private final double c;
    private final double lower;
    private final double upper;
    private final double[] cdf;
    private final double tableMass;

    public MarchenkoPastur(double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("ratio c must be finite and > 0, got " + c);
        }
        this.c = c;
        double r = Math.sqrt(c);
        this.lower = (1 - r) * (1 - r);
        this.upper = (1 + r) * (1 + r);
        this.cdf = new double[GRID + 1];
        double h = Math.PI / GRID;
        for (int k = 1; k <= GRID; k++) {
            double a = (k - 1) * h, b = k * h;
            double fa = integrand(a), fm = integrand(0.5 * (a + b)), fb = integrand(b);
            cdf[k] = cdf[k - 1] + adaptiveSimpson(a, b, fa, fm, fb, h / 6 * (fa + 4 * fm + fb), 40);
        }
        double total = cdf[GRID];
        this.tableMass = total;
        for (int k = 0; k <= GRID; k++) {
            cdf[k] /= total;
        }
    }

    /**
     * Simpson's rule on [a, b] refined where it has not converged: near c = 1 the integrand rises from 0 to its
     * plateau over theta of order (1 - sqrt c) / c^(1/4), far below one panel (at c = 0.99999, 5e-6 against a panel of
     * 4e-4), and one Simpson panel there misses mass of that order.
     */
    private double adaptiveSimpson(double a, double b, double fa, double fm, double fb, double whole, int depth) {
        double m = 0.5 * (a + b), lm = 0.5 * (a + m), rm = 0.5 * (m + b);
        double flm = integrand(lm), frm = integrand(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm), right = (b - m) / 6 * (fm + 4 * frm + fb);
        double refined = left + right;
        if (depth <= 0 || Math.abs(refined - whole) <= 1e-17) {
            return refined + (refined - whole) / 15;
        }
        return adaptiveSimpson(a, m, fa, flm, fm, left, depth - 1) + adaptiveSimpson(m, b, fm, frm, fb, right, depth - 1);
    }

    /** The table's total before normalisation: 1 up to the quadrature's error. */
    double tableMass() {
        return tableMass;
    }

    /**
     * dF/dtheta: the density times dl/dtheta, {@code (2 sqrt(c) sin theta)^2 / (2 pi min(c, 1) l)}, smooth in theta;
     * l is computed as {@code (1 - sqrt c)^2 + 4 sqrt(c) sin^2(theta/2)}, free of the cancellation in
     * {@code 1 + c - 2 sqrt(c) cos theta} near theta = 0. l = 0 only at c = 1, theta = 0, where the integrand tends to
     * {@code (1 + cos theta) / pi = 2 / pi} (not 0: the density's 1/sqrt(l) edge carries mass there).
     */
    private double integrand(double theta) {
        double root = Math.sqrt(c), half = Math.sin(0.5 * theta);
        double l = (1 - root) * (1 - root) + 4 * root * half * half;
        if (l <= 0) {
            return (1 + Math.cos(theta)) / Math.PI;
        }
        double rs = 2 * root * Math.sin(theta);
        return rs * rs / (2 * Math.PI * Math.min(c, 1) * l);
    }

    public double ratio() { return c; }

    @Override public double density(double l) {
        if (l <= lower || l >= upper) {
            return 0;
        }
        return Math.sqrt((upper - l) * (l - lower)) / (2 * Math.PI * Math.min(c, 1) * l);
    }

    @Override public double cumulativeProbability(double l) {
        if (l <= lower) {
            return 0;
        }
        if (l >= upper) {
            return 1;
        }
        double cos = (1 + c - l) / (2 * Math.sqrt(c));
        double theta = Math.acos(Math.max(-1, Math.min(1, cos)));
        double pos = theta / Math.PI * GRID;
        int k = Math.min(GRID - 1, (int) pos);
        // the table's node below, plus the rest of the panel integrated (not interpolated: near c = 1 the integrand
        // rises inside the first panel)
        double a = k * Math.PI / GRID;
        if (!(theta > a)) {
            return cdf[k];
        }
        double fa = integrand(a), fm = integrand(0.5 * (a + theta)), fb = integrand(theta);
        double rest = adaptiveSimpson(a, theta, fa, fm, fb, (theta - a) / 6 * (fa + 4 * fm + fb), 40);
        return Math.min(1, cdf[k] + rest / tableMass);
    }

    @Override public double getNumericalMean() { return Math.max(1, c); }

    @Override public double getNumericalVariance() { return c; }

    @Override public double getSupportLowerBound() { return lower; }

    @Override public double getSupportUpperBound() { return upper; }

    @Override public boolean isSupportConnected() { return true; }

    /** A sample's Kolmogorov-Smirnov distance from a law and its p-value. */
    public record KolmogorovSmirnov(double statistic, double pValue) {
    }

    /** The Kolmogorov-Smirnov test of {@code eigenvalues} against this law (Hipparchus's exact or asymptotic p-value). */
    public KolmogorovSmirnov kolmogorovSmirnov(double[] eigenvalues) {
        KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
        return new KolmogorovSmirnov(test.kolmogorovSmirnovStatistic(this, eigenvalues),
                test.kolmogorovSmirnovTest(this, eigenvalues));
    }
}
