package engram.activation;

/**
 * The firing-rate sigmoid of Betteti et al. (theory.md section 2), slope {@code rho} at its midpoint and threshold
 * {@code I*}: {@code Phi(y) = 1 / (1 + exp(-4 rho (y - I* - 1/(2 rho))))}. Range (0, 1), Lipschitz rho.
 */
public record Logistic(double rho, double threshold) implements Activation {

    public Logistic {
        Activation.requirePositive("rho", rho);
        Activation.requireFinite("threshold", threshold);
    }

    private double k() { return 4 * rho; }

    private double centre() { return threshold + 1 / (2 * rho); }

    @Override public String name() { return "logistic"; }

    @Override public double value(double y) { return 1 / (1 + Math.exp(-k() * (y - centre()))); }

    @Override public double derivative(double y) { double s = value(y); return k() * s * (1 - s); }

    @Override public double integral(double x) {
        double c = centre();
        return (Activation.softplus(k() * (x - c)) - Activation.softplus(-k() * c)) / k();
    }

    @Override public double inverse(double y) {
        if (!(y > 0 && y < 1)) {
            throw new IllegalArgumentException("logistic inverse needs y in (0, 1), got " + y);
        }
        return centre() + Math.log(y / (1 - y)) / k();
    }

    /**
     * {@code c y + (y log y + (1 - y) log(1 - y)) / k}, with {@code 0 log 0 = 0}: finite on the closed range [0, 1].
     */
    @Override public double inverseIntegral(double y) {
        if (!(y >= 0 && y <= 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return centre() * y + (xlogx(y) + xlogx(1 - y)) / k();
    }

    static double xlogx(double v) {
        return v > 0 ? v * Math.log(v) : 0;
    }

    @Override public boolean invertible() { return true; }
    @Override public double lipschitz() { return rho; }
    @Override public double rangeMin() { return 0; }
    @Override public double rangeMax() { return 1; }
    @Override public boolean odd() { return false; }
    @Override public boolean monotone() { return true; }
}
