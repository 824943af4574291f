package engram.theorem;

import java.util.random.RandomGenerator;

/** Random vectors for building cases. */
final class Vectors {

    private Vectors() {
    }

    static double[] gaussian(int n, double scale, RandomGenerator rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rng.nextGaussian();
        }
        return v;
    }

    static double[] uniform(int n, double lo, double hi, RandomGenerator rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return v;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
