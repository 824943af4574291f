package engram.integrate;


/** One step of a fixed-step one-step method: advances {@code x} (in place) from t to t + h. */
public interface FixedStepMethod {

    String name();

    /** Classical order of convergence. */
    int order();

    void step(VectorField f, double t, double[] x, double h);

    /**
     * Integrates from t0 to t1 in {@code steps} equal steps, calling {@code observer} at t0 and after every
     * {@code every}-th step (and at t1). Returns {@code x} advanced in place.
     */
    default double[] integrate(VectorField f, double t0, double[] x, double t1, int steps, int every, StepObserver observer) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        double h = (t1 - t0) / steps;
        observer.observe(t0, x);
        for (int k = 1; k <= steps; k++) {
            step(f, t0 + (k - 1) * h, x, h);
            if (k % every == 0 || k == steps) {
                observer.observe(t0 + k * h, x);
            }
        }
        return x;
    }
}
