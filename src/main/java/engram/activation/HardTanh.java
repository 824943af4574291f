package engram.activation;

/**
 * The piecewise-linear ("hard tanh") unit {@code F(u) = max(-1, min(1, g u))}: odd, non-decreasing, concave on
 * (0, inf), Lipschitz g, {@code int_0^u F = g u^2 / 2} for |u| <= 1/g and {@code |u| - 1/(2g)} beyond, inverse
 * {@code y / g} on (-1, 1). The derivative at the kinks |u| = 1/g is taken from inside (g).
 */
public record HardTanh(double gain) implements Activation {

    public HardTanh {
        Activation.requirePositive("gain", gain);
    }

    @Override public String name() { return "hard-tanh"; }

    @Override public double value(double u) { return Math.max(-1, Math.min(1, gain * u)); }

    @Override public double derivative(double u) { return Math.abs(gain * u) <= 1 ? gain : 0; }

    @Override public double integral(double u) {
        double a = Math.abs(u);
        return a <= 1 / gain ? 0.5 * gain * u * u : a - 0.5 / gain;
    }

    @Override public double inverse(double y) {
        if (!(y > -1 && y < 1)) {
            throw new IllegalArgumentException("hard-tanh inverse needs y in (-1, 1), got " + y);
        }
        return y / gain;
    }

    /** {@code y^2 / (2g)} on [-1, 1]. */
    @Override public double inverseIntegral(double y) {
        return y >= -1 && y <= 1 ? y * y / (2 * gain) : Double.POSITIVE_INFINITY;
    }

    @Override public boolean invertible() { return true; }
    @Override public double lipschitz() { return gain; }
    @Override public double rangeMin() { return -1; }
    @Override public double rangeMax() { return 1; }
    @Override public boolean odd() { return true; }
    @Override public boolean monotone() { return true; }

    @Override public double[] kinks() { return new double[] {-1 / gain, 1 / gain}; }
    @Override public boolean concaveOnPositive() { return true; }
}
