package engram.activation;

/** {@code psi(x) = tanh(g x)}: odd, increasing, range (-1, 1), Lipschitz g, {@code int_0^x psi = log cosh(g x) / g}. */
public record Tanh(double gain) implements Activation {

    public Tanh {
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("gain must be finite and > 0, got " + gain);
        }
    }

    @Override public String name() { return "tanh"; }
    @Override public double value(double x) { return Math.tanh(gain * x); }
    @Override public double derivative(double x) { double t = Math.tanh(gain * x); return gain * (1 - t * t); }
    @Override public double integral(double x) { return Activation.logCosh(gain * x) / gain; }

    @Override public double inverse(double y) {
        if (!(y > -1 && y < 1)) {
            throw new IllegalArgumentException("tanh inverse needs y in (-1, 1), got " + y);
        }
        return 0.5 * Math.log((1 + y) / (1 - y)) / gain;
    }

    @Override public boolean invertible() { return true; }
    @Override public double lipschitz() { return gain; }
    @Override public double rangeMin() { return -1; }
    @Override public double rangeMax() { return 1; }
    @Override public boolean odd() { return true; }
    @Override public boolean monotone() { return true; }
}
