package engram.theorem.firingrate;

import static engram.claim.Evaluation.fmt;

import engram.analysis.RateStability;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.DesignSpec;
import engram.memory.MemoryKind;
import java.util.List;

/**
 * Betteti et al. 2025 ({@code fr.equilibrium}, theory.md section 2): for memories in which each has q N active units
 * and each pair shares r q N, the design gives {@code W xbar_mu = a 1 + (b - a) xi_mu} exactly, so every rescaled
 * memory {@code xbar_mu = phi_a 1 + (phi_b - phi_a) xi_mu} is an equilibrium of {@code xdot = -x + Phi(W x)}. Control:
 * the r = q design applied to correlated memories with r != q (the wrong co-activity in the normalisation).
 */
public final class FrEquilibriumClaim implements Claim<FrEquilibriumClaim.Case> {

    /** @param assumedR the co-activity the design is told (the memories' own r inside the hypotheses) */
    public record Case(DesignSpec spec, double assumedR) {
    }

    @Override public String id() { return "fr.equilibrium"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            DesignSpec s = DesignSpec.draw(d, List.of(MemoryKind.BALANCED, MemoryKind.CORRELATED));
            return new Case(s, s.r());
        };
    }

    @Override public CaseSpace<Case> control() {
        return d -> {
            DesignSpec s = DesignSpec.draw(d, List.of(MemoryKind.CORRELATED));
            return new Case(s, s.q());
        };
    }

    @Override public Evaluation evaluate(Case c) {
        var design = c.spec().build(c.assumedR());
        double residual = RateStability.equilibriumResidual(design);
        return Evaluation.atMost(residual, tolerance(), "max_mu ||Phi(W xbar_mu) - xbar_mu||_inf = " + fmt(residual)
                + " (alpha " + fmt(design.alpha()) + ", gamma " + fmt(design.gamma()) + ")");
    }
}
