package engram.model;

import engram.memory.Couplings;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The discrete asynchronous Hopfield model (Hopfield 1982, theory.md section 1): one unit at a time,
 * {@code s_i <- sign(sum_j W_ij s_j)}, keeping s_i on a zero field. With W symmetric and zero diagonal the energy
 * {@code E(s) = -1/2 s^T W s} never increases and a fixed point is reached after finitely many flips.
 */
public final class DiscreteHopfield {

    /**
     * Outcome of a run: flips made, sweeps used, whether a full sweep made no flip, the energy after each flip (the
     * start's first) and the unit each flip changed.
     */
    public record Run(int flips, int sweeps, boolean converged, double[] energies, int[] flippedUnits) {
    }

    private final Couplings w;
    private final double[] field;

    public DiscreteHopfield(Couplings w) {
        this.w = w;
        this.field = new double[w.n()];
    }

    /** {@code -1/2 s^T W s}, computed from scratch. */
    public double energy(double[] s) {
        w.multiply(s, field);
        double e = 0;
        for (int i = 0; i < s.length; i++) {
            e -= 0.5 * s[i] * field[i];
        }
        return e;
    }

    /**
     * Runs random-order asynchronous sweeps on {@code s} (in place) until a sweep makes no flip or
     * {@code maxSweeps} is reached; records the energy after every flip.
     */
    public Run run(double[] s, RandomGenerator rng, int maxSweeps) {
        int n = s.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] energies = new double[16];
        int[] units = new int[16];
        int flips = 0;
        energies[flips] = energy(s);
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            UpdateOrder.shuffle(order, rng);
            boolean flipped = false;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                double h = 0;
                for (int j = 0; j < n; j++) {
                    h += w.entry(i, j) * s[j];
                }
                double next = h > 0 ? 1 : h < 0 ? -1 : s[i];
                if (next != s[i]) {
                    s[i] = next;
                    flipped = true;
                    flips++;
                    if (flips >= energies.length) {
                        energies = Arrays.copyOf(energies, energies.length * 2);
                        units = Arrays.copyOf(units, units.length * 2);
                    }
                    energies[flips] = energy(s);
                    units[flips - 1] = i;
                }
            }
            if (!flipped) {
                return new Run(flips, sweep, true, Arrays.copyOf(energies, flips + 1),
                        Arrays.copyOf(units, flips));
            }
        }
        return new Run(flips, maxSweeps, false, Arrays.copyOf(energies, flips + 1),
                Arrays.copyOf(units, flips));
    }
}
