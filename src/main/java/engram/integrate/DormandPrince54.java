package engram.integrate;

import java.util.Locale;


/**
 * Engram's own adaptive embedded Runge-Kutta pair: Dormand-Prince 5(4) (Dormand and Prince 1980), local
 * extrapolation (the 5th-order solution is kept), first-same-as-last, error norm
 * {@code sqrt(mean((err_i / (atol + rtol max(|x_i|, |x_i'|)))^2))}, step factor {@code 0.9 err^-1/5} in [0.2, 5].
 * No allocation per step.
 */
public final class DormandPrince54 {

    /** A step of fewer ulps of the time than this ends the integration with an error (it would make no progress). */
    static final double MIN_STEP_ULPS = 4;

    /**
     * What an integration spent, and its first attempted step: its size and its error in the tolerance norm (a good
     * starting step is accepted without being wastefully small).
     */
    public record Stats(int evaluations, int accepted, int rejected, double firstStep, double firstError) {
    }

    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    // error coefficients: b - b* (5th minus 4th order weights)
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;

    private final double rtol;
    private final double atol;
    private final double errorScale;
    private final double[] k1, k2, k3, k4, k5, k6, k7, y, ynew;

    public DormandPrince54(int n, double rtol, double atol) {
        this(n, rtol, atol, 1.0);
    }

    /**
     * @param errorScale multiplies the error estimate; 1 for the real method. Values other than 1 exist only to
     *     build a deliberately broken mutant for negative controls.
     */
    public DormandPrince54(int n, double rtol, double atol, double errorScale) {
        if (!(rtol > 0) || !(atol > 0)) {
            throw new IllegalArgumentException("rtol and atol must be > 0, got rtol=" + rtol + ", atol=" + atol);
        }
        this.rtol = rtol;
        this.atol = atol;
        this.errorScale = errorScale;
        k1 = new double[n];
        k2 = new double[n];
        k3 = new double[n];
        k4 = new double[n];
        k5 = new double[n];
        k6 = new double[n];
        k7 = new double[n];
        y = new double[n];
        ynew = new double[n];
    }

    /** Integrates x (in place) from t0 to t1, observing every accepted step. */
    public Stats integrate(VectorField f, double t0, double[] x, double t1, StepObserver observer) {
        int n = x.length;
        int evals = 0, accepted = 0, rejected = 0;
        double firstStep = Double.NaN, firstError = Double.NaN;
        observer.observe(t0, x);
        f.evaluate(t0, x, k1);
        evals++;
        double t = t0;
        double span = t1 - t0;
        double h = initialStep(f, t0, x, span);
        evals++;
        while (t < t1) {
            if (t + h > t1) {
                h = t1 - t;
            }
            if (!(h > MIN_STEP_ULPS * Math.ulp(Math.max(Math.abs(t), Math.abs(t1))))) {
                // the step no longer moves the clock by more than round-off: the tolerance cannot be met here
                throw new ArithmeticException(String.format(Locale.ROOT, "step size underflow at t = %.6g "
                        + "(h = %.3g): rtol %.3g, atol %.3g cannot be met in double precision", t, h, rtol, atol));
            }
            stages(f, t, x, h);
            evals += 6;
            double err = 0;
            for (int i = 0; i < n; i++) {
                double e = errorComponent(i, h);
                double sc = atol + rtol * Math.max(Math.abs(x[i]), Math.abs(ynew[i]));
                err += (e / sc) * (e / sc);
            }
            err = errorScale * Math.sqrt(err / n);
            if (accepted + rejected == 0) {
                firstStep = h;
                firstError = err;
            }
            if (err <= 1) {
                t = (h == t1 - t) ? t1 : t + h;
                System.arraycopy(ynew, 0, x, 0, n);
                System.arraycopy(k7, 0, k1, 0, n);
                accepted++;
                observer.observe(t, x);
            } else {
                rejected++;
            }
            double factor = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
            if (err > 1) {
                factor = Math.min(1, factor);
            }
            h *= factor;
        }
        return new Stats(evals, accepted, rejected, firstStep, firstError);
    }

    /** The six new stages of a step from (t, x) with step h (k1 = f(t, x) given): ynew (5th order) and k7 = f(t + h, ynew). */
    private void stages(VectorField f, double t, double[] x, double h) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h * A21 * k1[i];
        }
        f.evaluate(t + C2 * h, y, k2);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h * (A31 * k1[i] + A32 * k2[i]);
        }
        f.evaluate(t + C3 * h, y, k3);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        }
        f.evaluate(t + C4 * h, y, k4);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        }
        f.evaluate(t + C5 * h, y, k5);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        }
        f.evaluate(t + h, y, k6);
        for (int i = 0; i < n; i++) {
            ynew[i] = x[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
        }
        f.evaluate(t + h, ynew, k7);
    }

    /** Component i of the embedded error estimate {@code y5 - y4} of the step just staged. */
    private double errorComponent(int i, double h) {
        return h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
    }

    /**
     * One step from (t, x) with step h and no step control, for local-error measurements: x becomes the 5th-order
     * solution; returns the max norm of the embedded error estimate {@code h sum_i (b_i - b*_i) k_i}.
     */
    public double singleStep(VectorField f, double t, double[] x, double h) {
        f.evaluate(t, x, k1);
        stages(f, t, x, h);
        double estimate = 0;
        for (int i = 0; i < x.length; i++) {
            estimate = Math.max(estimate, Math.abs(errorComponent(i, h)));
        }
        System.arraycopy(ynew, 0, x, 0, x.length);
        return estimate;
    }

    /**
     * Hairer, Norsett and Wanner's starting step (Solving ODEs I, II.4): from the sizes of x, f(x) and a finite
     * difference estimate of f', choose h with {@code h^5 max(|f|, |f'| h) ~ 0.01}, in the error norm.
     * Uses k1 = f(t0, x) and one more evaluation (into k2).
     */
    private double initialStep(VectorField f, double t0, double[] x, double span) {
        int n = x.length;
        double d0 = 0, d1 = 0;
        for (int i = 0; i < n; i++) {
            double sc = atol + rtol * Math.abs(x[i]);
            d0 += (x[i] / sc) * (x[i] / sc);
            d1 += (k1[i] / sc) * (k1[i] / sc);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, span);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h0 * k1[i];
        }
        f.evaluate(t0 + h0, y, k2);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double sc = atol + rtol * Math.abs(x[i]);
            double e = (k2[i] - k1[i]) / sc;
            d2 += e * e;
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 0.2);
        return Math.min(Math.min(100 * h0, h1), span);
    }
}
