package engram.activation;

/**
 * {@code psi(x) = sinh(g x) / g}: odd and increasing but convex on (0, inf) and unbounded, {@code psi'(0) = 1}. Outside
 * the hypotheses of the IDP equilibrium theorems (which need psi concave on (0, inf)): negative controls use it to
 * show that the concavity hypothesis matters. Not globally Lipschitz.
 */
public record Sinh(double gain) implements Activation {

    public Sinh {
        Activation.requirePositive("gain", gain);
    }

    @Override public String name() { return "sinh"; }

    @Override public double value(double x) { return Math.sinh(gain * x) / gain; }

    @Override public double derivative(double x) { return Math.cosh(gain * x); }

    @Override public double integral(double x) {
        double s = Math.sinh(0.5 * gain * x);
        return 2 * s * s / (gain * gain);
    }

    @Override public double inverse(double y) {
        double z = gain * y;
        return Math.log(z + Math.sqrt(z * z + 1)) / gain;
    }

    @Override public boolean invertible() { return true; }
    @Override public double lipschitz() { return Double.POSITIVE_INFINITY; }
    @Override public double rangeMin() { return Double.NEGATIVE_INFINITY; }
    @Override public double rangeMax() { return Double.POSITIVE_INFINITY; }
    @Override public boolean odd() { return true; }
    @Override public boolean monotone() { return true; }
}
