package engram.theorem;

import engram.analysis.RateStability;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.Trajectory;
import engram.memory.FiringRateDesign;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.oracle.Oracle;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Betteti et al. 2025 (theory.md section 2), balanced memories: the Jacobian at a rescaled memory is
 * {@code -I + D W}, similar to the symmetric {@code -I + D^1/2 W D^1/2}. (1) Where {@code eta max(alpha, gamma) < 1}
 * its largest eigenvalue is negative at every memory and oracle trajectories started near a memory approach it;
 * (2) where the authors' instability expression is positive that eigenvalue is positive and a start perturbed along
 * the unstable eigenvector leaves (a random perturbation can have too small a component along it); (3) the eigenvalue from the rank-(P+1) reduction equals those of a dense symmetric and a dense general
 * eigensolver. Cases where neither condition decides assert only (3). Control: cases where the instability
 * expression is positive, checked as if the sufficient condition held (the check must find the positive eigenvalue).
 */
public final class LocalStabilityClaim implements Claim<LocalStabilityClaim.Case> {

    /** Agreement between the three eigenvalue computations. */
    public static final double EIGEN_TOLERANCE = 1e-9;
    /** Trajectory checks run only where |lambda_max| exceeds this (slower modes need impractically long runs). */
    public static final double OBSERVABLE_RATE = 0.05;

    /** @param assertStable assert stability whatever the conditions say (the control) */
    public record Case(String activation, double rho, double threshold, boolean inhibitory, int n, boolean assertStable,
            long seed) {

        FiringRateDesign design() {
            double a = inhibitory ? -0.3 : 0.1;
            return new DesignSpec("balanced", n, 6, 0.2, 0.2, activation, rho, threshold, a, 0.95, seed).build();
        }
    }

    @Override public String id() { return "fr.local-stability"; }

    @Override public int examples() { return 30; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.choice(List.of("logistic", "rectified-tanh")), d.real(0.2, 5), d.real(0, 0.9),
                d.integer(0, 1) == 0, 25 * d.integer(2, 4), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> {
            for (int attempt = 0; ; attempt++) {
                Case c = new Case(d.choice(List.of("logistic", "rectified-tanh")), d.real(0.2, 5), d.real(0, 0.9),
                        d.integer(0, 1) == 0, 25 * d.integer(2, 4), true, d.seed());
                if (attempt >= 50 || c.design().instabilityExpression() > 0) {
                    return c;
                }
            }
        };
    }

    @Override public Evaluation evaluate(Case c) {
        FiringRateDesign design = c.design();
        double lambda = RateStability.maxEigenvalueOverMemories(design);
        double[] x0 = design.rescaled(0);
        double reduced = RateStability.maxEigenvalueReduced(design, x0);
        double agreement = Math.max(Math.abs(reduced - RateStability.maxEigenvalueDenseSymmetric(design, x0)),
                Math.abs(reduced - RateStability.maxEigenvalueDenseGeneral(design, x0)));
        double margin = EIGEN_TOLERANCE - agreement;
        boolean sufficient = design.sufficientCondition();
        double instability = design.instabilityExpression();
        String verdict;
        if (sufficient || c.assertStable()) {
            margin = Math.min(margin, -lambda);
            verdict = "asserted stable";
            if (lambda < -OBSERVABLE_RATE) {
                margin = Math.min(margin, 1 - distanceRatio(design, randomDirection(design.n(), c.seed()), 10 / -lambda));
            }
        } else if (instability > 0) {
            margin = Math.min(margin, lambda);
            verdict = "asserted unstable";
            if (lambda > OBSERVABLE_RATE) {
                double[] unstable = RateStability.leadingEigenvector(design, x0);
                margin = Math.min(margin, distanceRatio(design, unstable, Math.log(1e3) / lambda) / 10 - 1);
            }
        } else {
            verdict = "undecided by the conditions";
        }
        return new Evaluation(lambda, margin, verdict + ": lambda_max " + Vectors.fmt(lambda) + ", eta max(alpha,gamma) "
                + Vectors.fmt(design.eta() * Math.max(design.alpha(), design.gamma())) + ", instability expression "
                + Vectors.fmt(instability) + ", eigensolver disagreement " + Vectors.fmt(agreement));
    }

    /** A unit vector in a random direction. */
    static double[] randomDirection(int n, long seed) {
        double[] v = Vectors.gaussian(n, 1, new SplittableRandom(seed + 11));
        double norm = engram.analysis.Fits.norm2(v);
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        return v;
    }

    /**
     * |x(T) - xbar_0| / |x(0) - xbar_0| along an oracle trajectory from memory 0 moved 1e-4 along {@code direction}
     * (kept inside [0, 1]).
     */
    static double distanceRatio(FiringRateDesign design, double[] direction, double horizon) {
        int n = design.n();
        double[] target = design.rescaled(0);
        double[] x0 = target.clone();
        for (int i = 0; i < n; i++) {
            x0[i] = Math.min(1, Math.max(0, x0[i] + 1e-4 * direction[i]));
        }
        FiringRateModel model = new FiringRateModel(1.0, design.couplings(), design.phi(), Input.zero(n));
        Trajectory tr = Oracle.dp853().sample(model, 0, x0, Math.min(horizon, 200), Math.min(horizon, 200));
        double d0 = 0, d1 = 0;
        for (int i = 0; i < n; i++) {
            d0 += (x0[i] - target[i]) * (x0[i] - target[i]);
            d1 += (tr.last()[i] - target[i]) * (tr.last()[i] - target[i]);
        }
        return Math.sqrt(d1 / d0);
    }
}
