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
 * {@code fr.equilibrium}: Rescaled memories are equilibria of the designed firing-rate network
 * (properties/fr.equilibrium.properties; docs/theory.md section 2.2). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
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
