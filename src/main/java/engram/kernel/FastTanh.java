package engram.kernel;

/**
 * tanh through the intrinsic {@link Math#exp} ({@link Math#tanh} is a slow non-intrinsic call on JDK 17):
 * {@code (1 - e) / (1 + e)} with {@code e = exp(-2|z|)}, sign restored so the result is exactly odd, and the Taylor
 * polynomial to z^9 below |z| = 2^-8 where {@code 1 - e} would cancel. Absolute error about 2e-16, relative error
 * below 1e-13 (tested against Math.tanh). The scalar reference of every kernel's vector tanh.
 */
public final class FastTanh {

    private FastTanh() {
    }

    public static double tanh(double z) {
        double a = Math.abs(z);
        if (a >= 19) {
            return Math.copySign(1.0, z); // exp(-38) < 2^-54: (1 - e) / (1 + e) rounds to 1 exactly
        }
        if (a < 0x1p-8) {
            double z2 = z * z;
            return z * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
        }
        double e = Math.exp(-2 * a);
        return Math.copySign((1 - e) / (1 + e), z);
    }
}
