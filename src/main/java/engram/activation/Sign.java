package engram.activation;

/**
 * The sign unit of the discrete Hopfield model: +1 for x > 0, -1 for x < 0, 0 at 0 (the discrete dynamics keep
 * the current state on a zero field). Not Lipschitz; {@code int_0^x sign = |x|}.
 */
public record Sign() implements Activation {
    @Override public String name() { return "sign"; }
    @Override public double value(double x) { return Math.signum(x); }
    @Override public double derivative(double x) { return 0; }
    @Override public double integral(double x) { return Math.abs(x); }

    @Override public double inverse(double y) {
        throw new IllegalArgumentException("sign has no inverse");
    }

    @Override public boolean invertible() { return false; }
    @Override public double lipschitz() { return Double.POSITIVE_INFINITY; }
    @Override public double rangeMin() { return -1; }
    @Override public double rangeMax() { return 1; }
    @Override public boolean odd() { return true; }
    @Override public boolean monotone() { return true; }

    @Override public double[] kinks() { return new double[] {0}; }
}
