package engram.certify;

import static org.assertj.core.api.Assertions.assertThat;

import engram.activation.Tanh;
import engram.analysis.IdpEquilibria;
import engram.memory.MemoryKind;
import engram.memory.PatternSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Proofs about {@code W = Xi diag(alpha) Xi^T / N} that never form W, on the orthogonal-memory network whose answers
 * are closed forms: memory mu sits at c_mu xi_mu with {@code c = alpha_mu tanh(c)}, and its Jacobian's eigenvalues
 * are {@code -1 + alpha_nu psi'(c_mu)} (every nu) and -1, so the proven decay rate must be just below
 * {@code 1 - max_nu alpha_nu psi'(c_mu)}, the unstable memory refuted, and tampered certificates rejected.
 */
class LowRankProofsTest {

    static final double[] ALPHAS = {3, 2, 1.2};

    static PatternSet hadamard() {
        return MemoryKind.HADAMARD.build(64, 3, 0.5, 0.5, new SplittableRandom(1));
    }

    static ProofNetwork network(PatternSet xi, double[] alphas) {
        return ProofNetwork.lowRank(xi.n(), xi.p(), xi.data(), alphas, null, new Tanh(1), 1.0);
    }

    static List<double[]> states(PatternSet xi, double[] alphas) {
        List<double[]> out = new ArrayList<>();
        for (IdpEquilibria.Memory m : IdpEquilibria.analyze(xi, alphas, new Tanh(1)).memories()) {
            out.add(m.exists() ? m.state() : null);
        }
        return out;
    }

    @Test
    void theDecayRatesAreTheClosedFormsAndTheUnstableMemoryIsRefuted() {
        PatternSet xi = hadamard();
        ProofNetwork net = network(xi, ALPHAS);
        Certificate c = Certifier.certify(net, states(xi, ALPHAS)).certificate();
        assertThat(c.contraction().spectralNormLower()).isLessThanOrEqualTo(3).isGreaterThan(3 - 1e-9);
        assertThat(c.contraction().spectralNormUpper()).isGreaterThan(3).isLessThan(3 + 1e-6);
        for (int mu = 0; mu < 2; mu++) {
            Certificate.Equilibrium e = c.equilibria().get(mu);
            double amp = IdpEquilibria.amplitude(new Tanh(1), ALPHAS[mu]), slope = 1 - Math.pow(Math.tanh(amp), 2);
            double exact = 1 - ALPHAS[0] * slope;
            assertThat(e.exists()).isEqualTo(Certifier.PROVEN);
            assertThat(e.preconditioner()).isIn(Certifier.IDENTITY, Certifier.WOODBURY);
            assertThat(e.stable()).isEqualTo(Certifier.PROVEN);
            assertThat(e.decayRate()).as("memory " + (mu + 1)).isLessThanOrEqualTo(exact).isGreaterThan(exact - 1e-6);
        }
        Certificate.Equilibrium third = c.equilibria().get(2);
        assertThat(third.exists()).isEqualTo(Certifier.PROVEN);
        assertThat(third.preconditioner()).isEqualTo(Certifier.WOODBURY); // psi'(c) = 0.57: -I does not contract
        assertThat(third.stable()).isEqualTo(Certifier.REFUTED);
        assertThat(CertificateChecker.check(c, net)).isEmpty();
    }

    /** A box around the origin that also holds +-c xi_1 (c = 2.98) must not pass Krawczyk's test; a small one must. */
    @Test
    void krawczykRefusesABoxHoldingSeveralEquilibria() {
        PatternSet xi = hadamard();
        ProofNetwork net = network(xi, ALPHAS);
        double[] origin = new double[xi.n()];
        double[] k = Certifier.woodbury(net, origin);
        assertThat(Proofs.krawczykRatio(net, origin, 3.5, k)).isGreaterThanOrEqualTo(1);
        // at the origin the Jacobian -I + W has eigenvalues alpha - 1 > 0: unique there, with the Woodbury matrix
        assertThat(Proofs.krawczykRatio(net, origin, 1e-6, k)).isLessThan(1);
        // with the identity as K (the Woodbury term wrong) the small box is not proven
        double[] wrong = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        assertThat(Proofs.krawczykRatio(net, origin, 1e-6, wrong)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void tamperedLowRankCertificatesAreRejected() {
        PatternSet xi = hadamard();
        ProofNetwork net = network(xi, ALPHAS);
        Certificate c = Certifier.certify(net, states(xi, ALPHAS)).certificate();
        assertThat(CertificateChecker.check(c, network(xi, new double[] {3, 2, Math.nextUp(1.2)})))
                .singleElement().asString().contains("another network");
        Certificate.Equilibrium e = c.equilibria().get(0);
        List<Certificate.Equilibrium> raised = new ArrayList<>(c.equilibria());
        raised.set(0, new Certificate.Equilibrium(e.pattern(), e.exists(), e.center(), e.boxRadius(), e.radius(),
                e.preconditioner(), e.inverse(), e.stable(), e.stabilityRoute(), e.decayRate() + 1e-5, e.unstableVector(),
                e.basinRadius(), e.basinRoute()));
        assertThat(CertificateChecker.check(withEquilibria(c, raised), net)).isNotEmpty();
        List<Certificate.Equilibrium> dense = new ArrayList<>(c.equilibria());
        dense.set(0, new Certificate.Equilibrium(e.pattern(), e.exists(), e.center(), e.boxRadius(), e.radius(),
                e.preconditioner(), e.inverse(), e.stable(), Certifier.SYMMETRISED, e.decayRate(), e.unstableVector(),
                e.basinRadius(), e.basinRoute()));
        assertThat(CertificateChecker.check(withEquilibria(c, dense), net)).singleElement().asString()
                .contains("dense-W route");
    }

    /**
     * alpha psi'(0) <= 1 with exactly orthogonal +-1 patterns: no equilibrium c xi_mu (c != 0) is proven, and a
     * certificate that claims the same for the memory that exists (alpha = 1.2) is rejected.
     */
    @Test
    void nonExistenceIsProvenBelowTheBifurcationAndOnlyThere() {
        PatternSet xi = MemoryKind.HADAMARD.build(64, 4, 0.5, 0.5, new SplittableRandom(1));
        double[] alphas = {3, 2, 1.2, 0.8};
        ProofNetwork net = network(xi, alphas);
        List<double[]> states = states(xi, alphas);
        assertThat(states.get(3)).isNull();
        Certificate c = Certifier.certify(net, states).certificate();
        assertThat(c.equilibria().get(3).exists()).isEqualTo(Certifier.REFUTED);
        assertThat(CertificateChecker.check(c, net)).isEmpty();
        List<Certificate.Equilibrium> eq = new ArrayList<>(c.equilibria());
        eq.set(2, new Certificate.Equilibrium(3, Certifier.REFUTED, null, 0, 0, null, null, Certifier.UNDECIDED, null, 0,
                null, 0, null));
        assertThat(CertificateChecker.check(withEquilibria(c, eq), net)).singleElement().asString()
                .contains("non-existence does not follow");
        assertThat(LowRankProofs.noEquilibriumAlong(net, 2)).contains("not proven negative near c = 0").contains("exists");
        // alpha psi'(0) = 1 exactly: the bifurcation point, where the slope test cannot be strict
        assertThat(LowRankProofs.noEquilibriumAlong(network(xi, new double[] {3, 2, 1.2, 1}), 3)).contains("bifurcation");
        // random patterns are not exactly orthogonal: the line is not invariant, nothing is claimed
        PatternSet random = MemoryKind.RANDOM.build(64, 4, 0.5, 0.5, new SplittableRandom(2));
        assertThat(LowRankProofs.noEquilibriumAlong(network(random, alphas), 3)).contains("not exactly orthogonal");
    }

    private static Certificate withEquilibria(Certificate c, List<Certificate.Equilibrium> eq) {
        return new Certificate(c.format(), c.network(), c.model(), c.n(), c.activation(), c.tau(), c.contraction(), eq);
    }
}
