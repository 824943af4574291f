package engram.activation;

/**
 * Rectified tanh of Betteti et al. (theory.md section 2): {@code Phi(y) = tanh(rho (y - I*))} for {@code y >= I*},
 * else 0. Range [0, 1), Lipschitz rho; invertible only on (0, 1), where {@code Phi^-1(y) = I* + atanh(y) / rho}.
 * The derivative at the kink {@code y = I*} is taken from the right (rho).
 */
public record RectifiedTanh(double rho, double threshold) implements Activation {

    public RectifiedTanh {
        Activation.requirePositive("rho", rho);
        Activation.requireFinite("threshold", threshold);
    }

    @Override public String name() { return "rectified-tanh"; }

    @Override public double value(double y) { return y >= threshold ? Math.tanh(rho * (y - threshold)) : 0; }

    @Override public double derivative(double y) {
        if (y < threshold) {
            return 0;
        }
        double t = Math.tanh(rho * (y - threshold));
        return rho * (1 - t * t);
    }

    private double primitive(double x) { return x > threshold ? Activation.logCosh(rho * (x - threshold)) / rho : 0; }

    @Override public double integral(double x) { return primitive(x) - primitive(0); }

    @Override public double inverse(double y) {
        if (!(y > 0 && y < 1)) {
            throw new IllegalArgumentException("rectified-tanh inverse needs y in (0, 1), got " + y);
        }
        return threshold + 0.5 * Math.log((1 + y) / (1 - y)) / rho;
    }

    /**
     * {@code I* y + ((1 + y) log(1 + y) + (1 - y) log(1 - y)) / (2 rho)} on [0, 1] (its limit at y = 1 is finite),
     * {@code +infinity} outside. At y = 0 the inverse is set-valued, {@code (-inf, I*]}; G is the continuous convex
     * extension, whose right derivative there is I*.
     */
    @Override public double inverseIntegral(double y) {
        if (!(y >= 0 && y <= 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return threshold * y + (Logistic.xlogx(1 + y) + Logistic.xlogx(1 - y)) / (2 * rho);
    }

    @Override public boolean invertible() { return true; }
    @Override public double lipschitz() { return rho; }
    @Override public double rangeMin() { return 0; }
    @Override public double rangeMax() { return 1; }
    @Override public boolean odd() { return false; }
    @Override public boolean monotone() { return true; }

    @Override public double[] kinks() { return new double[] {threshold}; }
}
