package engram.analysis;

/** Least-squares fits: a line's slope, and the order p of a power law {@code error ~ C h^p}. */
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
