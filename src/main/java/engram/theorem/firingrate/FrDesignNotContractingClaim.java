package engram.theorem.firingrate;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.DesignSpec;
import engram.memory.FiringRateDesign;
import engram.memory.LowRankCouplings;
import engram.memory.MemoryKind;
import java.util.List;

/**
 * {@code fr.design-not-contracting}: The contraction bound can never certify an associative-memory design
 * (properties/fr.design-not-contracting.properties; docs/theory.md section 2.6). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class FrDesignNotContractingClaim implements Claim<FrDesignNotContractingClaim.Case> {

    public record Case(DesignSpec spec, boolean wrongNormalisation) {
    }

    @Override public String id() { return "fr.design-not-contracting"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(DesignSpec.draw(d, List.of(MemoryKind.BALANCED, MemoryKind.CORRELATED)), false);
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(DesignSpec.draw(d, List.of(MemoryKind.BALANCED, MemoryKind.CORRELATED)), true);
    }

    @Override public Evaluation evaluate(Case c) {
        FiringRateDesign design = c.spec().build();
        LowRankCouplings w = design.couplings(c.wrongNormalisation() ? design.q() * (1 - design.r()) : 1);
        double norm = Spectra.spectralNorm(w);
        double lip = design.phi().lipschitz();
        double residual = 0;
        if (design.p() >= 2) {
            int n = design.n();
            double[] v = new double[n];
            double[] wv = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = design.memories().get(i, 0) - design.memories().get(i, 1);
            }
            w.multiply(v, wv);
            for (int i = 0; i < n; i++) {
                residual = Math.max(residual, Math.abs(wv[i] - design.alpha() * v[i]) / design.alpha());
            }
        }
        double balancedNorm = c.spec().memories() == MemoryKind.BALANCED
                ? Math.abs(norm - Math.max(Math.abs(design.alpha()), Math.abs(design.gamma()))) / norm : 0;
        double metric = Math.max(1 - lip * norm, Math.max(residual, balancedNorm));
        return Evaluation.atMost(metric, tolerance(), "Lip*||W||_2 = " + fmt(lip * norm) + ", alpha "
                + fmt(design.alpha()) + ", eigenvector residual " + fmt(residual)
                + ", | ||W|| - max(|alpha|,|gamma|) | / ||W|| (balanced) " + fmt(balancedNorm));
    }
}
