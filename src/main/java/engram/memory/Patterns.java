package engram.memory;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** Generators of memory sets: random +-1, sparse 0/1, Hadamard, balanced common-core, Gram-Schmidt rows. */
public final class Patterns {

    private Patterns() {
    }

    /** P iid memories with iid equiprobable +-1 entries. */
    public static PatternSet randomBinary(int n, int p, RandomGenerator rng) {
        double[] xi = new double[n * p];
        for (int k = 0; k < xi.length; k++) {
            xi[k] = rng.nextBoolean() ? 1 : -1;
        }
        return new PatternSet(n, p, xi, "random");
    }

    /** P iid sparse memories: each entry is 1 with probability q, else 0. */
    public static PatternSet sparse(int n, int p, double q, RandomGenerator rng) {
        requireActivity(q);
        double[] xi = new double[n * p];
        for (int k = 0; k < xi.length; k++) {
            xi[k] = rng.nextDouble() < q ? 1 : 0;
        }
        return new PatternSet(n, p, xi, "sparse");
    }

    /**
     * Columns 1..P of the Sylvester-Hadamard matrix of order n (a power of two): +-1 patterns with
     * {@code xi_mu . xi_nu = n delta_mu_nu}, each balanced (column 0, the all-ones vector, is skipped).
     */
    public static PatternSet hadamard(int n, int p) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("hadamard patterns need n a power of two >= 2, got " + n);
        }
        if (p < 1 || p > n - 1) {
            throw new IllegalArgumentException("hadamard patterns need 1 <= p <= n-1, got p=" + p);
        }
        double[] xi = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int mu = 0; mu < p; mu++) {
                // H[i][j] = (-1)^{popcount(i & j)}
                xi[i * p + mu] = (Integer.bitCount(i & (mu + 1)) & 1) == 0 ? 1 : -1;
            }
        }
        return new PatternSet(n, p, xi, "hadamard");
    }

    /**
     * Why the n x p row-major patterns are not exactly orthogonal +-1 vectors ({@code Xi^T Xi = N I} in integer
     * arithmetic), or null when they are: the hypothesis of the IDP closed forms (theory.md sections 3.2, 8.10, 9.4).
     */
    public static String notOrthogonalSigns(int n, int p, double[] xi) {
        for (double v : xi) {
            if (Math.abs(v) != 1) {
                return "the patterns are not +-1 vectors";
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                long dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += (long) (xi[i * p + a] * xi[i * p + b]);
                }
                if (dot != (a == b ? n : 0)) {
                    return "the patterns are not exactly orthogonal (Xi^T Xi != N I), so the line through a pattern is "
                            + "not exactly invariant";
                }
            }
        }
        return null;
    }

    /**
     * The Rademacher patterns: {@code xi_{i mu} = (-1)^(bit mu of i)} for n = 2^k >= 2^p. Over the n units the p-tuples
     * {@code (xi_{i 1}, ..., xi_{i p})} run through every sign vector exactly n / 2^p times, so averages over units are
     * exact expectations over independent fair signs (the mean-field theory of mixture states holds at finite n).
     */
    public static PatternSet rademacher(int n, int p) {
        if (p < 1 || p > 30 || n < 2 || Integer.bitCount(n) != 1 || n < (1 << p)) {
            throw new IllegalArgumentException("rademacher patterns need n a power of two with n >= 2^p, p >= 1; got n=" + n
                    + ", p=" + p);
        }
        double[] xi = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int mu = 0; mu < p; mu++) {
                xi[i * p + mu] = ((i >> mu) & 1) == 0 ? 1 : -1;
            }
        }
        return new PatternSet(n, p, xi, "rademacher");
    }

    /**
     * The balanced "common-core" construction of theory.md section 2: P = floor(1 + 1/q) memories over n units;
     * round(q^2 n) units are active in every memory, then round(q(1-q) n) blocks of P units in which memory mu owns
     * exactly one unit; remaining units are silent. The centred patterns {@code xi_mu - q} are then mutually orthogonal
     * and orthogonal to 1 whenever q^2 n and q(1-q) n are integers.
     */
    public static PatternSet commonCore(int n, double q) {
        requireActivity(q);
        if (!(q * (1 - q) * n >= 1)) {
            // otherwise no memory owns a unit (and P = floor(1 + 1/q) can exceed any array)
            throw new IllegalArgumentException("balanced memories need a whole number q (1 - q) N >= 1 (a unit of its own for each "
                    + "memory); N=" + n + ", q=" + q);
        }
        int p = (int) Math.floor(1 + 1 / q);
        // for q = a/b in lowest terms both q^2 N and q (1 - q) N are whole exactly when b^2 divides N, so one test
        // serves both; and core + P blocks = N q (q + (1 - q) P) <= N since P <= 1 + 1/q: the memories always fit
        requireWhole("balanced memories need q^2 N (and so q (1 - q) N)", q * q * n, n, q);
        int core = (int) Math.round(q * q * n);
        int blocks = (int) Math.round(q * (1 - q) * n);
        double[] xi = new double[n * p];
        for (int i = 0; i < core; i++) {
            for (int mu = 0; mu < p; mu++) {
                xi[i * p + mu] = 1;
            }
        }
        for (int b = 0; b < blocks; b++) {
            for (int mu = 0; mu < p; mu++) {
                xi[(core + b * p + mu) * p + mu] = 1;
            }
        }
        return new PatternSet(n, p, xi, "balanced");
    }

    /**
     * Correlated 0/1 memories with activity q and pairwise co-activity r (theory.md section 2): round(r q n) units are
     * active in every memory and each memory owns round((1 - r) q n) further units; the rest are silent. Every memory
     * then has q n active units and every pair shares r q n of them (exactly, when those counts are integers).
     */
    public static PatternSet correlated(int n, int p, double q, double r) {
        requireActivity(q);
        if (!(r >= 0 && r < 1)) {
            throw new IllegalArgumentException("co-activity r must be in [0, 1), got " + r);
        }
        requireWhole("correlated memories need r q N", r * q * n, n, q);
        requireWhole("correlated memories need (1 - r) q N", (1 - r) * q * n, n, q);
        int core = (int) Math.round(r * q * n);
        int own = (int) Math.round((1 - r) * q * n);
        // own >= 1: (1 - r) q N > 0 for r < 1, and it is whole
        if (core + p * own > n) {
            throw new IllegalArgumentException("correlated memories need n >= r q n + P (1 - r) q n; n="
                    + n + ", p=" + p + ", q=" + q + ", r=" + r);
        }
        double[] xi = new double[n * p];
        for (int i = 0; i < core; i++) {
            for (int mu = 0; mu < p; mu++) {
                xi[i * p + mu] = 1;
            }
        }
        for (int mu = 0; mu < p; mu++) {
            for (int k = 0; k < own; k++) {
                xi[(core + mu * own + k) * p + mu] = 1;
            }
        }
        return new PatternSet(n, p, xi, "correlated");
    }

    /**
     * {@code rows} mutually orthogonal Gaussian rows of length {@code cols} (Gram-Schmidt on iid N(0,1) rows, twice for
     * stability), each scaled to norm sqrt(cols); returned as a rows x cols row-major array.
     */
    public static double[] gramSchmidtRows(int rows, int cols, RandomGenerator rng) {
        if (rows < 1 || rows > cols) {
            throw new IllegalArgumentException("need 1 <= rows <= cols, got rows=" + rows + ", cols=" + cols);
        }
        double[] m = new double[rows * cols];
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextGaussian();
        }
        double scale = Math.sqrt(cols);
        for (int r = 0; r < rows; r++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int s = 0; s < r; s++) {
                    double dot = 0;
                    for (int c = 0; c < cols; c++) {
                        dot += m[r * cols + c] * m[s * cols + c];
                    }
                    double ns = scale * scale;
                    for (int c = 0; c < cols; c++) {
                        m[r * cols + c] -= dot / ns * m[s * cols + c];
                    }
                }
            }
            double norm = 0;
            for (int c = 0; c < cols; c++) {
                norm += m[r * cols + c] * m[r * cols + c];
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < cols; c++) {
                m[r * cols + c] *= scale / norm;
            }
        }
        return m;
    }

    private static void requireActivity(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("activity q must be in (0, 1), got " + q);
        }
    }

    /**
     * The constructions are exact (activity q, overlaps as stated, so that the designed equilibria are exact) only
     * when their unit counts are whole numbers; otherwise they are refused with the rule they break.
     */
    private static void requireWhole(String rule, double count, int n, double q) {
        if (Math.abs(count - Math.rint(count)) > 1e-9 * Math.max(1, count)) {
            throw new IllegalArgumentException(rule + " to be a whole number (got " + String.format(Locale.ROOT,
                    "%.4g", count) + " for N = " + n + ", q = " + q + "); choose N accordingly");
        }
    }
}
