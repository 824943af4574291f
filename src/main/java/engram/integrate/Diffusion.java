package engram.integrate;

/**
 * Diagonal diffusion of an Ito SDE {@code dx_i = f_i dt + g_i(t, x) dB_i}. Additive noise is the constant case.
 */
@FunctionalInterface
public interface Diffusion {

    /** {@code g_i(t, x)}. */
    double coefficient(double t, double[] x, int i);

    static Diffusion additive(double sigma) {
        return new Additive(sigma);
    }

    /** Additive noise: the same sigma for every unit and state. */
    record Additive(double sigma) implements Diffusion {
        public Additive {
            if (!(sigma >= 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
            }
        }

        @Override public double coefficient(double t, double[] x, int i) {
            return sigma;
        }
    }
}
