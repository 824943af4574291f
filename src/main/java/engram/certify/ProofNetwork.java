package engram.certify;

import engram.activation.Activation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The network a proof is about, exactly as given: {@code tau xdot = -x + W psi(x) + u} (voltage) or
 * {@code tau rdot = -r + Phi(W r + u)} (rate), W n x n row-major. Its {@link #hash()} (SHA-256 of the model, the
 * activation and every bit of W, u and tau) ties a certificate to it.
 */
public record ProofNetwork(boolean voltage, int n, double[] w, double[] u, Activation activation, double tau) {

    public ProofNetwork {
        if (n < 1 || w.length != n * n || u.length != n) {
            throw new IllegalArgumentException("a proof needs W n x n and u of n, got n = " + n + ", " + w.length + " and "
                    + u.length + " entries");
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        IntervalActivation.of(activation); // refuses an activation without an enclosure
        w = w.clone();
        u = u.clone();
    }

    IntervalActivation enclosure() {
        return IntervalActivation.of(activation);
    }

    /** Whether W equals its transpose exactly. */
    public boolean symmetric() {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (w[i * n + j] != w[j * n + i]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The model's name, as certificates record it. */
    public String model() {
        return voltage ? "voltage" : "rate";
    }

    /** SHA-256 of the model, the activation (its record text) and the bits of W, u and tau, in hex. */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((model() + "|" + activation + "|" + n + "|").getBytes(StandardCharsets.UTF_8));
            sha.update(bytes(w));
            sha.update(bytes(u));
            sha.update(bytes(new double[] {tau}));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Little-endian IEEE bits. */
    static byte[] bytes(double[] a) {
        ByteBuffer b = ByteBuffer.allocate(8 * a.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : a) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** The inverse of {@link #bytes}. */
    static double[] doubles(byte[] bytes) {
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException("an array of doubles needs a multiple of 8 bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] a = new double[bytes.length / 8];
        for (int i = 0; i < a.length; i++) {
            a[i] = b.getDouble();
        }
        return a;
    }
}
