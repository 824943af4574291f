package engram.analysis;

import engram.model.VectorField;
import java.util.function.ToDoubleFunction;

/**
 * Central differences {@code (g(x + h e_j) - g(x - h e_j)) / 2h} with the step {@code h = factor (1 + |x_j|)}, for
 * checking hand-written derivatives and as a derivative-free route to a Jacobian. The point x is perturbed in place and
 * restored.
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
        double h = factor * (1 + Math.abs(x[j])), keep = x[j];
        x[j] = keep + h;
        f.evaluate(t, x, plus);
        x[j] = keep - h;
        f.evaluate(t, x, minus);
        x[j] = keep;
        for (int i = 0; i < out.length; i++) {
            out[i] = (plus[i] - minus[i]) / (2 * h);
        }
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
     * The largest |J_ij - central difference| over the given columns, relative to max(1, largest |J_ij|), J from
     * {@code f.jacobian}.
     */
    public static double jacobianError(VectorField f, double t, double[] x, int[] columns, double factor) {
        int n = x.length;
        double[] jac = new double[n * n], plus = new double[n], minus = new double[n], col = new double[n];
        f.jacobian(t, x, jac);
        double worst = 0, scale = 1;
        for (double v : jac) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int j : columns) {
            column(f, t, x, j, factor, plus, minus, col);
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(jac[i * n + j] - col[i]));
            }
        }
        return worst / scale;
    }

    /**
     * The largest |g_j - central difference of value| over the given coordinates, relative to max(1, largest |g_j|),
     * for an analytic gradient g of value at x.
     */
    public static double gradientError(double[] analytic, ToDoubleFunction<double[]> value, double[] x, int[] coords,
            double factor) {
        double worst = 0, scale = 1;
        for (double v : analytic) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int j : coords) {
            double h = factor * (1 + Math.abs(x[j])), keep = x[j];
            x[j] = keep + h;
            double up = value.applyAsDouble(x);
            x[j] = keep - h;
            double down = value.applyAsDouble(x);
            x[j] = keep;
            worst = Math.max(worst, Math.abs(analytic[j] - (up - down) / (2 * h)));
        }
        return worst / scale;
    }
}
