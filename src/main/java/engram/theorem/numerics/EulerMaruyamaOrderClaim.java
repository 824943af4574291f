package engram.theorem.numerics;

import static engram.claim.Evaluation.fmt;


import engram.analysis.Fits;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.EulerMaruyama;
import engram.model.VectorField;
import java.util.SplittableRandom;

/**
 * Euler-Maruyama's strong order 1/2 and weak order 1, measured on geometric Brownian motion
 * {@code dX = lambda X dt + mu X dB}, X(0) = 1, whose solution {@code X(T) = exp((lambda - mu^2/2) T + mu B(T))} is
 * known pathwise. Each level's EM path is driven by sums of the same fine Brownian increments as the exact solution.
 * <ul>
 * <li>strong: {@code E|X_h(T) - X(T)|} over {@value #STRONG_PATHS} paths, h = 2^-5 .. 2^-9;</li>
 * <li>weak: {@code |E[X_h(T)^2] - E[X(T)^2]|} estimated as the mean of {@code X_h(T)^2 - X(T)^2} on common paths
 * (variance O(h), so the Monte Carlo error stays well below the O(h) bias), {@value #WEAK_PATHS} paths,
 * h = 2^-3 .. 2^-7.</li>
 * </ul>
 * Multiplicative noise is used on purpose: with additive noise EM coincides with Milstein's scheme and has strong
 * order 1, so additive noise could not show the 1/2. Controls: EM that drops the noise (strong), EM with increments
 * of variance 2h (weak).
 */
public final class EulerMaruyamaOrderClaim implements Claim<EulerMaruyamaOrderClaim.Case> {

    public static final int STRONG_PATHS = 2000;
    public static final int WEAK_PATHS = 40000;

    private final boolean strong;

    private EulerMaruyamaOrderClaim(boolean strong) {
        this.strong = strong;
    }

    public static EulerMaruyamaOrderClaim strong() {
        return new EulerMaruyamaOrderClaim(true);
    }

    public static EulerMaruyamaOrderClaim weak() {
        return new EulerMaruyamaOrderClaim(false);
    }

    public record Case(double lambda, double mu, boolean mutant, long seed) {
    }

    @Override public String id() { return strong ? "integrate.em-strong-order" : "integrate.em-weak-order"; }

    @Override public int examples() { return strong ? 20 : 8; }

    @Override public int controlBudget() { return 10; }

    /** The same processes for both: only the scheme differs (the control's is the mutant). */
    private CaseSpace<Case> cases(boolean mutant) {
        return strong
                ? d -> new Case(d.real("lambda", -1, 1), d.real("mu", 0.3, 1), mutant, d.seed())
                : d -> new Case(d.real("lambda", 0.5, 1.5), d.real("mu", 0.1, 0.5), mutant, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(false); }

    @Override public CaseSpace<Case> control() { return cases(true); }

    @Override public Evaluation evaluate(Case c) {
        int finest = strong ? 9 : 7;
        int coarsest = finest - 4;
        int paths = strong ? STRONG_PATHS : WEAK_PATHS;
        double t1 = 1;
        int fineSteps = 1 << finest;
        double hFine = t1 / fineSteps;
        VectorField drift = new VectorField() {
            @Override public int dimension() { return 1; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) {
                dxdt[0] = c.lambda() * x[0];
            }
        };
        double noiseFactor = !c.mutant() ? 1 : strong ? 0 : Math.sqrt(2);
        EulerMaruyama em = new EulerMaruyama(drift, (t, x, i) -> noiseFactor * c.mu() * x[0]);
        SplittableRandom rng = new SplittableRandom(c.seed());
        double[] fine = new double[fineSteps];
        double[] sums = new double[5];
        double[] x = new double[1];
        double[] inc = new double[1];
        for (int p = 0; p < paths; p++) {
            double b = 0;
            for (int s = 0; s < fineSteps; s++) {
                fine[s] = Math.sqrt(hFine) * rng.nextGaussian();
                b += fine[s];
            }
            double exact = Math.exp((c.lambda() - 0.5 * c.mu() * c.mu()) * t1 + c.mu() * b);
            for (int level = 0; level < 5; level++) {
                int stride = 1 << (finest - (coarsest + level));
                double h = hFine * stride;
                x[0] = 1;
                for (int s = 0; s < fineSteps; s += stride) {
                    double db = 0;
                    for (int r = 0; r < stride; r++) {
                        db += fine[s + r];
                    }
                    inc[0] = db;
                    em.step(s * hFine, x, h, inc);
                }
                sums[level] += strong ? Math.abs(x[0] - exact) : x[0] * x[0] - exact * exact;
            }
        }
        double[] steps = new double[5];
        double[] errors = new double[5];
        for (int level = 0; level < 5; level++) {
            steps[level] = t1 / (1 << (coarsest + level));
            errors[level] = Math.abs(sums[level] / paths);
        }
        double order = Fits.order(steps, errors);
        double nominal = strong ? 0.5 : 1.0;
        return Evaluation.atMost(Math.abs(order - nominal), tolerance(), (strong ? "strong" : "weak") + " order "
                + fmt(order) + " (nominal " + nominal + "), errors " + fmt(errors[0]) + " .. "
                + fmt(errors[4]));
    }
}
