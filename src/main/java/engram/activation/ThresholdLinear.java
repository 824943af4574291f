package engram.activation;

/** Threshold-linear (ReLU) unit {@code Phi(y) = g max(0, y - theta)}: range [0, inf), Lipschitz g, unbounded. */
public record ThresholdLinear(double gain, double threshold) implements Activation {

    public ThresholdLinear {
        Activation.requirePositive("gain", gain);
        Activation.requireFinite("threshold", threshold);
    }

    @Override public String name() { return "relu"; }
    @Override public double value(double y) { return y > threshold ? gain * (y - threshold) : 0; }
    @Override public double derivative(double y) { return y > threshold ? gain : 0; }

    private double primitive(double x) { double d = Math.max(0, x - threshold); return 0.5 * gain * d * d; }

    @Override public double integral(double x) { return primitive(x) - primitive(0); }

    @Override public double inverse(double y) {
        if (!(y > 0) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("relu inverse needs y in (0, inf), got " + y);
        }
        return threshold + y / gain;
    }

    /** {@code theta y + y^2 / (2 g)} for y >= 0, {@code +infinity} below. */
    @Override public double inverseIntegral(double y) {
        return y >= 0 ? threshold * y + y * y / (2 * gain) : Double.POSITIVE_INFINITY;
    }

    @Override public boolean invertible() { return true; }
    @Override public double lipschitz() { return gain; }
    @Override public double rangeMin() { return 0; }
    @Override public double rangeMax() { return Double.POSITIVE_INFINITY; }
    @Override public boolean odd() { return false; }
    @Override public boolean monotone() { return true; }

    @Override public double[] kinks() { return new double[] {threshold}; }
}
