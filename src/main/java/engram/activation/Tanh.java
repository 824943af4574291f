package engram.activation;

import engram.kernel.FastTanh;
import engram.kernel.Kernels;

/** {@code psi(x) = tanh(g x)}: odd, increasing, range (-1, 1), Lipschitz g, {@code int_0^x psi = log cosh(g x) / g}. */
public record Tanh(double gain) implements Activation {

    public Tanh {
        Activation.requirePositive("gain", gain);
    }

    @Override public String name() { return "tanh"; }
    @Override public double value(double x) { return tanh(gain * x); }
    @Override public double derivative(double x) { double t = tanh(gain * x); return gain * (1 - t * t); }

    /** The scalar tanh all of Engram uses ({@link FastTanh}: the intrinsic exp, not the slow Math.tanh). */
    public static double tanh(double z) {
        return FastTanh.tanh(z);
    }

    @Override public double integral(double x) { return Activation.logCosh(gain * x) / gain; }

    /** The whole vector at once, through {@link Kernels#tanh} (SIMD where available). */
    @Override public void apply(double[] in, double[] out) {
        Kernels.get().tanh(gain, in, out, in.length);
    }

    @Override public void apply(double[] in, double[] out, int from, int to) {
        Kernels.get().tanh(gain, in, out, from, to);
    }

    @Override public double inverse(double y) {
        if (!(y > -1 && y < 1)) {
            throw new IllegalArgumentException("tanh inverse needs y in (-1, 1), got " + y);
        }
        return 0.5 * Math.log((1 + y) / (1 - y)) / gain;
    }

    /** {@code ((1 + y) log(1 + y) + (1 - y) log(1 - y)) / (2 g)} on [-1, 1]. */
    @Override public double inverseIntegral(double y) {
        if (!(y >= -1 && y <= 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return (Logistic.xlogx(1 + y) + Logistic.xlogx(1 - y)) / (2 * gain);
    }

    @Override public boolean invertible() { return true; }
    @Override public double lipschitz() { return gain; }
    @Override public double rangeMin() { return -1; }
    @Override public double rangeMax() { return 1; }
    @Override public boolean odd() { return true; }
    @Override public boolean monotone() { return true; }
    @Override public boolean concaveOnPositive() { return true; }
}
