package engram.integrate;


/** The classical fourth-order Runge-Kutta method. */
public final class RungeKutta4 implements FixedStepMethod {

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
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + 0.5 * h * k1[i];
        }
        f.evaluate(t + 0.5 * h, y, k2);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + 0.5 * h * k2[i];
        }
        f.evaluate(t + 0.5 * h, y, k3);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h * k3[i];
        }
        f.evaluate(t + h, y, k4);
        for (int i = 0; i < n; i++) {
            x[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }
}
