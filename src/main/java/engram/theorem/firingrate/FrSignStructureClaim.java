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
 * {@code fr.sign-structure}: Excitatory / inhibitory structure of the designed synapses
 * (properties/fr.sign-structure.properties; docs/theory.md section 2.3). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
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
