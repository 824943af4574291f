package engram.activation;

/**
 * The algebraic sigmoid {@code psi(x) = g x / sqrt(1 + (g x)^2)}: odd, increasing, concave on (0, inf), range
 * (-1, 1), {@code psi'(0) = g} (its Lipschitz constant), {@code int_0^x psi = (sqrt(1 + (g x)^2) - 1) / g}, inverse
 * {@code y / (g sqrt(1 - y^2))}. A second odd concave activation besides tanh for the IDP equilibrium theorems
 * (theory.md section 3), with slower saturation.
 */
public record Algebraic(double gain) implements Activation {

    public Algebraic {
        Activation.requirePositive("gain", gain);
    }

    @Override public String name() { return "algebraic"; }

    /** {@code z / sqrt(1 + z^2)}, as {@code sign(z) / sqrt(1 + 1/z^2)} where z^2 would overflow. */
    @Override public double value(double x) {
        double z = gain * x;
        return Math.abs(z) < 1e150 ? z / Math.sqrt(1 + z * z) : Math.signum(z) / Math.sqrt(1 + 1 / (z * z));
    }

    /** {@code g / (1 + z^2)^(3/2)}, as {@code g / |z|^3 / (1 + 1/z^2)^(3/2)} where z^2 would overflow. */
    @Override public double derivative(double x) {
        double z = gain * x;
        if (Math.abs(z) >= 1e100) {
            double a = Math.abs(z), s = 1 + 1 / (z * z);
            return gain / a / a / a / (s * Math.sqrt(s));
        }
        double s = 1 + z * z;
        return gain / (s * Math.sqrt(s));
    }

    @Override public double integral(double x) {
        double z = gain * x;
        return z * z / (Math.sqrt(1 + z * z) + 1) / gain;
    }

    @Override public double inverse(double y) {
        if (!(y > -1 && y < 1)) {
            throw new IllegalArgumentException("algebraic inverse needs y in (-1, 1), got " + y);
        }
        return y / (gain * Math.sqrt(1 - y * y));
    }

    /** {@code (1 - sqrt(1 - y^2)) / g} on [-1, 1]. */
    @Override public double inverseIntegral(double y) {
        if (!(y >= -1 && y <= 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return y * y / (1 + Math.sqrt(1 - y * y)) / gain;
    }

    @Override public boolean invertible() { return true; }
    @Override public double lipschitz() { return gain; }
    @Override public double rangeMin() { return -1; }
    @Override public double rangeMax() { return 1; }
    @Override public boolean odd() { return true; }
    @Override public boolean monotone() { return true; }
    @Override public boolean concaveOnPositive() { return true; }
}
