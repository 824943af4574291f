package engram.integrate;

/**
 * Diagonal diffusion of an Ito SDE {@code dx_i = f_i dt + g_i(t, x) dB_i}. Additive noise is the constant case.
 */
@FunctionalInterface
public interface Diffusion {

    /** {@code g_i(t, x)}. */
    double coefficient(double t, double[] x, int i);

    static Diffusion additive(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        return (t, x, i) -> sigma;
    }
}
