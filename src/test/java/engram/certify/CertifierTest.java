package engram.certify;

import static org.assertj.core.api.Assertions.assertThat;

import engram.activation.Logistic;
import engram.activation.Tanh;
import engram.check.GivenNetwork;
import engram.check.NetworkCheck;
import engram.memory.FiringRateDesign;
import engram.memory.MemoryKind;
import engram.memory.PatternSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Proofs on networks whose answers are known: the memories of a Hebbian network are proven to exist, be stable and
 * attract a ball; the origin of a high-gain network is proven unstable; contraction is proven at low gain and refuted
 * at high gain; a non-symmetric contracting network is proven stable through the logarithmic norm. Every tampering
 * of a certificate is rejected by the checker, and the untouched certificate is accepted.
 */
class CertifierTest {

    /** W = Xi Xi^T / N with a zero diagonal, and the patterns. */
    static GivenNetwork hebbian(int n, int p, double gain, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] xi = new double[p][n];
        for (double[] col : xi) {
            for (int i = 0; i < n; i++) {
                col[i] = rng.nextBoolean() ? 1 : -1;
            }
        }
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    for (double[] col : xi) {
                        w[i][j] += col[i] * col[j] / n;
                    }
                }
            }
        }
        return GivenNetwork.voltage(w, new Tanh(gain), new double[n], 1.0).withPatterns(xi);
    }

    @Test
    void hebbianMemoriesAreProvenStableWithABasin() {
        GivenNetwork g = hebbian(60, 3, 4, 1);
        Certifier.Outcome o = NetworkCheck.certify(g, 1);
        Certificate c = o.certificate();
        assertThat(c.contraction().contracting()).isEqualTo(Certifier.REFUTED);
        assertThat(c.contraction().spectralNormLower()).isLessThanOrEqualTo(c.contraction().spectralNormUpper());
        for (Certificate.Equilibrium e : c.equilibria()) {
            assertThat(e.exists()).as("pattern " + e.pattern() + ": " + o.equilibriumReasons()).isEqualTo(Certifier.PROVEN);
            assertThat(e.stable()).isEqualTo(Certifier.PROVEN);
            assertThat(e.decayRate()).isGreaterThan(0.5);
            assertThat(e.radius()).isLessThan(1e-6);
            assertThat(e.basinRadius()).isGreaterThan(0.1);
        }
        assertThat(CertificateChecker.check(c, network(g))).isEmpty();
    }

    @Test
    void contractionIsProvenAtLowGainAndTheUniqueEquilibriumIsStable() {
        GivenNetwork g = hebbian(40, 2, 0.3, 2);
        Certificate c = NetworkCheck.certify(g, 2).certificate();
        assertThat(c.contraction().contracting()).isEqualTo(Certifier.PROVEN);
        // ||W||_2 of a rank-2 Hebbian matrix with a zero diagonal is about 1
        assertThat(c.contraction().spectralNormUpper()).isBetween(0.5, 2.0);
        assertThat(c.contraction().spectralNormUpper() - c.contraction().spectralNormLower()).isLessThan(1e-9);
        assertThat(CertificateChecker.check(c, network(g))).isEmpty();
    }

    @Test
    void theOriginOfAHighGainNetworkIsProvenUnstable() {
        GivenNetwork g = hebbian(30, 2, 4, 3);
        g = g.withPatterns(new double[30]);
        Certificate c = NetworkCheck.certify(g, 3).certificate();
        Certificate.Equilibrium e = c.equilibria().get(0);
        assertThat(e.exists()).isEqualTo(Certifier.PROVEN);
        assertThat(e.stable()).isEqualTo(Certifier.REFUTED);
        assertThat(e.basinRadius()).isZero();
        assertThat(CertificateChecker.check(c, network(g))).isEmpty();
    }

    @Test
    void aNonSymmetricContractingNetworkIsProvenStableByTheLogarithmicNorm() {
        int n = 20;
        SplittableRandom rng = new SplittableRandom(4);
        double[][] w = new double[n][n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextGaussian();
            for (int j = 0; j < n; j++) {
                w[i][j] = 0.1 * rng.nextGaussian() / Math.sqrt(n);
            }
        }
        GivenNetwork g = GivenNetwork.voltage(w, new Tanh(1), u, 2.0).withPatterns(u);
        Certificate c = NetworkCheck.certify(g, 4).certificate();
        Certificate.Equilibrium e = c.equilibria().get(0);
        assertThat(e.stable()).isEqualTo(Certifier.PROVEN);
        assertThat(e.stabilityRoute()).isEqualTo("logarithmic-norm");
        assertThat(e.decayRate()).isBetween(0.3, 0.5); // (1 - ~0.1) / tau, tau = 2
        assertThat(CertificateChecker.check(c, network(g))).isEmpty();
    }

    @Test
    void theReferenceFiringRateMemoriesAreProvenStable() {
        PatternSet xi = MemoryKind.BALANCED.build(50, 3, FiringRateDesign.REFERENCE_Q, FiringRateDesign.REFERENCE_Q,
                new SplittableRandom(5));
        Logistic phi = new Logistic(FiringRateDesign.REFERENCE_RHO, FiringRateDesign.REFERENCE_THRESHOLD);
        FiringRateDesign d = FiringRateDesign.independent(xi, phi, FiringRateDesign.REFERENCE_A,
                FiringRateDesign.REFERENCE_B, FiringRateDesign.REFERENCE_Q);
        int n = d.n();
        double[][] w = new double[n][n];
        double[] flat = d.couplings().toDense();
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * n, w[i], 0, n);
        }
        double[][] targets = new double[d.p()][];
        for (int mu = 0; mu < d.p(); mu++) {
            targets[mu] = d.rescaled(mu);
        }
        GivenNetwork g = GivenNetwork.rate(w, phi, new double[n], 1.0).withPatterns(targets);
        Certificate c = NetworkCheck.certify(g, 5).certificate();
        for (Certificate.Equilibrium e : c.equilibria()) {
            assertThat(e.exists()).isEqualTo(Certifier.PROVEN);
            assertThat(e.stable()).as("pattern " + e.pattern()).isEqualTo(Certifier.PROVEN);
        }
        assertThat(CertificateChecker.check(c, network(g))).isEmpty();
    }

    /** Krawczyk on a box holding the origin and every memory (+-c xi, c near 1) must not prove uniqueness. */
    @Test
    void krawczykRefusesABoxHoldingSeveralEquilibria() {
        GivenNetwork g = hebbian(30, 2, 4, 7);
        ProofNetwork net = network(g);
        double[] origin = new double[30];
        double[] c = Certifier.inverse(Certifier.jacobian(net, origin), 30);
        assertThat(Proofs.krawczykRatio(net, origin, 2, c)).isGreaterThanOrEqualTo(1);
        assertThat(Proofs.krawczykRatio(net, origin, 1e-6, c)).isLessThan(1); // the origin alone: unique
    }

    @Test
    void everyTamperingIsRejected() {
        GivenNetwork g = hebbian(40, 2, 4, 6);
        ProofNetwork net = network(g);
        Certificate c = NetworkCheck.certify(g, 6).certificate();
        assertThat(CertificateChecker.check(c, net)).isEmpty();
        List<UnaryOperator<Certificate>> tamperings = new ArrayList<>();
        tamperings.add(t -> withEquilibrium(t, e -> new Certificate.Equilibrium(e.pattern(), e.exists(), e.center(),
                e.boxRadius(), e.radius(), e.preconditioner(), e.inverse(), e.stable(), e.stabilityRoute(),
                e.decayRate() * 1.5, e.unstableVector(), e.basinRadius(), e.basinRoute())));
        tamperings.add(t -> withEquilibrium(t, e -> new Certificate.Equilibrium(e.pattern(), e.exists(), e.center(),
                e.boxRadius(), Math.nextDown(e.radius() / 2), e.preconditioner(), e.inverse(), e.stable(),
                e.stabilityRoute(), e.decayRate(), e.unstableVector(), e.basinRadius(), e.basinRoute())));
        tamperings.add(t -> withEquilibrium(t, e -> new Certificate.Equilibrium(e.pattern(), e.exists(),
                shifted(e.center(), 1000 * e.boxRadius()), e.boxRadius(), e.radius(), e.preconditioner(), e.inverse(),
                e.stable(), e.stabilityRoute(), e.decayRate(), e.unstableVector(), e.basinRadius(), e.basinRoute())));
        tamperings.add(t -> withEquilibrium(t, e -> new Certificate.Equilibrium(e.pattern(), e.exists(), e.center(),
                e.boxRadius(), e.radius(), e.preconditioner(), e.inverse(), e.stable(), e.stabilityRoute(), e.decayRate(),
                e.unstableVector(), e.basinRadius() * 2, e.basinRoute())));
        // the Euclidean radius one ulp inside what the box needs (a box one ulp larger that Krawczyk's test still
        // proves is a true statement, and accepted, see below)
        tamperings.add(t -> withEquilibrium(t, e -> new Certificate.Equilibrium(e.pattern(), e.exists(), e.center(),
                e.boxRadius(), Math.nextDown(e.radius()), e.preconditioner(), e.inverse(), e.stable(), e.stabilityRoute(),
                e.decayRate(), e.unstableVector(), e.basinRadius(), e.basinRoute())));
        // a box far below the residual's reach, and a stability route the network does not have
        tamperings.add(t -> withEquilibrium(t, e -> new Certificate.Equilibrium(e.pattern(), e.exists(), e.center(),
                e.boxRadius() * 1e-8, e.radius(), e.preconditioner(), e.inverse(), e.stable(), e.stabilityRoute(),
                e.decayRate(), e.unstableVector(), e.basinRadius(), e.basinRoute())));
        tamperings.add(t -> withEquilibrium(t, e -> new Certificate.Equilibrium(e.pattern(), e.exists(), e.center(),
                e.boxRadius(), e.radius(), e.preconditioner(), e.inverse(), e.stable(), Certifier.REDUCED, e.decayRate(),
                e.unstableVector(), e.basinRadius(), e.basinRoute())));
        tamperings.add(t -> new Certificate(t.format(), t.network(), t.model(), t.n(), t.activation(), t.tau(),
                new Certificate.Contraction(t.contraction().contracting(), t.contraction().spectralNormUpper() * (1 - 1e-6),
                        t.contraction().spectralNormLower(), t.contraction().top()),
                t.equilibria()));
        tamperings.add(t -> new Certificate(t.format(), t.network(), t.model(), t.n(), t.activation(), t.tau(),
                new Certificate.Contraction(t.contraction().contracting(), t.contraction().spectralNormUpper(),
                        t.contraction().spectralNormLower() * (1 + 1e-6), t.contraction().top()),
                t.equilibria()));
        for (int k = 0; k < tamperings.size(); k++) {
            assertThat(CertificateChecker.check(tamperings.get(k).apply(c), net)).as("tampering " + k).isNotEmpty();
        }
        // a box one ulp larger with the radius it needs is still proven by Krawczyk's test: accepted
        Certificate wider = withEquilibrium(c, e -> new Certificate.Equilibrium(e.pattern(), e.exists(), e.center(),
                Math.nextUp(e.boxRadius()), Math.nextUp(Math.nextUp(e.radius())), e.preconditioner(), e.inverse(), e.stable(),
                e.stabilityRoute(), e.decayRate(), e.unstableVector(), e.basinRadius(), e.basinRoute()));
        assertThat(CertificateChecker.check(wider, net)).isEmpty();
        // another W: one entry moved by one ulp
        double[] w = g.w().clone();
        w[1] = Math.nextUp(w[1]);
        ProofNetwork other = new ProofNetwork(true, g.n(), w, g.input(), g.activation(), g.tau());
        assertThat(CertificateChecker.check(c, other)).singleElement().asString().contains("another network");
    }

    static ProofNetwork network(GivenNetwork g) {
        return g.proofNetwork();
    }

    private static Certificate withEquilibrium(Certificate c, UnaryOperator<Certificate.Equilibrium> change) {
        List<Certificate.Equilibrium> eq = new ArrayList<>(c.equilibria());
        eq.set(0, change.apply(eq.get(0)));
        return new Certificate(c.format(), c.network(), c.model(), c.n(), c.activation(), c.tau(), c.contraction(), eq);
    }

    private static String shifted(String center, double by) {
        double[] x = ProofNetwork.doubles(Base64.getDecoder().decode(center));
        for (int i = 0; i < x.length; i++) {
            x[i] += by;
        }
        return Certificate.encode(x);
    }
}
