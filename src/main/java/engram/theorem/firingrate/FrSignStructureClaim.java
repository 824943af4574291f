package engram.theorem.firingrate;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.DesignSpec;
import engram.memory.FiringRateDesign;
import engram.memory.LowRankCouplings;
import engram.memory.MemoryKind;
import java.util.List;

/**
 * Derived from the design (theory.md section 2): entrywise
 * {@code W_ij = gamma/N + (kappa/N)[n11 (1-beta)^2 - n10 beta (1-beta) + n00 beta^2]}, where n11, n10, n00 count the
 * memories in which units i, j are both active, mixed, or both silent. With {@code Phi >= 0} (positive rates) and
 * a < b: kappa > 0 and 0 < beta < 1, so each memory adds an excitatory (LTP-like) term to co-active pairs, an
 * inhibitory (LTD-like) term to mixed pairs and a non-negative term to co-silent pairs; and gamma has the sign of
 * {@code (1 - beta) a + beta b} (global inhibition iff it is negative). Proof of 0 < beta < 1: with
 * {@code 0 <= phi_a < phi_b}, beta's numerator q((1-r) phi_a + r phi_b) is positive and the denominator minus the
 * numerator is {@code (1-2q+qr) phi_a + q(1-r) phi_b > (1-q) phi_a >= 0}. Control: Phi = tanh, whose negative rates
 * (phi_a < 0) break the hypothesis: beta leaves (0, 1) and the signs flip.
 */
public final class FrSignStructureClaim implements Claim<FrSignStructureClaim.Case> {

    /** @param tanh use Phi = tanh(rho y) (negative rates: the control) */
    public record Case(DesignSpec spec, boolean tanh) {
    }

    @Override public String id() { return "fr.sign-structure"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(DesignSpec.draw(d, List.of(MemoryKind.BALANCED, MemoryKind.CORRELATED, MemoryKind.SPARSE)), false);
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(DesignSpec.draw(d, List.of(MemoryKind.CORRELATED)), true);
    }

    @Override public Evaluation evaluate(Case c) {
        DesignSpec s = c.spec();
        FiringRateDesign design = s.build();
        if (c.tanh()) {
            design = new FiringRateDesign(design.memories(), new Tanh(s.rho()), s.a(), s.b(), s.q(),
                    s.r());
        }
        double kappa = design.couplingScale(), beta = design.beta(), gamma = design.gamma();
        double ltp = kappa * (1 - beta) * (1 - beta), ltd = -kappa * beta * (1 - beta), silent = kappa * beta * beta;
        int n = design.n(), p = design.p();
        LowRankCouplings w = design.couplings();
        double identity = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int n11 = 0, n10 = 0, n00 = 0;
                for (int mu = 0; mu < p; mu++) {
                    double xi = design.memories().get(i, mu), xj = design.memories().get(j, mu);
                    if (xi == 1 && xj == 1) {
                        n11++;
                    } else if (xi == 0 && xj == 0) {
                        n00++;
                    } else {
                        n10++;
                    }
                }
                double predicted = (gamma + n11 * ltp + n10 * ltd + n00 * silent) / n;
                identity = Math.max(identity, Math.abs(w.entry(i, j) - predicted) * n / (Math.abs(kappa) + Math.abs(gamma)));
            }
        }
        double drive = (1 - beta) * s.a() + beta * s.b();
        double signs = Math.min(Math.min(ltp, -ltd), Math.min(silent, Math.signum(gamma) * Math.signum(drive)));
        double margin = Math.min(tolerance() - identity, signs);
        return new Evaluation(identity, margin, "LTP " + fmt(ltp) + ", LTD " + fmt(ltd) + ", co-silent " + fmt(silent)
                + ", gamma " + fmt(gamma) + " vs (1-beta)a+beta b " + fmt(drive) + ", beta " + fmt(beta)
                + ", entrywise identity error " + fmt(identity));
    }
}
