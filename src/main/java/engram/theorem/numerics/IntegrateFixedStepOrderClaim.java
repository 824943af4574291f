package engram.theorem.numerics;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.analysis.Convergence;
import engram.claim.Calibrated;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.integrate.Euler;
import engram.integrate.FixedStepMethod;
import engram.integrate.RungeKutta4;
import engram.integrate.VectorField;
import engram.memory.DenseCouplings;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.ExactProblem;
import engram.oracle.TestProblems;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code integrate.euler-order}: Explicit Euler converges with order 1 (properties/integrate.euler-order.properties;
 * docs/theory.md section 6.2). {@code integrate.rk4-order}: Classical RK4 converges with order 4
 * (properties/integrate.rk4-order.properties; docs/theory.md section 6.2). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class IntegrateFixedStepOrderClaim implements Claim<IntegrateFixedStepOrderClaim.Case>, Calibrated<IntegrateFixedStepOrderClaim.Case> {

    private static final int LEVELS = 7;

    private final String method;
    private final int firstLevel;

    private IntegrateFixedStepOrderClaim(String method, int firstLevel) {
        this.method = method;
        this.firstLevel = firstLevel;
    }

    /** Euler: h = 2^-4 .. 2^-10. */
    public static IntegrateFixedStepOrderClaim euler() {
        return new IntegrateFixedStepOrderClaim("euler", 4);
    }

    /** RK4: h = 2^-2 .. 2^-8. */
    public static IntegrateFixedStepOrderClaim rk4() {
        return new IntegrateFixedStepOrderClaim("rk4", 2);
    }

    /** The problems: a random voltage model against the oracle, or a closed-form time-dependent test problem. */
    static final List<String> PROBLEMS = List.of("voltage", "forced-decay", "rotation", "gaussian");

    /**
     * @param problem "voltage" (n, gain and scale of W apply) or a {@link TestProblems} name
     * @param defect the mutant's coefficient error (0: the method itself)
     */
    public record Case(String problem, int n, double gain, double scale, double defect, long seed) {
    }

    @Override public String id() { return "integrate." + method + "-order"; }

    @Override public CaseSpace<Case> hypotheses() {
        // n >= 2: scalar problems were seen with a leading error coefficient ~1000 times smaller than typical, which
        // keeps RK4 pre-asymptotic (error ratios 30, 26, 22, 19 instead of 16) down to the oracle's accuracy
        return d -> new Case(d.choice("problem", PROBLEMS), d.integer("N", 2, 8), d.real("gain", 0.5, 3),
                d.real("scale of W", 0.5, 2), 0, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return at(CONTROL_DEFECT);
    }

    private static final double CONTROL_DEFECT = 0.1;

    @Override public String departure() {
        return method.equals("euler") ? "error in the increment's coefficient (Euler: x += (1 - e) h f)"
                : "coefficient e of a stray e h^2 f per step (RK4)";
    }

    @Override public double controlDeparture() { return CONTROL_DEFECT; }

    @Override public CaseSpace<Case> at(double departure) {
        return d -> new Case(d.choice("problem", PROBLEMS), d.integer("N", 1, 8), d.real("gain", 0.5, 3),
                d.real("scale of W", 0.5, 2), departure, d.seed());
    }

    private FixedStepMethod method(int n, double defect) {
        FixedStepMethod real = method.equals("euler") ? new Euler(n) : new RungeKutta4(n);
        return defect != 0 ? new Mutant(real, n, defect) : real;
    }

    /** The measured convergence of one case: a random voltage model, x0 ~ N(0, 2.25 I), T = 1. */
    public Convergence.Estimate estimate(Case c) {
        if (!c.problem().equals("voltage")) {
            ExactProblem p = TestProblems.named(c.problem());
            return Convergence.order(method(p.dimension(), c.defect()), p, firstLevel, LEVELS);
        }
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        VoltageModel model = new VoltageModel(1.0, DenseCouplings.randomGeneral(n, c.scale(), rng), new Tanh(c.gain()),
                Input.constant(Vectors.gaussian(n, 0.5, rng)));
        double[] x0 = Vectors.gaussian(n, 1.5, rng);
        return Convergence.order(method(n, c.defect()), model, x0, 1.0, firstLevel, LEVELS);
    }

    @Override public Evaluation evaluate(Case c) {
        return check(estimate(c), method(1, 0).order(), c.problem());
    }

    /** The order check on a measured convergence (the tests give it the estimate of a deliberately wrong method). */
    public Evaluation check(Convergence.Estimate e, int nominal, String problem) {
        if (!e.informative()) {
            return Evaluation.uninformative("fewer than three errors above the floor (largest " + fmt(e.errors()[0]) + ")");
        }
        double dev = Math.abs(e.order() - nominal);
        return Evaluation.atMost(dev, tolerance(), problem + ": " + method + " order " + fmt(e.order()) + " (nominal "
                + nominal + "), errors " + fmt(e.errors()[0]) + " .. " + fmt(e.errors()[LEVELS - 1]));
    }

    /** The step levels of this method's order measurement: h = T 2^-firstLevel over seven levels. */
    public int firstLevel() {
        return firstLevel;
    }

    /**
     * A deliberately wrong variant, only for the negative control and its calibration: Euler with a factor
     * {@code 1 - e} on its increment (inconsistent, order 0), RK4 plus a stray {@code e h^2 f(t, x)} per step (a wrong
     * coefficient at order h^2, so the global order drops to 1). The control uses e = 0.1.
     */
    private static final class Mutant implements FixedStepMethod {
        private final FixedStepMethod real;
        private final double[] k;
        private final double defect;

        Mutant(FixedStepMethod real, int n, double defect) {
            this.real = real;
            this.k = new double[n];
            this.defect = defect;
        }

        @Override public String name() { return real.name() + "-mutant"; }

        @Override public int order() { return real.order(); }

        @Override public void step(VectorField f, double t, double[] x, double h) {
            f.evaluate(t, x, k);
            if (real.order() == 1) {
                for (int i = 0; i < x.length; i++) {
                    x[i] += (1 - defect) * h * k[i];
                }
            } else {
                real.step(f, t, x, h);
                for (int i = 0; i < x.length; i++) {
                    x[i] += defect * h * h * k[i];
                }
            }
        }
    }
}
