package engram.memory;

import java.util.Arrays;

/**
 * The N x P memory matrix {@code Xi} whose columns are the memories {@code xi_mu}, stored row-major in one flat
 * array ({@code xi[i * p + mu]}) so that both products {@code Xi^T v} and {@code Xi h} stream through memory.
 */
public final class PatternSet {

    private final int n;
    private final int p;
    private final double[] xi;
    private final String kind;

    public PatternSet(int n, int p, double[] xi, String kind) {
        if (n < 1 || p < 1) {
            throw new IllegalArgumentException("need n >= 1 and p >= 1, got n=" + n + ", p=" + p);
        }
        if (xi.length != n * p) {
            throw new IllegalArgumentException("pattern array has " + xi.length + " entries, expected " + n * p);
        }
        this.n = n;
        this.p = p;
        this.xi = xi;
        this.kind = kind;
    }

    public int n() { return n; }

    public int p() { return p; }

    public String kind() { return kind; }

    public double get(int i, int mu) { return xi[i * p + mu]; }

    /** The backing row-major array (not copied: treat as read-only). */
    public double[] data() { return xi; }

    public double[] pattern(int mu) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = xi[i * p + mu];
        }
        return c;
    }

    /** Fraction of entries equal to 1 in memory mu (the activity q of 0/1 patterns). */
    public double activity(int mu) {
        int ones = 0;
        for (int i = 0; i < n; i++) {
            if (xi[i * p + mu] == 1.0) {
                ones++;
            }
        }
        return ones / (double) n;
    }

    /** {@code out[i] = sum_mu xi[i,mu] w[mu]}: the memories combined with weights w ({@code Xi w}). */
    public void combine(double[] w, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * p;
            for (int mu = 0; mu < p; mu++) {
                s += xi[row + mu] * w[mu];
            }
            out[i] = s;
        }
    }

    /** {@code out[mu] = sum_i xi[i,mu] v[i]}. */
    public void projectOnto(double[] v, double[] out) {
        Arrays.fill(out, 0, p, 0.0);
        for (int i = 0; i < n; i++) {
            double vi = v[i];
            int row = i * p;
            for (int mu = 0; mu < p; mu++) {
                out[mu] += xi[row + mu] * vi;
            }
        }
    }
}
