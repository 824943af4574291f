package engram.certify;

import static org.assertj.core.api.Assertions.assertThat;

import engram.activation.ActivationKind;
import engram.analysis.RowGroups;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The reduced (group) proofs against the full network's proofs, an independent route: W formed densely (N = 100), the
 * rate model's symmetrised Jacobian over boxes in all N coordinates. A reduced problem that forgot the group counts in
 * Q, or weighted W_red by the wrong group, would give other decay rates, by far more than the 1e-6 allowed.
 */
class RateDesignProofTest {

    static final PatternSet XI = Patterns.commonCore(100, FiringRateDesign.REFERENCE_Q);

    static FiringRateDesign design(ActivationKind act, double rho, double threshold, double a) {
        return FiringRateDesign.independent(XI, act.of(rho, threshold), a, FiringRateDesign.REFERENCE_B,
                FiringRateDesign.REFERENCE_Q);
    }

    @Test
    void reducedAndFullProofsAgree() {
        RowGroups groups = RowGroups.of(XI);
        List<FiringRateDesign> designs = List.of(design(ActivationKind.LOGISTIC, 4.8, 0.2, FiringRateDesign.REFERENCE_A),
                design(ActivationKind.LOGISTIC, 0.2, 0, FiringRateDesign.REFERENCE_A),
                design(ActivationKind.RECTIFIED_TANH, 3, 0.5, FiringRateDesign.EXCITATORY_A),
                design(ActivationKind.LOGISTIC, 2, 0.6, FiringRateDesign.EXCITATORY_A));
        for (FiringRateDesign d : designs) {
            int n = d.n();
            ProofNetwork full = new ProofNetwork(false, n, d.couplings().toDense(), new double[n], d.phi(), 1.0);
            List<double[]> states = new ArrayList<>();
            for (int mu = 0; mu < d.p(); mu++) {
                states.add(d.rescaled(mu));
            }
            Certificate c = Certifier.certify(full, states).certificate();
            for (int mu = 0; mu < d.p(); mu++) {
                Certificate.Equilibrium e = c.equilibria().get(mu);
                RateDesignProof.Memory m = RateDesignProof.memory(d, groups, mu);
                assertThat(m.exists()).as(d.phi() + " memory " + mu).isEqualTo(e.exists()).isEqualTo(Certifier.PROVEN);
                assertThat(m.stable()).as(d.phi() + " memory " + mu).isEqualTo(e.stable());
                if (Certifier.PROVEN.equals(m.stable())) {
                    assertThat(m.decayRate()).as(d.phi() + " memory " + mu).isCloseTo(e.decayRate(),
                            Offset.offset(1e-6));
                }
            }
            assertThat(CertificateChecker.check(c, full)).isEmpty();
        }
    }

    /** At the rectified tanh's kink the slope is [0, rho] over every box: nothing is proven, as it must not be. */
    @Test
    void aMemoryAtTheKinkIsUndecided() {
        FiringRateDesign d = design(ActivationKind.RECTIFIED_TANH, 3, FiringRateDesign.EXCITATORY_A,
                FiringRateDesign.EXCITATORY_A);
        assertThat(RateDesignProof.cell(d, RowGroups.of(XI)).verdict()).isEqualTo(Certifier.UNDECIDED);
    }
}
