package engram.theorem.numerics;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Fits;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.EulerMaruyama;
import engram.integrate.VectorField;
import java.util.SplittableRandom;

/**
 * {@code integrate.em-strong-order}: Euler-Maruyama has strong order 1/2
 * (properties/integrate.em-strong-order.properties; docs/theory.md section 6.4). {@code integrate.em-weak-order}:
 * Euler-Maruyama has weak order 1 (properties/integrate.em-weak-order.properties; docs/theory.md section 6.4). The
 * catalogue entry states the hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class IntegrateEulerMaruyamaOrderClaim implements Claim<IntegrateEulerMaruyamaOrderClaim.Case> {

    public static final int STRONG_PATHS = 2000;
    public static final int WEAK_PATHS = 40000;

    private final boolean strong;

    private IntegrateEulerMaruyamaOrderClaim(boolean strong) {
        this.strong = strong;
    }

    public static IntegrateEulerMaruyamaOrderClaim strong() {
        return new IntegrateEulerMaruyamaOrderClaim(true);
    }

    public static IntegrateEulerMaruyamaOrderClaim weak() {
        return new IntegrateEulerMaruyamaOrderClaim(false);
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

    /**
     * The exact relative RMS error {@code sqrt(E[(X_h(T) / X(T) - 1)^2])} of EM with n = T / h steps on geometric
     * Brownian motion, in closed form: per step, with {@code a = 1 + lambda h}, {@code g = (lambda - mu^2/2) h} and
     * dB ~ N(0, h), {@code E[(a + mu dB) e^{-mu dB}] = e^{mu^2 h / 2} (a - mu^2 h)} and
     * {@code E[(a + mu dB)^2 e^{-2 mu dB}] = e^{2 mu^2 h} (a^2 - 4 a mu^2 h + mu^2 h + 4 mu^4 h^2)}; the steps are
     * independent, so {@code E[R] = (e^{-g} e^{mu^2 h/2} (a - mu^2 h))^n}, {@code E[R^2] = (e^{-2g} e^{2 mu^2 h} (...))^n},
     * and the mean square is {@code E[R^2] - 2 E[R] + 1}, evaluated with log1p and expm1 so that it stays accurate at
     * small h. The ratio has no lognormal level factor, so its Monte Carlo estimate is far less heavy-tailed than that
     * of {@code X_h - X}.
     */
    static double exactRelativeRmsError(double lambda, double mu, double t, double h) {
        double n = t / h;
        double a = 1 + lambda * h, m2h = mu * mu * h, g = (lambda - 0.5 * mu * mu) * h;
        double logR = n * (-g + 0.5 * m2h + Math.log1p(lambda * h - m2h));
        double logR2 = n * (-2 * g + 2 * m2h + Math.log1p(2 * lambda * h + lambda * lambda * h * h - 4 * a * m2h + m2h
                + 4 * m2h * m2h));
        return Math.sqrt(Math.max(0, Math.expm1(logR2) - 2 * Math.expm1(logR)));
    }

    /**
     * {@code E[X_h(T)^2] - E[X(T)^2]} exactly: each EM step multiplies X by {@code 1 + lambda h + mu dB}, whose square
     * has mean {@code (1 + lambda h)^2 + mu^2 h}, independently of the past, so {@code E[X_h^2] = ((1 + lambda h)^2 +
     * mu^2 h)^n}; and {@code E[X(T)^2] = exp((2 lambda + mu^2) T)}. Evaluated with log1p and expm1.
     */
    static double exactWeakError(double lambda, double mu, double t, double h) {
        return Math.exp((2 * lambda + mu * mu) * t) * relativeWeakError(lambda, mu, t, h);
    }

    /** {@code E[X_h(T)^2] / E[X(T)^2] - 1}, the weak error relative to {@code E[X(T)^2]} ({@link #exactWeakError}). */
    static double relativeWeakError(double lambda, double mu, double t, double h) {
        double n = t / h;
        return Math.expm1(n * Math.log1p(2 * lambda * h + lambda * lambda * h * h + mu * mu * h)
                - (2 * lambda + mu * mu) * t);
    }

    /**
     * The Monte Carlo sums and sums of squares, per level (h = 2^-(finest - 4) .. 2^-finest on T = 1), of the strong
     * sample {@code (X_h/X - 1)^2} or the weak sample {@code X_h^2/X^2 - 1}, every level on the same Brownian paths.
     */
    private double[][] moments(Case c, int finest, int paths) {
        int coarsest = finest - 4;
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
        // weak: paths drawn under Q, dQ/dP = X(T)^2 / E[X(T)^2], under which B has drift 2 mu (Girsanov), so that
        // E[X_h^2 - X^2] = E[X^2] E_Q[X_h^2 / X^2 - 1]: the estimator loses the lognormal tail of X^2
        double shift = strong ? 0 : 2 * c.mu();
        double[] sums = new double[5];
        double[] squares = new double[5];
        double[] x = new double[1];
        double[] inc = new double[1];
        for (int p = 0; p < paths; p++) {
            double b = 0;
            for (int s = 0; s < fineSteps; s++) {
                fine[s] = Math.sqrt(hFine) * rng.nextGaussian() + shift * hFine;
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
                double ratio = x[0] / exact;
                double sample = strong ? (ratio - 1) * (ratio - 1) : ratio * ratio - 1;
                sums[level] += sample;
                squares[level] += sample * sample;
            }
        }
        return new double[][] {sums, squares};
    }

    @Override public Evaluation evaluate(Case c) {
        int finest = strong ? 9 : 7;
        int coarsest = finest - 4;
        int paths = strong ? STRONG_PATHS : WEAK_PATHS;
        double t1 = 1;
        double[][] moments = moments(c, finest, paths);
        double[] sums = moments[0], squares = moments[1];
        // each level: the Monte Carlo mean against the EM recursion's exact value, in standard errors
        double worstZ = 0;
        StringBuilder levels = new StringBuilder();
        for (int level = 0; level < 5; level++) {
            double h = t1 / (1 << (coarsest + level));
            double mean = sums[level] / paths;
            double standardError = Math.sqrt(Math.max(0, squares[level] / paths - mean * mean) / (paths - 1));
            double exact = strong ? Math.pow(exactRelativeRmsError(c.lambda(), c.mu(), t1, h), 2)
                    : relativeWeakError(c.lambda(), c.mu(), t1, h);
            double z = Math.abs(mean - exact) / standardError;
            worstZ = Math.max(worstZ, Double.isNaN(z) ? Double.POSITIVE_INFINITY : z);
            levels.append(level == 0 ? "" : ", ").append("2^-").append(coarsest + level).append(": ").append(fmt(mean))
                    .append(" vs ").append(fmt(exact)).append(" (z ").append(fmt(z)).append(')');
        }
        // the exact value's order as h -> 0 (the RMS error for strong order, the error itself for weak)
        double ratio = strong ? exactRelativeRmsError(c.lambda(), c.mu(), t1, 0x1p-24)
                / exactRelativeRmsError(c.lambda(), c.mu(), t1, 0x1p-25)
                : exactWeakError(c.lambda(), c.mu(), t1, 0x1p-24) / exactWeakError(c.lambda(), c.mu(), t1, 0x1p-25);
        double order = Math.log(ratio) / Math.log(2);
        double nominal = strong ? 0.5 : 1.0;
        double margin = Math.min(tolerance() - worstZ, tolerance("asymptotic") - Math.abs(order - nominal));
        return new Evaluation(worstZ, margin, (strong ? "mean square relative error" : "relative weak error E[X_h^2] / E[X^2] - 1")
                + ", Monte Carlo against the exact value of the EM recursion: " + levels + "; largest |z| "
                + fmt(worstZ) + "; order of the exact value as h -> 0: " + fmt(order) + " (nominal " + nominal + ")");
    }
}
