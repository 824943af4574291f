package engram.integrate;

import java.util.random.RandomGenerator;

/**
 * Euler-Maruyama for {@code dx = f(t, x) dt + g(t, x) dB} with diagonal g:
 * {@code x <- x + h f(t, x) + g(t, x) dB}, {@code dB ~ N(0, h I)}. Strong order 1/2 and weak order 1 in general;
 * for additive noise it coincides with Milstein's scheme and has strong order 1. No allocation per step.
 */
public final class EulerMaruyama {

    private final VectorField drift;
    private final Diffusion diffusion;
    private final double[] k;
    private final double[] dB;

    public EulerMaruyama(VectorField drift, Diffusion diffusion) {
        this.drift = drift;
        this.diffusion = diffusion;
        this.k = new double[drift.dimension()];
        this.dB = new double[drift.dimension()];
    }

    /** One step with the given Brownian increments {@code dB} (variance h each). */
    public void step(double t, double[] x, double h, double[] increments) {
        drift.evaluate(t, x, k);
        if (diffusion instanceof Diffusion.Additive a) {
            double g = a.sigma();
            for (int i = 0; i < x.length; i++) {
                x[i] += h * k[i] + g * increments[i];
            }
            return;
        }
        for (int i = 0; i < x.length; i++) {
            double g = diffusion.coefficient(t, x, i);
            x[i] += h * k[i] + g * increments[i];
        }
    }

    /** Integrates x in place with {@code steps} steps, drawing increments from {@code rng}. */
    public double[] integrate(double t0, double[] x, double t1, int steps, RandomGenerator rng, int every,
            StepObserver observer) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        double h = (t1 - t0) / steps;
        double sq = Math.sqrt(h);
        observer.observe(t0, x);
        double additive = diffusion instanceof Diffusion.Additive a ? a.sigma() : Double.NaN;
        for (int s = 1; s <= steps; s++) {
            if (!Double.isNaN(additive)) {
                // additive noise: one fused pass, the same draws and arithmetic as step()
                drift.evaluate(t0 + (s - 1) * h, x, k);
                for (int i = 0; i < x.length; i++) {
                    x[i] += h * k[i] + additive * (sq * rng.nextGaussian());
                }
            } else {
                for (int i = 0; i < dB.length; i++) {
                    dB[i] = sq * rng.nextGaussian();
                }
                step(t0 + (s - 1) * h, x, h, dB);
            }
            if (s % every == 0 || s == steps) {
                observer.observe(t0 + s * h, x);
            }
        }
        return x;
    }
}
