package engram.claim.cases;

import java.util.random.RandomGenerator;

/** Random vectors for building cases. */
public final class Vectors {

    private Vectors() {
    }

    /** iid N(0, scale^2) entries. */
    public static double[] gaussian(int n, double scale, RandomGenerator rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rng.nextGaussian();
        }
        return v;
    }

    /** iid U(lo, hi) entries. */
    public static double[] uniform(int n, double lo, double hi, RandomGenerator rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return v;
    }

    /** A unit vector in a uniformly random direction. */
    public static double[] unit(int n, RandomGenerator rng) {
        double[] v = gaussian(n, 1, rng);
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
