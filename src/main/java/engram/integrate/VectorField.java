package engram.integrate;

/** An autonomous or time-dependent ODE right-hand side {@code dx/dt = f(t, x)} on flat arrays. */
public interface VectorField {

    int dimension();

    /** Writes {@code f(t, x)} into {@code dxdt}; must not allocate and must not alias. */
    void evaluate(double t, double[] x, double[] dxdt);

    /** Writes the Jacobian {@code df/dx} at (t, x), row-major n x n. */
    default void jacobian(double t, double[] x, double[] jac) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no analytic Jacobian");
    }
}
