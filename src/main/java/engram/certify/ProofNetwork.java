package engram.certify;

import engram.activation.Activation;
import engram.interval.Interval;
import engram.interval.IntervalMatrix;
import engram.kernel.Kernels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The network a proof is about, exactly as given: {@code tau xdot = -x + W psi(x) + u} (voltage) or
 * {@code tau rdot = -r + Phi(W r + u)} (rate), W n x n row-major; or, low-rank (voltage only, the IDP model),
 * {@code W = Xi diag(alpha) Xi^T / N} in exact arithmetic from the patterns Xi (n x p, row-major) and the weights
 * alpha, never formed. Its {@link #hash()} (SHA-256 of the model, the activation and every bit of W or Xi and alpha,
 * u and tau) ties a certificate to it.
 */
public record ProofNetwork(boolean voltage, int n, double[] w, double[] u, Activation activation, double tau, int p,
        double[] xi, double[] alphas) {

    public ProofNetwork {
        boolean lowRank = xi != null;
        u = u == null ? new double[Math.max(n, 0)] : u;
        if (n < 1 || u.length != n || (lowRank ? w != null || !voltage || p < 1 || xi.length != (long) n * p
                || alphas.length != p : w == null || w.length != (long) n * n)) {
            throw new IllegalArgumentException("a proof needs W n x n, or (voltage model) Xi n x p and p alphas, and u of n;"
                    + " got n = " + n + (lowRank ? ", p = " + p + ", " + xi.length + " pattern entries" : ", "
                    + (w == null ? 0 : w.length) + " coupling entries") + " and " + u.length + " inputs");
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        IntervalActivation.of(activation); // refuses an activation without an enclosure
        w = w == null ? null : w.clone();
        u = u.clone();
        xi = lowRank ? xi.clone() : null;
        alphas = lowRank ? alphas.clone() : null;
    }

    /** A network with a dense W. */
    public ProofNetwork(boolean voltage, int n, double[] w, double[] u, Activation activation, double tau) {
        this(voltage, n, w, u, activation, tau, 0, null, null);
    }

    /** The voltage network with {@code W = Xi diag(alpha) Xi^T / N} (diagonal kept), Xi n x p row-major. */
    public static ProofNetwork lowRank(int n, int p, double[] xi, double[] alphas, double[] u, Activation activation,
            double tau) {
        return new ProofNetwork(true, n, null, u, activation, tau, p, xi, alphas);
    }

    /** Whether W is given by its patterns and weights. */
    public boolean lowRank() {
        return xi != null;
    }

    IntervalActivation enclosure() {
        return IntervalActivation.of(activation);
    }

    /** Whether W equals its transpose exactly (always, low-rank). */
    public boolean symmetric() {
        if (lowRank()) {
            return true;
        }
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
        return lowRank() ? "idp" : voltage ? "voltage" : "rate";
    }

    /** SHA-256 of the model, the activation and the bits of W (or Xi and alpha), u and tau, in hex. */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((model() + "|" + activation + "|" + n + "|" + (lowRank() ? p + "|" : "")).getBytes(
                    StandardCharsets.UTF_8));
            if (lowRank()) {
                sha.update(bytes(xi));
                sha.update(bytes(alphas));
            } else {
                sha.update(bytes(w));
            }
            sha.update(bytes(u));
            sha.update(bytes(new double[] {tau}));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code out = W v} in floating point (an estimate: the proofs use {@link #times}). */
    public void multiply(double[] v, double[] out) {
        if (!lowRank()) {
            Kernels.get().matvec(w, n, v, out);
            return;
        }
        double[] t = new double[p];
        for (int i = 0; i < n; i++) {
            for (int mu = 0; mu < p; mu++) {
                t[mu] += xi[i * p + mu] * v[i];
            }
        }
        for (int mu = 0; mu < p; mu++) {
            t[mu] *= alphas[mu] / n;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int mu = 0; mu < p; mu++) {
                s += xi[i * p + mu] * t[mu];
            }
            out[i] = s;
        }
    }

    /** The enclosure of {@code W V} for an interval matrix V (n x k): O(n^2 k), or O(n p k) low-rank. */
    IntervalMatrix times(IntervalMatrix v) {
        if (!lowRank()) {
            return IntervalMatrix.times(w, n, v);
        }
        return IntervalMatrix.times(xi, n, scaled(IntervalMatrix.times(IntervalMatrix.transpose(xi, n, p), p, v)));
    }

    /** Upper bounds on {@code (|W| v)_i} for v >= 0 (low-rank: {@code |Xi| |alpha| |Xi|^T v / N}, entrywise above |W|). */
    double[] absTimesUpper(double[] v) {
        IntervalMatrix out;
        if (!lowRank()) {
            double[] abs = new double[n * n];
            for (int k = 0; k < abs.length; k++) {
                abs[k] = Math.abs(w[k]);
            }
            out = IntervalMatrix.times(abs, n, IntervalMatrix.point(n, 1, v));
        } else {
            double[] abs = new double[xi.length];
            for (int k = 0; k < abs.length; k++) {
                abs[k] = Math.abs(xi[k]);
            }
            IntervalMatrix t = IntervalMatrix.times(IntervalMatrix.transpose(abs, n, p), p, IntervalMatrix.point(n, 1, v));
            Interval[] scaled = new Interval[p];
            for (int mu = 0; mu < p; mu++) {
                scaled[mu] = Interval.of(t.get(mu, 0).hi()).mul(scale(mu).mag());
            }
            out = IntervalMatrix.times(abs, n, IntervalMatrix.of(p, 1, scaled));
        }
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            upper[i] = out.get(i, 0).hi();
        }
        return upper;
    }

    /** {@code alpha_mu / N}, enclosed. */
    Interval scale(int mu) {
        return Interval.of(alphas[mu]).div(Interval.of(n));
    }

    /** Column mu of the k x p interval matrix t times {@code alpha_mu / N}. */
    IntervalMatrix scaledColumns(IntervalMatrix t) {
        Interval[] e = new Interval[t.rows() * t.cols()];
        for (int k = 0; k < t.rows(); k++) {
            for (int mu = 0; mu < t.cols(); mu++) {
                e[k * t.cols() + mu] = t.get(k, mu).mul(scale(mu));
            }
        }
        return IntervalMatrix.of(t.rows(), t.cols(), e);
    }

    /** Row mu of the p x k interval matrix t times {@code alpha_mu / N}. */
    IntervalMatrix scaled(IntervalMatrix t) {
        Interval[] e = new Interval[t.rows() * t.cols()];
        for (int mu = 0; mu < t.rows(); mu++) {
            for (int k = 0; k < t.cols(); k++) {
                e[mu * t.cols() + k] = t.get(mu, k).mul(scale(mu));
            }
        }
        return IntervalMatrix.of(t.rows(), t.cols(), e);
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
