package engram.activation;

/**
 * A scalar transfer function psi (voltage model) or Phi (firing-rate model), applied component-wise.
 *
 * <p>Besides its value it exposes what the theory needs: the derivative (Jacobians), the primitive
 * {@code integral(x) = int_0^x psi(s) ds} (energies, theory.md section 1), the inverse on the open range
 * (firing-rate energy), a global Lipschitz constant (contraction bounds) and shape flags.
 */
public interface Activation {

    /** Short name as used on the command line, e.g. {@code tanh}. */
    String name();

    double value(double x);

    double derivative(double x);

    /** {@code int_0^x value(s) ds}. */
    double integral(double x);

    /** Inverse on the open range {@code (rangeMin, rangeMax)}; outside it, throws {@link IllegalArgumentException}. */
    double inverse(double y);

    /**
     * A primitive of the inverse, {@code G(y) = int^y inverse(s) ds} (up to a constant), continuously extended to the
     * closed range where the limit is finite, and {@code +infinity} outside the range. It is the convex term of the
     * firing-rate energy (theory.md section 2).
     */
    default double inverseIntegral(double y) {
        throw new UnsupportedOperationException(name() + " has no inverse primitive");
    }

    /** Whether {@link #inverse} is defined on the whole open range. */
    boolean invertible();

    /** A global Lipschitz constant (the supremum of |derivative|); infinite for sign. */
    double lipschitz();

    double rangeMin();

    double rangeMax();

    boolean odd();

    /** Non-decreasing everywhere. */
    boolean monotone();

    /**
     * The arguments where the function is not continuously differentiable: a kink (rectified tanh and ReLU at their
     * threshold, hard-tanh at its corners) or a jump (sign at 0). A vector field built on it is smooth between them;
     * the oracle locates where a trajectory crosses one ({@code engram.integrate.Switching}), because integrators' error
     * estimates assume smoothness within a step.
     */
    default double[] kinks() {
        return new double[0];
    }

    /** Continuously differentiable everywhere: no {@link #kinks()}. */
    default boolean smooth() {
        return kinks().length == 0;
    }

    /** Concave on (0, inf) (for odd activations: the saturating shape the IDP and capacity theorems assume). */
    default boolean concaveOnPositive() {
        return false;
    }

    default boolean bounded() {
        return Double.isFinite(rangeMin()) && Double.isFinite(rangeMax());
    }

    /** {@code out[i] = value(in[i])}; {@code in} and {@code out} may be the same array. */
    default void apply(double[] in, double[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = value(in[i]);
        }
    }

    /**
     * {@link #apply(double[], double[])} on entries [from, to). Entries are computed as by the whole-array call when
     * {@code from} is a multiple of 64 (the SIMD lanes then line up).
     */
    default void apply(double[] in, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = value(in[i]);
        }
    }

    /** A parameter that must be finite and positive (a gain, a slope). */
    static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    /** A parameter that must be finite (a threshold). */
    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    /** Numerically stable {@code log cosh z}. */
    static double logCosh(double z) {
        double a = Math.abs(z);
        return a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
    }

    /** Numerically stable {@code log(1 + e^z)}. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
