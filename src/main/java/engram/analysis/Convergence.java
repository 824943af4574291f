package engram.analysis;

import engram.integrate.FixedStepMethod;
import engram.integrate.Trajectory;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.oracle.ExactProblem;
import engram.oracle.Oracle;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Measured convergence order of a fixed-step method against the DP853 oracle. The global error is the sup norm over
 * t = T/4, T/2, 3T/4, T (which avoids a leading error term that happens to vanish at T alone), for steps
 * {@code h = T 2^-k} over consecutive levels k; the three finest levels whose errors stay above {@link #ERROR_FLOOR}
 * (100 times the oracle's tolerance: below it the oracle's own error would exceed 1% of the measured one) are fitted
 * by {@code C h^p}. Coarser levels show the pre-asymptotic regime. Fewer than three levels above the floor make the
 * estimate uninformative ({@link Estimate#informative()} false).
 */
public final class Convergence {

    /** Errors below this (100 times the oracle's tolerance) would let the oracle's own error exceed 1% of them. */
    public static final double ERROR_FLOOR = 100 * Oracle.DEFAULT_TOLERANCE;

    private Convergence() {
    }

    /** Estimated order (NaN when uninformative), and the error at every level. */
    public record Estimate(double order, double[] steps, double[] errors) {

        public boolean informative() {
            return !Double.isNaN(order);
        }
    }

    /** The order of {@code method} on {@code f} from x0 over [0, t1], with steps t1 2^-firstLevel .. over levels. */
    public static Estimate order(FixedStepMethod method, VectorField f, double[] x0, double t1, int firstLevel, int levels) {
        Trajectory reference = Oracle.dp853().sample(f, 0, x0, t1, t1 / 4);
        return order(method, f, 0, x0, t1, firstLevel, levels, reference::state, ERROR_FLOOR);
    }

    /**
     * The order of {@code method} on a closed-form problem over its interval [t0, t1] (t0 != 0, explicitly
     * time-dependent), against its exact solution; the floor is then {@link #EXACT_FLOOR} (rounding only).
     */
    public static Estimate order(FixedStepMethod method, ExactProblem p, int firstLevel, int levels) {
        double t0 = p.t0(), t1 = p.t1();
        return order(method, p, t0, p.x0(), t1, firstLevel, levels, j -> p.exact(t0 + j * (t1 - t0) / 4), EXACT_FLOOR);
    }

    /** Errors below this are rounding, for a closed-form reference of order-one size. */
    public static final double EXACT_FLOOR = 1e-12;

    /**
     * The errors at the quarter points against {@code quarter(j)}; the order is fitted on the last three levels whose
     * error is at least {@code floor} (NaN with fewer than three).
     */
    static Estimate order(FixedStepMethod method, VectorField f, double t0, double[] x0, double t1, int firstLevel,
            int levels, IntFunction<double[]> quarter, double floor) {
        double[][] reference = new double[5][];
        for (int j = 0; j <= 4; j++) {
            reference[j] = quarter.apply(j);
        }
        double[] steps = new double[levels];
        double[] errors = new double[levels];
        int fitEnd = 0;
        for (int k = 0; k < levels; k++) {
            int count = 1 << (firstLevel + k);
            double[] x = x0.clone();
            double[] worst = {0};
            int[] sample = {0};
            method.integrate(f, t0, x, t1, count, count / 4,
                    (t, y) -> worst[0] = Math.max(worst[0], Norms.maxAbsDiff(y, reference[sample[0]++])));
            steps[k] = (t1 - t0) / count;
            errors[k] = worst[0];
            if (errors[k] >= floor) {
                fitEnd = k + 1;
            }
        }
        if (fitEnd < 3) {
            return new Estimate(Double.NaN, steps, errors);
        }
        return new Estimate(Fits.order(Arrays.copyOfRange(steps, fitEnd - 3, fitEnd),
                Arrays.copyOfRange(errors, fitEnd - 3, fitEnd)), steps, errors);
    }
}
