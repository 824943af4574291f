package engram.theorem;

import engram.activation.Tanh;
import engram.analysis.Fits;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.Euler;
import engram.integrate.FixedStepMethod;
import engram.integrate.RungeKutta4;
import engram.integrate.StepObserver;
import engram.memory.DenseCouplings;
import engram.model.Input;
import engram.model.VectorField;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.SplittableRandom;

/**
 * Engram's fixed-step integrators converge to the DP853 oracle with their nominal order: the global error (sup norm
 * over t = T/4, T/2, 3T/4, T, which avoids a leading error term that happens to vanish at T alone) is measured for steps h = T 2^-k over seven consecutive k; the three finest levels whose errors stay above
 * {@link #ERROR_FLOOR} (100 times the oracle's tolerance) are fitted by {@code C h^p} (coarser levels show the
 * pre-asymptotic regime, finer ones the oracle's own error), and |p - nominal| must be at most 0.3.
 * Control: a mutant of the same method (Euler with a 0.9 factor on the increment, RK4 with weights 1,3,1,1 / 6)
 * must be caught.
 */
public final class FixedStepOrderClaim implements Claim<FixedStepOrderClaim.Case> {

    public static final double TOLERANCE = 0.3;

    private final String method;
    private final int nominal;
    private final int firstLevel;

    private FixedStepOrderClaim(String method, int nominal, int firstLevel) {
        this.method = method;
        this.nominal = nominal;
        this.firstLevel = firstLevel;
    }

    /** Euler: h = 2^-4 .. 2^-10. */
    public static FixedStepOrderClaim euler() {
        return new FixedStepOrderClaim("euler", 1, 4);
    }

    /** RK4: h = 2^-2 .. 2^-8. */
    public static FixedStepOrderClaim rk4() {
        return new FixedStepOrderClaim("rk4", 4, 2);
    }

    public record Case(int n, double gain, double scale, boolean mutant, long seed) {
    }

    @Override public String id() { return "integrate." + method + "-order"; }

    @Override public CaseSpace<Case> hypotheses() {
        // n >= 2: scalar problems were seen with a leading error coefficient ~1000 times smaller than typical, which
        // keeps RK4 pre-asymptotic (error ratios 30, 26, 22, 19 instead of 16) down to the oracle's accuracy
        return d -> new Case(d.integer(2, 8), d.real(0.5, 3), d.real(0.5, 2), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer(1, 8), d.real(0.5, 3), d.real(0.5, 2), true, d.seed());
    }

    private FixedStepMethod method(int n, boolean mutant) {
        FixedStepMethod real = method.equals("euler") ? new Euler(n) : new RungeKutta4(n);
        return mutant ? new Mutant(real, n) : real;
    }

    /** Estimated order and the error at the finest step for one case. */
    public record Estimate(double order, double[] steps, double[] errors) {
    }

    /** Errors below this (100 times the oracle's tolerance) would let the oracle's own error exceed 1% of them. */
    public static final double ERROR_FLOOR = 100 * Oracle.DEFAULT_TOLERANCE;

    private static final int LEVELS = 7;

    public Estimate estimate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        VoltageModel model = new VoltageModel(1.0, DenseCouplings.randomGeneral(n, c.scale(), rng), new Tanh(c.gain()),
                Input.constant(Vectors.gaussian(n, 0.5, rng)));
        double[] x0 = Vectors.gaussian(n, 1.5, rng);
        double t1 = 1.0;
        engram.integrate.Trajectory reference = Oracle.dp853().sample(model, 0, x0, t1, t1 / 4);
        double[] steps = new double[LEVELS];
        double[] errors = new double[LEVELS];
        FixedStepMethod m = method(n, c.mutant());
        int fitEnd = 0;
        for (int k = 0; k < LEVELS; k++) {
            int count = 1 << (firstLevel + k);
            double[] x = x0.clone();
            double[] worst = {0};
            int[] sample = {0};
            m.integrate(model, 0, x, t1, count, count / 4, (t, y) -> {
                worst[0] = Math.max(worst[0], Fits.maxAbsDiff(y, reference.state(sample[0]++)));
            });
            steps[k] = t1 / count;
            errors[k] = worst[0];
            if (errors[k] >= ERROR_FLOOR) {
                fitEnd = k + 1;
            }
        }
        if (fitEnd < 3) {
            return new Estimate(Double.NaN, steps, errors);
        }
        double[] fitSteps = java.util.Arrays.copyOfRange(steps, fitEnd - 3, fitEnd);
        double[] fitErrors = java.util.Arrays.copyOfRange(errors, fitEnd - 3, fitEnd);
        return new Estimate(Fits.order(fitSteps, fitErrors), steps, errors);
    }

    @Override public Evaluation evaluate(Case c) {
        Estimate e = estimate(c);
        if (Double.isNaN(e.order())) {
            return new Evaluation(Double.NaN, 0, "uninformative case: fewer than three errors above "
                    + Vectors.fmt(ERROR_FLOOR) + " (largest " + Vectors.fmt(e.errors()[0]) + ")");
        }
        double dev = Math.abs(e.order() - nominal);
        return Evaluation.atMost(dev, TOLERANCE, method + " order " + Vectors.fmt(e.order()) + " (nominal " + nominal
                + "), errors " + Vectors.fmt(e.errors()[0]) + " .. " + Vectors.fmt(e.errors()[LEVELS - 1]));
    }

    /**
     * A deliberately wrong variant, only for the negative control: Euler with a 0.9 factor on its increment
     * (inconsistent, order 0), RK4 plus a stray {@code 0.1 h^2 f(t, x)} per step (a wrong coefficient at order h^2,
     * so the global order drops to 1).
     */
    private static final class Mutant implements FixedStepMethod {
        private final FixedStepMethod real;
        private final double[] k;

        Mutant(FixedStepMethod real, int n) {
            this.real = real;
            this.k = new double[n];
        }

        @Override public String name() { return real.name() + "-mutant"; }

        @Override public int order() { return real.order(); }

        @Override public void step(VectorField f, double t, double[] x, double h) {
            f.evaluate(t, x, k);
            if (real.order() == 1) {
                for (int i = 0; i < x.length; i++) {
                    x[i] += 0.9 * h * k[i];
                }
            } else {
                real.step(f, t, x, h);
                for (int i = 0; i < x.length; i++) {
                    x[i] += 0.1 * h * h * k[i];
                }
            }
        }
    }
}
