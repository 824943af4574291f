package engram.theorem.firingrate;

import static engram.claim.Evaluation.fmt;

import engram.activation.ActivationKind;
import engram.analysis.RateStability;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.claim.cases.DesignSpec;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.memory.FiringRateDesign;
import engram.memory.MemoryKind;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.oracle.Oracle;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code fr.local-stability}: Local stability of rescaled memories: sufficient and instability conditions
 * (properties/fr.local-stability.properties; docs/theory.md section 2.4). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class FrLocalStabilityClaim implements Claim<FrLocalStabilityClaim.Case> {

    /** @param assertStable assert stability whatever the conditions say (the control) */
    public record Case(ActivationKind activation, double rho, double threshold, boolean inhibitory, int n,
            boolean assertStable, long seed) {

        FiringRateDesign design() {
            double a = inhibitory ? FiringRateDesign.REFERENCE_A : FiringRateDesign.EXCITATORY_A;
            return new DesignSpec(MemoryKind.BALANCED, n, 6, FiringRateDesign.REFERENCE_Q, FiringRateDesign.REFERENCE_Q,
                    activation, rho, threshold, a, FiringRateDesign.REFERENCE_B, seed).build();
        }
    }

    @Override public String id() { return "fr.local-stability"; }

    @Override public int examples() { return 30; }

    private static Case draw(Draw d, boolean assertStable) {
        return new Case(d.choice("Phi", List.of(ActivationKind.LOGISTIC, ActivationKind.RECTIFIED_TANH)),
                d.real("rho", 0.2, 5), d.real("I*", 0, 0.9), d.choice("inhibitory (a = -0.3; else a = 0.1)", List.of(true, false)),
                25 * d.integer("N / 25", 2, 4), assertStable, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> draw(d, false);
    }

    @Override public CaseSpace<Case> control() {
        return d -> {
            for (int attempt = 0; ; attempt++) {
                Case c = draw(d, true);
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
        RateStability.Leading dense = RateStability.leading(design, x0);
        // the symmetric route is perfectly conditioned; the general solver and the finite-difference Jacobian work on
        // the non-symmetric -I + D W, where lambda is only known to its condition number times the backward error
        double kappa = dense.condition();
        double symmetricGap = Math.abs(reduced - dense.value());
        double generalGap = Math.abs(reduced - RateStability.maxEigenvalueDenseGeneral(design, x0));
        // the independent route: a finite-difference Jacobian of the vector field itself
        double fd = RateStability.maxEigenvalueFiniteDifference(
                new FiringRateModel(1.0, design.couplings(), design.phi(), Input.zero(design.n())), x0);
        double fdGap = Math.abs(fd - reduced);
        double margin = Math.min(tolerance() - symmetricGap, Math.min(tolerance() * kappa - generalGap,
                tolerance("finite-difference") * kappa - fdGap));
        double observable = tolerance("observable-rate");
        boolean sufficient = design.sufficientCondition();
        double instability = design.instabilityExpression();
        String verdict;
        if (sufficient || c.assertStable()) {
            margin = Math.min(margin, -lambda);
            verdict = "asserted stable";
            if (lambda < -observable) {
                double[] direction = Vectors.unit(design.n(), new SplittableRandom(c.seed() + 11));
                margin = Math.min(margin, 1 - distanceRatio(design, direction, 10 / -lambda));
            }
        } else if (instability > 0) {
            margin = Math.min(margin, lambda);
            verdict = "asserted unstable";
            if (lambda > observable) {
                double[] unstable = dense.rightVector();
                margin = Math.min(margin, distanceRatio(design, unstable, Math.log(1e3) / lambda) / 10 - 1);
            }
        } else {
            verdict = "undecided by the conditions";
        }
        return new Evaluation(lambda, margin, verdict + ": lambda_max " + fmt(lambda) + ", eta max(alpha,gamma) "
                + fmt(design.eta() * Math.max(design.alpha(), design.gamma())) + ", instability expression "
                + fmt(instability) + ", eigensolver gaps " + fmt(symmetricGap) + " (symmetric), " + fmt(generalGap)
                + " (general; eigenvalue condition " + fmt(kappa) + "), finite-difference route " + fmt(fd) + " (gap "
                + fmt(fdGap) + ")");
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
