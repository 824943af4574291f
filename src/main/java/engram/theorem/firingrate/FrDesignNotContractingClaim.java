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
 * Derived: the contraction theorem (fr.global-stability) can never certify a firing-rate design with two or more
 * exact memories. For such designs {@code W (xbar_mu - xbar_nu) = (b - a)(xi_mu - xi_nu)} and
 * {@code xbar_mu - xbar_nu = (phi_b - phi_a)(xi_mu - xi_nu)}, so {@code xi_mu - xi_nu} is an eigenvector of W with
 * eigenvalue alpha = (b - a)/(phi_b - phi_a), hence {@code ||W||_2 >= alpha}; by the mean value theorem
 * {@code phi_b - phi_a <= Lip(Phi)(b - a)}, so {@code Lip(Phi) ||W||_2 >= Lip(Phi) alpha >= 1}. For balanced memories
 * moreover {@code ||W||_2 = max(|alpha|, |gamma|)}. Metric: the eigenvector residual and {@code 1 - Lip ||W||_2}
 * (both must be <= round-off). Control: the mis-normalised design (memory term missing its 1 / (q (1 - r))
 * factor), whose memories are no longer eigenvectors with eigenvalue alpha.
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
