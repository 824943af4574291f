package engram.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.activation.Activation;
import engram.activation.Logistic;
import engram.activation.RectifiedTanh;
import engram.activation.Tanh;
import engram.activation.ThresholdLinear;
import engram.analysis.PhaseDiagram;
import engram.analysis.RateStability;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FiringRateDesignTest {

    @Test
    void specialCaseRateEqualsQGivesBetaQAndTheTheoryMdCoefficients() {
        FiringRateDesign d = FiringRateDesign.independent(Patterns.commonCore(1000, 0.2), new Logistic(4.8, 0.2), -0.3,
                0.95, 0.2);
        double pa = d.phiA(), pb = d.phiB();
        assertThat(d.beta()).isCloseTo(0.2, within(1e-15));
        assertThat(d.alpha()).isCloseTo((0.95 + 0.3) / (pb - pa), within(1e-12));
        assertThat(d.gamma()).isCloseTo((0.2 * 0.95 + 0.8 * -0.3) / (0.2 * pb + 0.8 * pa), within(1e-12));
        assertThat(d.couplingScale()).isCloseTo(d.alpha() / (0.2 * 0.8), within(1e-12));
        assertThat(d.gamma()).as("a = -0.3, b = 0.95: global inhibition").isNegative();
        assertThat(FiringRateDesign.independent(d.memories(), d.phi(), 0.1, 0.95, 0.2).gamma()).isPositive();
    }

    @Test
    void correlatedMemoriesHaveActivityQAndPairwiseOverlapRqN() {
        PatternSet xi = Patterns.correlated(200, 4, 0.2, 0.3);
        for (int a = 0; a < 4; a++) {
            assertThat(xi.activity(a)).isCloseTo(0.2, within(1e-12));
            for (int b = a + 1; b < 4; b++) {
                double overlap = 0;
                for (int i = 0; i < 200; i++) {
                    overlap += xi.get(i, a) * xi.get(i, b);
                }
                assertThat(overlap).isCloseTo(0.3 * 0.2 * 200, within(1e-9));
            }
        }
    }

    @Test
    void inverseIntegralIsAPrimitiveOfTheInverse() {
        for (Activation a : List.of(new Logistic(2.5, 0.3), new RectifiedTanh(3, 0.2), new Tanh(1.5),
                new ThresholdLinear(2, 0.1))) {
            for (double y = 0.05; y < 0.95; y += 0.07) {
                double h = 1e-6;
                double fd = (a.inverseIntegral(y + h) - a.inverseIntegral(y - h)) / (2 * h);
                assertThat(fd).as(a + " at " + y).isCloseTo(a.inverse(y), within(1e-6));
            }
            assertThat(a.inverseIntegral(-1.5)).isEqualTo(Double.POSITIVE_INFINITY);
        }
        assertThat(new Logistic(2, 0).inverseIntegral(0)).isFinite();
        assertThat(new RectifiedTanh(2, 0).inverseIntegral(1)).isFinite();
    }

    @Test
    void reducedEigenvalueMatchesDenseSolversOnRandomAndCorrelatedMemories() {
        for (PatternSet xi : List.of(Patterns.sparse(80, 4, 0.2, new SplittableRandom(3)),
                Patterns.correlated(100, 3, 0.2, 0.5))) {
            FiringRateDesign d = new FiringRateDesign(xi, new Logistic(3, 0.2), -0.3, 0.95, 0.2,
                    xi.kind().equals("correlated") ? 0.5 : 0.2);
            double[] x = d.rescaled(1);
            double reduced = RateStability.maxEigenvalueReduced(d, x);
            assertThat(RateStability.maxEigenvalueDenseSymmetric(d, x)).isCloseTo(reduced, within(1e-9));
            assertThat(RateStability.maxEigenvalueDenseGeneral(d, x)).isCloseTo(reduced, within(1e-9));
        }
    }

    /** Summing over the memories' distinct rows gives the per-unit reduction's eigenvalue, for any memory set. */
    @Test
    void theRowGroupedEigenvalueMatchesThePerUnitReduction() {
        SplittableRandom rng = new SplittableRandom(8);
        for (PatternSet xi : List.of(Patterns.commonCore(500, 0.2), Patterns.sparse(120, 5, 0.2, rng),
                Patterns.correlated(150, 4, 0.2, 0.5))) {
            for (var phi : List.of(new Logistic(4.8, 0.2), new RectifiedTanh(3, 0.1), new Logistic(1.2, 0.6))) {
                FiringRateDesign d = FiringRateDesign.independent(xi, phi, -0.3, 0.95, 0.2);
                double perUnit = Double.NEGATIVE_INFINITY;
                for (int mu = 0; mu < d.p(); mu++) {
                    perUnit = Math.max(perUnit, RateStability.maxEigenvalueReduced(d, d.rescaled(mu)));
                }
                assertThat(RateStability.maxEigenvalueOverMemories(d)).as(xi.kind() + " " + phi)
                        .isCloseTo(perUnit, within(1e-12));
            }
        }
    }

    /** Regression: the case the deep profile found, where the non-symmetric solver at its default epsilon was off. */
    @Test
    void generalSolverAgreesOnAJacobianWithManyZeroGains() {
        FiringRateDesign d = FiringRateDesign.independent(Patterns.commonCore(50, 0.2),
                new RectifiedTanh(3.877688, 0.12404340000000001), -0.3, 0.95, 0.2);
        double[] x = d.rescaled(0);
        assertThat(RateStability.maxEigenvalueReduced(d, x)).isCloseTo(-0.9679649367823, within(1e-12));
        assertThat(RateStability.maxEigenvalueDenseGeneral(d, x)).isCloseTo(-0.9679649367823, within(1e-12));
        assertThat(RateStability.maxEigenvalueDenseSymmetric(d, x)).isCloseTo(-0.9679649367823, within(1e-12));
    }

    @Test
    void invalidDesignsNameTheProblem() {
        PatternSet xi = Patterns.commonCore(100, 0.2);
        assertThatThrownBy(() -> FiringRateDesign.independent(xi, new Logistic(1, 0), 0.9, 0.1, 0.2))
                .hasMessageContaining("a < b");
        assertThatThrownBy(() -> FiringRateDesign.independent(xi, new RectifiedTanh(1, 0.8), -0.3, 0.5, 0.2))
                .hasMessageContaining("threshold");
    }

    /**
     * The phase diagram of theory.md (N = 1000, 30 x 30 grid, both activations, both signs of gamma): wherever an
     * analytic condition decides, it agrees with the eigenvalue; the counts are the ones the README states (1429 cells
     * decided stable by the sufficient condition, 1996 unstable by the instability expression, 175 undecided of which
     * 84 are stable and 91 unstable).
     */
    @Test
    void phaseDiagramAgreesCellByCellWhereAConditionDecides() {
        List<PhaseDiagram.Cell> cells = PhaseDiagram.compute(1000, 0.2, PhaseDiagram.rhos(PhaseDiagram.GRID),
                PhaseDiagram.thresholds(PhaseDiagram.GRID));
        assertThat(cells).hasSize(3600);
        assertThat(cells.stream().filter(c -> !c.agrees())).isEmpty();
        assertThat(cells.stream().filter(PhaseDiagram.Cell::sufficient).count()).isEqualTo(1429);
        assertThat(cells.stream().filter(c -> !c.sufficient() && c.instability() > 0).count()).isEqualTo(1996);
        assertThat(cells.stream().filter(c -> !c.decided()).count()).isEqualTo(175);
        assertThat(cells.stream().filter(c -> !c.decided() && c.stable()).count()).isEqualTo(84);
        assertThat(cells.stream().filter(c -> !c.decided() && !c.stable()).count()).isEqualTo(91);
    }

    @Test
    void designBoundsAreStrictWhereTheTheoryNeedsThem() {
        PatternSet xi = Patterns.commonCore(100, 0.2);
        Logistic phi = new Logistic(4, 0.2);
        assertThatThrownBy(() -> new FiringRateDesign(xi, phi, 0.5, 0.5, 0.2, 0.2)).hasMessageContaining("a < b");
        assertThatThrownBy(() -> new FiringRateDesign(xi, phi, -0.3, 0.9, 0, 0.2)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new FiringRateDesign(xi, phi, -0.3, 0.9, 1, 0.2)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new FiringRateDesign(xi, phi, -0.3, 0.9, 0.2, 1)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new FiringRateDesign(xi, phi, -0.3, 0.9, 0.2, -0.01)).hasMessageContaining("[0, 1)");
        assertThat(new FiringRateDesign(xi, phi, -0.3, 0.9, 0.2, 0).r()).isZero();
    }

    /** theory.md section 2: max{ q (gamma - alpha)(Phi'(b) - Phi'(a)) - (1 - Phi'(b) alpha)(1 - Phi'(a) gamma), q Phi'(b) ((1 - q) alpha + q gamma) - 1 }. */
    @Test
    void theInstabilityExpressionIsTheLargerOfItsTwoTerms() {
        PatternSet xi = Patterns.commonCore(100, 0.2);
        boolean secondWins = false, firstWins = false;
        // logistic designs (the first term decides) and a threshold-linear one with both fields just above the
        // threshold, where Phi'(a) = Phi'(b) and gamma Phi' is large: the second term decides
        Object[][] designs = {{new Logistic(1, 0.2), -0.3, 0.95}, {new Logistic(8, 0.2), 0.1, 0.95},
            {new Logistic(3, 0.5), 0.1, 1.5}, {new ThresholdLinear(2, 0.4), 0.401, 0.402}};
        for (Object[] design : designs) {
            Activation phi = (Activation) design[0];
            double a = (Double) design[1], b = (Double) design[2];
            FiringRateDesign d = FiringRateDesign.independent(xi, phi, a, b, 0.2);
            double q = 0.2, da = phi.derivative(a), db = phi.derivative(b);
            double pa = phi.value(a), pb = phi.value(b);
            double alpha = (b - a) / (pb - pa);
            double beta = q; // independent memories, r = q: beta = q ((1 - r) pa + r pb) / ((1 - q) pa + q pb) = q
            double gamma = ((1 - beta) * a + beta * b) / ((1 - q) * pa + q * pb);
            double first = q * (gamma - alpha) * (db - da) - (1 - db * alpha) * (1 - da * gamma);
            double second = q * db * ((1 - q) * alpha + q * gamma) - 1;
            assertThat(d.instabilityExpression()).as("%s a %s b %s", phi.name(), a, b)
                    .isCloseTo(Math.max(first, second), within(1e-12 * (1 + Math.abs(first) + Math.abs(second))));
            secondWins |= second > first;
            firstWins |= first > second;
        }
        assertThat(secondWins).as("a design where the second term decides").isTrue();
        assertThat(firstWins).as("a design where the first term decides").isTrue();
    }

    @Test
    void theLeadingEigenvectorIsAUnitEigenvectorOfTheJacobian() {
        FiringRateDesign d = FiringRateDesign.independent(Patterns.commonCore(50, 0.2), new Logistic(4.8, 0.2), -0.3, 0.95,
                0.2);
        double[] x = d.rescaled(0);
        double[] v = RateStability.leadingEigenvector(d, x);
        double lambda = RateStability.maxEigenvalueDenseSymmetric(d, x);
        double[] gains = RateStability.gains(d, d.couplings(), x), wv = new double[v.length];
        d.couplings().multiply(v, wv);
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            norm += v[i] * v[i];
            // (-I + D W) v = lambda v
            assertThat(-v[i] + gains[i] * wv[i]).as("row %d", i).isCloseTo(lambda * v[i], within(1e-10));
        }
        assertThat(norm).isCloseTo(1, within(1e-12));
    }
}
