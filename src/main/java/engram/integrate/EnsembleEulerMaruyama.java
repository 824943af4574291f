package engram.integrate;

import engram.kernel.RowParallel;
import java.util.random.RandomGenerator;

/**
 * Euler-Maruyama with additive noise for K trajectories stepped together ({@code x[i * K + c]}, see
 * {@link engram.model.VoltageEnsemble}): {@code x <- x + h f(t, x) + sigma dB}, each trajectory c drawing its N
 * increments per step from its own generator in unit order, exactly as {@link EulerMaruyama} draws them for one
 * trajectory; so trajectory c follows the same noise whatever K is, and matches a single-trajectory run from the
 * same generator up to the drift's round-off. The draws and updates of the trajectories are split over the cores
 * by {@link RowParallel}. No allocation per step.
 */
public final class EnsembleEulerMaruyama {

    /** Fewest trajectories split over the cores for the noise (a block of N draws each). */
    static final int MIN_TRAJECTORIES = 8;

    private final VectorField drift;
    private final double sigma;
    private final int k;
    private final double[] f;

    public EnsembleEulerMaruyama(VectorField drift, int trajectories, double sigma) {
        if (trajectories < 1 || drift.dimension() % trajectories != 0) {
            throw new IllegalArgumentException("the drift's dimension must be a multiple of the trajectories");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        this.drift = drift;
        this.sigma = sigma;
        this.k = trajectories;
        this.f = new double[drift.dimension()];
    }

    /** Integrates the block x in place with {@code steps} steps; trajectory c draws from {@code rngs[c]}. */
    public double[] integrate(double t0, double[] x, double t1, int steps, RandomGenerator[] rngs) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (rngs.length != k) {
            throw new IllegalArgumentException("need one generator per trajectory: " + k + ", got " + rngs.length);
        }
        int n = x.length / k;
        double h = (t1 - t0) / steps;
        double sq = Math.sqrt(h);
        RowParallel.Rows update = (from, to) -> {
            for (int c = from; c < to; c++) {
                RandomGenerator rng = rngs[c];
                for (int i = 0, o = c; i < n; i++, o += k) {
                    x[o] += h * f[o] + sigma * (sq * rng.nextGaussian());
                }
            }
        };
        for (int s = 1; s <= steps; s++) {
            drift.evaluate(t0 + (s - 1) * h, x, f);
            RowParallel.run(k, MIN_TRAJECTORIES, update);
        }
        return x;
    }
}
