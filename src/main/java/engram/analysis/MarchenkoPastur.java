package engram.analysis;

import org.hipparchus.distribution.continuous.AbstractRealDistribution;

/**
 * The Marchenko-Pastur law of the non-zero eigenvalues of {@code W = Y Y^T / n}, Y a p x n matrix of iid zero-mean,
 * unit-variance entries, ratio {@code c = p / n} (theory.md section 4): support
 * {@code [(1 - sqrt c)^2, (1 + sqrt c)^2]}, density {@code sqrt((l+ - l)(l - l-)) / (2 pi c l)} for c <= 1. For
 * c > 1, W has p - n zero eigenvalues and the others follow the same support with density
 * {@code sqrt((l+ - l)(l - l-)) / (2 pi l)} (the law of c times a Marchenko-Pastur variable of ratio 1/c). The
 * cumulative distribution comes from the substitution {@code l = 1 + c - 2 sqrt(c) cos(theta)}, which makes the
 * integrand smooth, tabulated by Simpson's rule at 2^13 intervals (error below 1e-12).
 */
public final class MarchenkoPastur extends AbstractRealDistribution {

    private static final long serialVersionUID = 1L;
    private static final int GRID = 1 << 13;

    private final double c;
    private final double lower;
    private final double upper;
    private final double[] cdf;

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
            cdf[k] = cdf[k - 1] + h / 6 * (integrand(a) + 4 * integrand(0.5 * (a + b)) + integrand(b));
        }
        double total = cdf[GRID];
        for (int k = 0; k <= GRID; k++) {
            cdf[k] /= total;
        }
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
        double frac = pos - k;
        return cdf[k] + frac * (cdf[k + 1] - cdf[k]);
    }

    @Override public double getNumericalMean() { return Math.max(1, c); }

    @Override public double getNumericalVariance() { return c; }

    @Override public double getSupportLowerBound() { return lower; }

    @Override public double getSupportUpperBound() { return upper; }

    @Override public boolean isSupportConnected() { return true; }
}
