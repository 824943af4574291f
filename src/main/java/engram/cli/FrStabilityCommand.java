package engram.cli;

import engram.activation.ActivationKind;
import engram.analysis.RateStability;
import engram.memory.FiringRateDesign;
import engram.memory.MemoryKind;
import engram.memory.PatternSet;
import engram.report.JsonFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram fr-stability}: one firing-rate design, its coefficients, equilibrium residual, largest Jacobian
 * eigenvalue over the rescaled memories and the analytic conditions. For balanced memories the conditions are
 * checked against the eigenvalue (exit 1 on disagreement); for other memory sets they are reported only.
 */
@Command(name = "fr-stability", description = "Stability of the rescaled memories of one firing-rate design.")
final class FrStabilityCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Option(names = "--activation", description = "logistic (alias sigmoid) | rectified-tanh (default ${DEFAULT-VALUE}).")
    ActivationKind activation = ActivationKind.LOGISTIC;

    @Option(names = "--rho", description = "Slope rho, > 0 (default ${DEFAULT-VALUE}).")
    double rho = FiringRateDesign.REFERENCE_RHO;

    @Option(names = "--threshold", description = "Threshold I* (default ${DEFAULT-VALUE}).")
    double threshold = FiringRateDesign.REFERENCE_THRESHOLD;

    @Option(names = "--a", description = "Target field of silent units (default ${DEFAULT-VALUE}).")
    double a = FiringRateDesign.REFERENCE_A;

    @Option(names = "--b", description = "Target field of active units, > a (default ${DEFAULT-VALUE}).")
    double b = FiringRateDesign.REFERENCE_B;

    @Option(names = "--n", defaultValue = "1000", description = "Neurons (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--q", description = "Activity, in (0, 1) (default ${DEFAULT-VALUE}).")
    double q = FiringRateDesign.REFERENCE_Q;

    @Option(names = "--memories", defaultValue = "balanced", description = "balanced | sparse | correlated (default ${DEFAULT-VALUE}).")
    MemoryKind memories;

    @Option(names = "--p", description = "Memories (sparse: default floor(N/(10 ln N)); correlated: default 3; balanced: floor(1+1/q)).")
    Integer p;

    @Option(names = "--r", defaultValue = "0.5", description = "Co-activity of correlated memories, in [0, 1) (default ${DEFAULT-VALUE}).")
    double r;

    /** The JSON output (the keys are the command's contract). */
    record Result(String activation, double rho, double threshold, double a, double b, int n, double q, double r,
            String memories, int p, double alpha, double kappa, double beta, double gamma, double phiA, double phiB,
            double eta, double equilibriumResidual, double maxRealEigenvalue, boolean stable, boolean sufficientCondition,
            double instabilityExpression, boolean instabilityCondition, boolean conditionsApply, boolean consistent,
            double seconds) {
    }

    @Override public Integer call() {
        if (activation != ActivationKind.LOGISTIC && activation != ActivationKind.RECTIFIED_TANH) {
            throw new IllegalArgumentException("--activation must be logistic (sigmoid) or rectified-tanh, got '" + activation + "'");
        }
        if (memories.bipolar()) {
            throw new IllegalArgumentException("--memories must be balanced, sparse or correlated (0/1 memories), got '"
                    + memories + "'");
        }
        if (n < 4 || n > 1_000_000) {
            throw new IllegalArgumentException("--n must be in [4, 1000000], got " + n);
        }
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("--q must be in (0, 1), got " + q);
        }
        if (!(rho > 0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("--rho must be finite and > 0, got " + rho);
        }
        if (!(a < b)) {
            throw new IllegalArgumentException("--a must be below --b, got a=" + a + ", b=" + b);
        }
        if (p != null && (p < 1 || p > n)) {
            throw new IllegalArgumentException("--p must be in [1, n=" + n + "], got " + p);
        }
        if (!(r >= 0 && r < 1)) {
            throw new IllegalArgumentException("--r must be in [0, 1), got " + r);
        }
        int count = p != null ? p : memories == MemoryKind.SPARSE ? FiringRateDesign.referenceMemories(n) : 3;
        PatternSet xi = memories.build(n, count, q, r, new SplittableRandom(global.seed));
        double co = memories.coActivity(q, r);
        FiringRateDesign d;
        try {
            d = new FiringRateDesign(xi, activation.of(rho, threshold), a, b, q, co);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--b/--threshold: " + e.getMessage());
        }
        long started = System.nanoTime();
        double residual = RateStability.equilibriumResidual(d);
        double lambda = RateStability.maxEigenvalueOverMemories(d);
        boolean stable = lambda < 0;
        boolean sufficient = d.sufficientCondition();
        double instability = d.instabilityExpression();
        boolean applies = memories == MemoryKind.BALANCED;
        boolean consistent = !applies || RateStability.conditionsAgree(sufficient, instability, stable);
        Result m = new Result(activation.toString(), rho, threshold, a, b, n, q, co, memories.toString(), d.p(), d.alpha(),
                d.couplingScale(), d.beta(), d.gamma(), d.phiA(), d.phiB(), d.eta(), residual, lambda, stable, sufficient,
                instability, instability > 0, applies, consistent, (System.nanoTime() - started) / 1e9);
        if (global.json) {
            System.out.println(JsonFormat.compact(m));
        } else {
            System.out.printf(Locale.ROOT, "alpha=%.6g gamma=%.6g phiA=%.6g phiB=%.6g residual=%.3g lambda_max=%.6g "
                    + "(%s); sufficient=%b, instability expression=%.6g%s%n", d.alpha(), d.gamma(), d.phiA(), d.phiB(),
                    residual, lambda, stable ? "stable" : "unstable", sufficient, instability,
                    applies ? (consistent ? "; conditions agree" : "; CONDITIONS DISAGREE") : " (conditions derived for balanced memories: reported only)");
        }
        return consistent ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }
}
