package engram.analysis;

/**
 * Least-squares fits: a line's slope, a weighted line with its standard errors, and the order p of a power law
 * {@code error ~ C h^p}.
 */
public final class Fits {

    private Fits() {
    }

    /** Least-squares slope of y against x. */
    public static double slope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /** A fitted line {@code y = intercept + slope x} and the standard errors of both. */
    public record Line(double slope, double slopeError, double intercept, double interceptError) {
    }

    /**
     * The weighted least-squares line through (x, y) with weights {@code w = 1 / var(y)} (known variances): slope
     * {@code sum w (x - xm)(y - ym) / sxx}, {@code se(slope) = 1 / sqrt(sxx)}, {@code se(intercept) =
     * sqrt(1 / sum w + xm^2 / sxx)}, xm and ym the weighted means, {@code sxx = sum w (x - xm)^2}.
     */
    public static Line weightedLine(double[] x, double[] y, double[] w) {
        double sw = 0, sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
        }
        double xm = sx / sw, ym = sy / sw, sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += w[i] * (x[i] - xm) * (x[i] - xm);
            sxy += w[i] * (x[i] - xm) * (y[i] - ym);
        }
        double slope = sxy / sxx;
        return new Line(slope, Math.sqrt(1 / sxx), ym - slope * xm, Math.sqrt(1 / sw + xm * xm / sxx));
    }

    /**
     * Convergence order from errors at steps {@code h_k}: the slope of log(error) against log(h),
     * i.e. p in {@code error ~ C h^p}.
     */
    public static double order(double[] steps, double[] errors) {
        double[] lx = new double[steps.length];
        double[] ly = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            lx[i] = Math.log(steps[i]);
            ly[i] = Math.log(errors[i]);
        }
        return slope(lx, ly);
    }
}
