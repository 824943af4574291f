package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import engram.activation.Tanh;
import engram.certify.Certificate;
import engram.certify.Certifier;
import engram.check.CheckReport;
import engram.check.GivenNetwork;
import engram.check.NetworkCheck;
import org.junit.jupiter.api.Test;

/** A user's own network, checked against Engram's theorems in the user's own test. */
class MyNetworkTest {

    /** Two +-1 memories stored by the Hebb rule in six units (zero diagonal). */
    static double[][] hebbian() {
        double[][] xi = {{1, -1, 1, -1, 1, -1}, {1, 1, -1, -1, 1, 1}};
        int n = 6;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    w[i][j] = (xi[0][i] * xi[0][j] + xi[1][i] * xi[1][j]) / n;
                }
            }
        }
        return w;
    }

    @Test
    void myHopfieldNetworkSatisfiesEveryTheoremThatAppliesToIt() {
        GivenNetwork net = GivenNetwork.voltage(hebbian(), new Tanh(3), null, 1.0)
                .withPatterns(new double[] {1, -1, 1, -1, 1, -1}, new double[] {1, 1, -1, -1, 1, 1});
        CheckReport report = NetworkCheck.run(net, 42);
        report.assertHolds(); // energy descent, the model's derivatives; fails with the claim and the seed otherwise
        assertFalse(report.contracting()); // a memory network is not contracting: several equilibria
    }

    @Test
    void myMemoriesAreProvenStable() {
        GivenNetwork net = GivenNetwork.voltage(hebbian(), new Tanh(3), null, 1.0)
                .withPatterns(new double[] {1, -1, 1, -1, 1, -1}, new double[] {1, 1, -1, -1, 1, 1});
        Certifier.Outcome proof = NetworkCheck.certify(net, 42);
        for (Certificate.Equilibrium e : proof.certificate().equilibria()) {
            assertEquals(Certifier.PROVEN, e.exists(), "pattern " + e.pattern());
            assertEquals(Certifier.PROVEN, e.stable(), "pattern " + e.pattern()); // interval arithmetic: a proof
            assertTrue(e.basinRadius() > 0);
        }
    }

    @Test
    void aFailingReportNamesTheClaimAndTheSeed() {
        CheckReport failing = new CheckReport(2, "voltage", true, 0, true, 1, 1, false, 42,
                java.util.List.of(new CheckReport.ClaimCheck("voltage.energy-monotone", true, "W symmetric", "FAILS", -1.0,
                        "energy rose")), java.util.List.of(), java.util.List.of());
        assertThrows(AssertionError.class, failing::assertHolds);
    }
}
