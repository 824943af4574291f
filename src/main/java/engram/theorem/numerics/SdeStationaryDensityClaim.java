package engram.theorem.numerics;

import static engram.claim.Evaluation.fmt;

import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.Diffusion;
import engram.integrate.EulerMaruyama;
import engram.integrate.StepObserver;
import engram.integrate.VectorField;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.inference.ChiSquareTest;

/**
 * {@code sde.stationary-density}: Euler-Maruyama samples exp(-2E/sigma^2) for a gradient SDE
 * (properties/sde.stationary-density.properties; docs/theory.md section 6.5). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class SdeStationaryDensityClaim implements Claim<SdeStationaryDensityClaim.Case> {

    public static final int CHAINS = 40_000;
    public static final double DT = 0.005;
    public static final double HORIZON = 15;

    /** @param exponentFactor 2 is the theorem; 1 is the wrong normalisation of the control */
    public record Case(double sigma, double exponentFactor, long seed) {
    }

    @Override public String id() { return "sde.stationary-density"; }

    @Override public int examples() { return 5; }

    @Override public int controlBudget() { return 5; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.real("sigma", 0.6, 1.2), 2, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.real("sigma", 0.6, 1.2), 1, d.seed());
    }

    static double energy(double x) {
        return 0.25 * x * x * x * x - 0.5 * x * x;
    }

    /** Samples x(T) of {@code chains} independent chains. */
    public static double[] sample(double sigma, int chains, long seed) {
        VectorField drift = new VectorField() {
            @Override public int dimension() { return chains; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) {
                for (int i = 0; i < x.length; i++) {
                    dxdt[i] = x[i] - x[i] * x[i] * x[i];
                }
            }
        };
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[chains];
        for (int i = 0; i < chains; i++) {
            x[i] = -2 + 4 * rng.nextDouble();
        }
        int steps = (int) Math.round(HORIZON / DT);
        new EulerMaruyama(drift, Diffusion.additive(sigma)).integrate(0, x, HORIZON, steps, rng, steps, StepObserver.NONE);
        return x;
    }

    /** Probability of each interval between consecutive edges (outer edges may be infinite) under exp(-c E / s^2). */
    static double[] binProbabilities(double[] edges, double sigma, double factor) {
        int grid = 200_000;
        double lo = -6, hi = 6;
        double dx = (hi - lo) / grid;
        double[] cdf = new double[grid + 1];
        for (int k = 1; k <= grid; k++) {
            double a = lo + (k - 1) * dx;
            double b = a + dx;
            double m = 0.5 * (a + b);
            double fa = Math.exp(-factor * energy(a) / (sigma * sigma));
            double fm = Math.exp(-factor * energy(m) / (sigma * sigma));
            double fb = Math.exp(-factor * energy(b) / (sigma * sigma));
            cdf[k] = cdf[k - 1] + dx / 6 * (fa + 4 * fm + fb);
        }
        double total = cdf[grid];
        double[] p = new double[edges.length - 1];
        for (int j = 0; j < p.length; j++) {
            p[j] = (cdfAt(cdf, lo, dx, edges[j + 1]) - cdfAt(cdf, lo, dx, edges[j])) / total;
        }
        return p;
    }

    private static double cdfAt(double[] cdf, double lo, double dx, double x) {
        if (x <= lo) {
            return 0;
        }
        int k = (int) Math.floor((x - lo) / dx);
        if (k >= cdf.length - 1) {
            return cdf[cdf.length - 1];
        }
        double frac = (x - lo) / dx - k;
        return cdf[k] + frac * (cdf[k + 1] - cdf[k]);
    }

    @Override public Evaluation evaluate(Case c) {
        return check(sample(c.sigma(), CHAINS, c.seed()), c.sigma(), c.exponentFactor());
    }

    /**
     * The goodness-of-fit check of samples against {@code exp(-factor E / sigma^2)} (the tests give it samples of a
     * deliberately wrong sampler, e.g. with a noise amplitude 5% off, and see it reject them).
     */
    public Evaluation check(double[] x, double sigma, double factor) {
        int bins = 40;
        double[] edges = new double[bins + 3];
        edges[0] = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= bins; j++) {
            edges[j + 1] = -2.5 + 5.0 * j / bins;
        }
        edges[bins + 2] = Double.POSITIVE_INFINITY;
        double[] p = binProbabilities(edges, sigma, factor);
        long[] counts = new long[p.length];
        for (double v : x) {
            int j = v < -2.5 ? 0 : v >= 2.5 ? p.length - 1 : 1 + Math.min(bins - 1, (int) ((v + 2.5) / 5.0 * bins));
            counts[j]++;
        }
        // merge neighbouring bins until each expects at least 5 samples
        List<Double> expected = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        double e = 0;
        long o = 0;
        for (int j = 0; j < p.length; j++) {
            e += p[j] * x.length;
            o += counts[j];
            if (e >= 5) {
                expected.add(e);
                observed.add(o);
                e = 0;
                o = 0;
            }
        }
        int last = expected.size() - 1;
        expected.set(last, expected.get(last) + e);
        observed.set(last, observed.get(last) + o);
        double[] ex = expected.stream().mapToDouble(Double::doubleValue).toArray();
        long[] ob = observed.stream().mapToLong(Long::longValue).toArray();
        ChiSquareTest test = new ChiSquareTest();
        double pShape = test.chiSquareTest(ex, ob);
        // the mean energy: one degree of freedom, where a wrong noise amplitude shows first
        double[] moments = energyMoments(sigma, factor);
        double mean = 0;
        for (double v : x) {
            mean += energy(v);
        }
        mean /= x.length;
        double z = (mean - moments[0]) / Math.sqrt(moments[1] / x.length);
        double pEnergy = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
        double pValue = Math.min(pShape, pEnergy);
        return Evaluation.atLeast(pValue, tolerance(), "chi-square " + fmt(test.chiSquare(ex, ob)) + " on "
                + (ex.length - 1) + " dof, p = " + fmt(pShape) + "; mean energy " + fmt(mean) + " against "
                + fmt(moments[0]) + " (z = " + fmt(z) + ", p = " + fmt(pEnergy) + ")");
    }

    /** Mean and variance of E under the density proportional to exp(-factor E / sigma^2), by Simpson quadrature. */
    static double[] energyMoments(double sigma, double factor) {
        int grid = 200_000;
        double lo = -6, hi = 6, dx = (hi - lo) / grid;
        double z = 0, m1 = 0, m2 = 0;
        for (int k = 0; k <= grid; k++) {
            double xk = lo + k * dx;
            double w = (k == 0 || k == grid ? 1 : k % 2 == 1 ? 4 : 2) * dx / 3;
            double e = energy(xk);
            double f = w * Math.exp(-factor * e / (sigma * sigma));
            z += f;
            m1 += f * e;
            m2 += f * e * e;
        }
        double mean = m1 / z;
        return new double[] {mean, m2 / z - mean * mean};
    }
}
