package engram.integrate;

import engram.kernel.RowParallel;

/**
 * The classical fourth-order Runge-Kutta method. The stage arrays hold n entries and serve any state of at most n
 * (an ensemble whose block shrinks keeps its integrator); from {@value #SPLIT} entries the stage updates are split over
 * the cores (each entry computed alone, so the result does not depend on the split). Below that no allocation per
 * step; above it one small task object per stage update.
 */
public final class RungeKutta4 implements FixedStepMethod {

    /** Fewest entries whose stage updates are split over the cores. */
    static final int SPLIT = 1 << 15;

    private final double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] y;

    public RungeKutta4(int n) {
        k1 = new double[n];
        k2 = new double[n];
        k3 = new double[n];
        k4 = new double[n];
        y = new double[n];
    }

    @Override public String name() { return "rk4"; }

    @Override public int order() { return 4; }

    @Override public void step(VectorField f, double t, double[] x, double h) {
        int n = x.length;
        f.evaluate(t, x, k1);
        stage(x, k1, 0.5 * h, n);
        f.evaluate(t + 0.5 * h, y, k2);
        stage(x, k2, 0.5 * h, n);
        f.evaluate(t + 0.5 * h, y, k3);
        stage(x, k3, h, n);
        f.evaluate(t + h, y, k4);
        if (n < SPLIT) {
            update(x, h, 0, n);
        } else {
            RowParallel.run(n, SPLIT, (from, to) -> update(x, h, from, to));
        }
    }

    /** {@code y = x + a k} on the first n entries (the task object only where the entries are split). */
    private void stage(double[] x, double[] k, double a, int n) {
        if (n < SPLIT) {
            stage(x, k, a, 0, n);
        } else {
            RowParallel.run(n, SPLIT, (from, to) -> stage(x, k, a, from, to));
        }
    }

    private void stage(double[] x, double[] k, double a, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = x[i] + a * k[i];
        }
    }

    private void update(double[] x, double h, int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }
}
