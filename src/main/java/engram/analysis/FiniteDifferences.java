package engram.analysis;

import engram.integrate.VectorField;
import engram.model.EnergyFunction;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Central differences {@code D(h) = (g(x + h e_j) - g(x - h e_j)) / 2h} with the step {@code h = factor (1 + |x_j|)},
 * for checking hand-written derivatives and as a derivative-free route to a Jacobian. The point x is perturbed in place
 * and restored. The checks ({@link #jacobianError}, {@link #gradientError}) use Richardson's extrapolation
 * {@code R = (4 D(h/2) - D(h)) / 3}, whose truncation error is O(h^4), and allow it the a-posteriori estimate
 * {@code |R - D(h/2)|} (the truncation error of D(h/2), far above R's own): where g is smooth on the scale of h that
 * allowance is round-off, and where it is not (a logit near the edge of (0, 1), the steep inverse of a sigmoid) the
 * check does not mistake the difference quotient's error for a wrong derivative. A step whose evaluation is not
 * finite (it left the function's domain) is halved until it is.
 */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /** Coordinates 0 .. n-1. */
    public static int[] all(int n) {
        int[] c = new int[n];
        for (int j = 0; j < n; j++) {
            c[j] = j;
        }
        return c;
    }

    /** Column j of the Jacobian of f at (t, x) by central differences, into {@code out}. */
    public static void column(VectorField f, double t, double[] x, int j, double factor, double[] plus, double[] minus,
            double[] out) {
        columnAt(f, t, x, j, factor * (1 + Math.abs(x[j])), plus, minus, out);
    }

    /** The whole Jacobian of f at (t, x) by central differences, row-major. */
    public static double[] jacobian(VectorField f, double t, double[] x, double factor) {
        int n = x.length;
        double[] jac = new double[n * n], plus = new double[n], minus = new double[n], col = new double[n];
        for (int j = 0; j < n; j++) {
            column(f, t, x, j, factor, plus, minus, col);
            for (int i = 0; i < n; i++) {
                jac[i * n + j] = col[i];
            }
        }
        return jac;
    }

    /**
     * The largest {@code max(0, |J_ij - R_ij| - |R_ij - D_ij(h/2)|)} over the given columns (R the Richardson
     * extrapolation of central differences), relative to max(1, largest |J_ij|), J from {@code f.jacobian}.
     */
    public static double jacobianError(VectorField f, double t, double[] x, int[] columns, double factor) {
        int n = x.length;
        double[] jac = new double[n * n], plus = new double[n], minus = new double[n];
        double[] wide = new double[n], narrow = new double[n];
        f.jacobian(t, x, jac);
        double worst = 0, scale = 1;
        for (double v : jac) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int j : columns) {
            double h = factor * (1 + Math.abs(x[j]));
            for (int halvings = 0; ; halvings++) {
                columnAt(f, t, x, j, h, plus, minus, wide);
                columnAt(f, t, x, j, h / 2, plus, minus, narrow);
                if (allFinite(wide) && allFinite(narrow) || halvings == MAX_HALVINGS) {
                    break;
                }
                h /= 2;
            }
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, beyondEstimate(jac[i * n + j], wide[i], narrow[i]));
            }
        }
        return worst / scale;
    }

    /**
     * The largest {@code max(0, |g_j - R_j| - |R_j - D_j(h/2)|)} over the given coordinates, relative to max(1,
     * largest |g_j|), for an analytic gradient g of value at x.
     */
    public static double gradientError(double[] analytic, ToDoubleFunction<double[]> value, double[] x, int[] coords,
            double factor) {
        double worst = 0, scale = 1;
        for (double v : analytic) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int j : coords) {
            double h = factor * (1 + Math.abs(x[j]));
            double wide = Double.NaN, narrow = Double.NaN;
            for (int halvings = 0; halvings <= MAX_HALVINGS; halvings++) {
                wide = difference(value, x, j, h);
                narrow = difference(value, x, j, h / 2);
                if (Double.isFinite(wide) && Double.isFinite(narrow)) {
                    break;
                }
                h /= 2;
            }
            worst = Math.max(worst, beyondEstimate(analytic[j], wide, narrow));
        }
        return worst / scale;
    }

    /** Halvings of a step that left the function's domain before giving up (the result is then NaN). */
    private static final int MAX_HALVINGS = 30;

    /** |exact - R| beyond the estimate |R - D(h/2)|, R = (4 D(h/2) - D(h)) / 3; NaN where the differences are. */
    static double beyondEstimate(double exact, double wide, double narrow) {
        double richardson = (4 * narrow - wide) / 3;
        double excess = Math.abs(exact - richardson) - Math.abs(richardson - narrow);
        return Double.isNaN(excess) ? Double.NaN : Math.max(0, excess);
    }

    private static double difference(ToDoubleFunction<double[]> value, double[] x, int j, double h) {
        double keep = x[j];
        x[j] = keep + h;
        double up = value.applyAsDouble(x);
        x[j] = keep - h;
        double down = value.applyAsDouble(x);
        x[j] = keep;
        return (up - down) / (2 * h);
    }

    /** Column j by central differences with the absolute step h. */
    private static void columnAt(VectorField f, double t, double[] x, int j, double h, double[] plus, double[] minus,
            double[] out) {
        double keep = x[j];
        x[j] = keep + h;
        f.evaluate(t, x, plus);
        x[j] = keep - h;
        f.evaluate(t, x, minus);
        x[j] = keep;
        for (int i = 0; i < out.length; i++) {
            out[i] = (plus[i] - minus[i]) / (2 * h);
        }
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Jacobian (and, when {@code e} is not null, the energy gradient) against central differences on at most 40
     * coordinates drawn from {@code rng} (all of them for n <= 40): the largest relative difference.
     */
    public static double sampledError(VectorField f, EnergyFunction e, double[] x,
            RandomGenerator rng) {
        int n = x.length;
        int[] columns = new int[Math.min(n, 40)];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = n <= 40 ? k : rng.nextInt(n);
        }
        double worst = jacobianError(f, 0, x, columns, 1e-5);
        if (e != null) {
            double[] grad = new double[n];
            e.gradient(x, grad);
            worst = Math.max(worst, gradientError(grad, e::energy, x, columns, 1e-5));
        }
        return worst;
    }
}
