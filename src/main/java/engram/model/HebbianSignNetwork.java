package engram.model;

import engram.kernel.Kernels;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The discrete asynchronous Hopfield network with Hebbian couplings {@code J = (1/N) sum_mu xi_mu xi_mu^T}, zero
 * diagonal, +-1 memories (theory.md sections 1 and 5), run without ever forming J: the overlaps are kept as integers
 * {@code M_mu = N m_mu = xi_mu^T s}, a unit's field is {@code N h_i = sum_mu xi_i^mu M_mu - P s_i} (O(P)), and a flip
 * of s_i changes every overlap by {@code 2 s_i xi_i^mu} (O(P)). All of it is exact integer arithmetic, so a zero
 * field is a true tie (s_i is kept) and nothing drifts over a long run. A sweep visits the units in a fresh random
 * order and costs O(N P); the memories are stored as bytes, unit by unit, so a sweep streams N P bytes. Holds scratch
 * buffers: one instance per thread.
 */
public final class HebbianSignNetwork {

    private final int n;
    private final int p;
    private final byte[] xi;
    private final int[] m;
    private final int[] order;
    private final int self;
    private final Kernels kernels = Kernels.get();

    /** @param xi the memories, {@code xi[i * p + mu]} = +-1 (not copied) */
    public HebbianSignNetwork(int n, int p, byte[] xi) {
        this(n, p, xi, false);
    }

    /**
     * @param selfCoupling keep J's diagonal (P/N): a departure from the zero-diagonal hypothesis of the capacity
     *     results, for negative controls
     */
    public HebbianSignNetwork(int n, int p, byte[] xi, boolean selfCoupling) {
        if (n < 2 || p < 1 || xi.length != (long) n * p) {
            throw new IllegalArgumentException("need n >= 2, p >= 1 and n*p memory entries, got n=" + n + ", p=" + p);
        }
        this.n = n;
        this.p = p;
        this.xi = xi;
        this.m = new int[p];
        this.order = new int[n];
        this.self = selfCoupling ? 0 : p;
    }

    /** P random memories of equiprobable +-1 entries, unit by unit, one bit of the generator each. */
    public static byte[] randomMemories(int n, int p, RandomGenerator rng) {
        byte[] xi = new byte[Math.multiplyExact(n, p)];
        long bits = 0;
        for (int k = 0; k < xi.length; k++) {
            if ((k & 63) == 0) {
                bits = rng.nextLong();
            }
            xi[k] = (byte) (1 - 2 * (int) (bits & 1));
            bits >>>= 1;
        }
        return xi;
    }

    public int n() { return n; }

    public int p() { return p; }

    /** Memory mu as +-1 doubles. */
    public double[] memory(int mu) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = xi[i * p + mu];
        }
        return v;
    }

    /** The outcome of a run: flips, sweeps, whether the last sweep made no flip. */
    public record Run(long flips, int sweeps, boolean converged) {
    }

    private void overlaps(double[] s) {
        Arrays.fill(m, 0);
        for (int i = 0; i < n; i++) {
            int si = (int) s[i];
            int row = i * p;
            for (int mu = 0; mu < p; mu++) {
                m[mu] += xi[row + mu] * si;
            }
        }
    }

    /** N times the local field of unit i at state s (overlaps current). */
    private int field(int i, int si) {
        return kernels.dot(xi, i * p, m, p) - self * si;
    }

    /** Asynchronous sweeps on s (in place, +-1 entries) until one makes no flip or {@code maxSweeps} have run. */
    public Run run(double[] s, RandomGenerator rng, int maxSweeps) {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long flips = 0;
        overlaps(s);
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            UpdateOrder.shuffle(order, rng);
            boolean flipped = false;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                int si = (int) s[i];
                int h = field(i, si);
                int next = h > 0 ? 1 : h < 0 ? -1 : si;
                if (next != si) {
                    s[i] = next;
                    flipped = true;
                    flips++;
                    kernels.axpy(2 * next, xi, i * p, m, p);
                }
            }
            if (!flipped) {
                return new Run(flips, sweep, true);
            }
        }
        return new Run(flips, maxSweeps, false);
    }

    /**
     * The units of memory mu that the dynamics would flip: those whose field opposes the memory's sign (a zero field
     * keeps the unit, as the update does). Memory mu is an exact fixed point when there are none. O(N P).
     */
    public int unstableUnits(int mu) {
        double[] s = memory(mu);
        overlaps(s);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int si = (int) s[i];
            if (field(i, si) * si < 0) {
                count++;
            }
        }
        return count;
    }

    /** The overlap {@code xi_mu^T s / N}. */
    public double overlap(int mu, double[] s) {
        double o = 0;
        for (int i = 0; i < n; i++) {
            o += xi[i * p + mu] * s[i];
        }
        return o / n;
    }
}
