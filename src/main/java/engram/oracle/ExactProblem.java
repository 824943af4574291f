package engram.oracle;

import engram.integrate.VectorField;

/**
 * A test problem with a closed-form solution, in the style of Hipparchus' {@code TestProblemN} classes: a vector
 * field (explicitly time-dependent, so that every stage time of a method is exercised), a start {@code (t0, x0)} with
 * {@code t0 != 0}, an end {@code t1}, and the exact solution {@code x(t)}. Independent of every integrator.
 */
public interface ExactProblem extends VectorField {

    /** What the problem is, e.g. "forced decay x' = -x + cos t". */
    String name();

    double t0();

    double t1();

    double[] x0();

    /** Writes the exact solution at t into {@code out}. */
    void exact(double t, double[] out);

    /** The exact solution at t, allocated. */
    default double[] exact(double t) {
        double[] out = new double[dimension()];
        exact(t, out);
        return out;
    }
}
