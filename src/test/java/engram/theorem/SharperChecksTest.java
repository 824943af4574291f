package engram.theorem;

import static org.assertj.core.api.Assertions.assertThat;

import engram.activation.ActivationKind;
import engram.analysis.MemoryLearning;
import engram.analysis.RandomMatrices.Entries;
import engram.analysis.Scsna;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.memory.LowRankCouplings;
import engram.memory.Patterns;
import engram.model.DiscreteHopfield;
import engram.model.MemoryDynamics;
import engram.oracle.Oracle;
import engram.theorem.capacity.CapacityMcelieceClaim;
import engram.theorem.capacity.CapacityScsnaRoutesClaim;
import engram.theorem.foundation.DiscreteEnergyMonotoneClaim;
import engram.theorem.inputdriven.IdpEnergyOrderingClaim;
import engram.theorem.lagrangian.MemoryCosineTrajectoryClaim;
import engram.theorem.lagrangian.MemoryHebbianLimitClaim;
import engram.theorem.lagrangian.SpectrumHyperbolicityClaim;
import engram.theorem.lagrangian.SpectrumMarchenkoPasturClaim;
import engram.theorem.numerics.OracleAccuracyClaim;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: for each weakness of the newer families, the plausible wrong variant (a formula, a normalisation, a
 * quadrature, a factor) is planted here and the sharpened check must find a violation, while the right variant holds
 * on the same case. The analog capacity items live in {@code engram.theorem.capacity.AnalogCapacityChecksTest}, which
 * needs package access to reuse one simulation for several predictions.
 */
class SharperChecksTest {

    private static void rightHoldsWrongFails(Evaluation right, Evaluation wrong, String what) {
        assertThat(right.holds()).as("the right variant: " + right.detail()).isTrue();
        assertThat(wrong.violates()).as(what + ": " + wrong.detail()).isTrue();
    }

    @Test
    void item2TheScsnaSplitOnlyAtZeroMissesHardTanhsKinks() {
        CapacityScsnaRoutesClaim claim = new CapacityScsnaRoutesClaim();
        for (double gain : new double[] {5, 6.5}) {
            rightHoldsWrongFails(
                    claim.evaluate(new CapacityScsnaRoutesClaim.Case(CapacityScsnaRoutesClaim.Unit.HARD_TANH, gain, 0.6,
                            Scsna.Quadrature.SPLIT_AT_KINKS)),
                    claim.evaluate(new CapacityScsnaRoutesClaim.Case(CapacityScsnaRoutesClaim.Unit.HARD_TANH, gain, 0.6,
                            Scsna.Quadrature.SPLIT_AT_ZERO_ONLY)),
                    "hard-tanh gain " + gain + ", quadrature split at h = 0 only");
        }
    }

    @Test
    void item3BothHalvesOfTheEnergyOrderingHaveAControlThatBreaksThem() {
        IdpEnergyOrderingClaim claim = new IdpEnergyOrderingClaim();
        double[] concave = {1.5, 2.5, 4};
        rightHoldsWrongFails(claim.evaluate(new IdpEnergyOrderingClaim.Case(16, ActivationKind.TANH, 2, concave, true,
                        false)),
                claim.evaluate(new IdpEnergyOrderingClaim.Case(16, ActivationKind.TANH, 2, concave, true, true)),
                "energies with W(u)'s diagonal removed");
        double[] sinh = {0.3, 0.5, 0.8};
        rightHoldsWrongFails(claim.evaluate(new IdpEnergyOrderingClaim.Case(16, ActivationKind.SINH, 1, sinh, false,
                        false)),
                claim.evaluate(new IdpEnergyOrderingClaim.Case(16, ActivationKind.SINH, 1, sinh, true, false)),
                "the amplitude ordering asserted for convex sinh");
    }

    @Test
    void item4AMatrixNormalised2PercentOffFailsTheMarchenkoPasturMoments() {
        SpectrumMarchenkoPasturClaim claim = new SpectrumMarchenkoPasturClaim();
        for (long seed = 1; seed <= 2; seed++) {
            for (double c : new double[] {0.4, 2.5}) {
                Entries entries = seed == 1 ? Entries.GAUSSIAN : Entries.RADEMACHER;
                int n0 = c > 1 ? 25 : 50;
                rightHoldsWrongFails(claim.evaluate(new SpectrumMarchenkoPasturClaim.Case(c, n0, entries, 1, seed)),
                        claim.evaluate(new SpectrumMarchenkoPasturClaim.Case(c, n0, entries, 1.02, seed)),
                        "normalisation 1.02, c " + c + ", seed " + seed);
            }
        }
    }

    @Test
    void item5TheWrongEdgeOnePlusCSquaredOverCIsResolved() {
        SpectrumHyperbolicityClaim claim = new SpectrumHyperbolicityClaim();
        for (double c : new double[] {0.2, 0.45}) {
            // (1 + c)^2 / c against Marchenko-Pastur's (1 + sqrt c)^2
            double wrong = (1 + c) * (1 + c) / c / ((1 + Math.sqrt(c)) * (1 + Math.sqrt(c)));
            for (boolean above : new boolean[] {false, true}) {
                assertThat(claim.evaluate(new SpectrumHyperbolicityClaim.Case(1000, c, SpectrumHyperbolicityClaim.Edge.UPPER,
                        above, 0.02, 1, false, 11)).holds()).as("right edge, c " + c + ", above " + above).isTrue();
            }
            Evaluation planted = claim.evaluate(new SpectrumHyperbolicityClaim.Case(1000, c,
                    SpectrumHyperbolicityClaim.Edge.UPPER, true, 0.02, wrong, false, 11));
            assertThat(planted.violates()).as("edge (1 + c)^2 / c at c " + c + ": " + planted.detail()).isTrue();
            // an edge only 10% off is resolved too: the band is a few per cent wide at these sizes
            Evaluation near = claim.evaluate(new SpectrumHyperbolicityClaim.Case(1000, c,
                    SpectrumHyperbolicityClaim.Edge.UPPER, true, 0.02, 1.1, false, 11));
            assertThat(near.violates()).as("edge 10% high at c " + c + ": " + near.detail()).isTrue();
        }
    }

    /** |cos - s(t)| over every step with the theory's time constant scaled by {@code factor}. */
    private static double cosineDeviation(MemoryLearning.Run r, MemoryLearning.Settings s, double factor) {
        double worst = 0;
        for (int mu = 0; mu < r.cosine().length; mu++) {
            for (int k = 0; k < r.times().length; k++) {
                double th = MemoryDynamics.theoryCosine(r.times()[k], factor * s.tauMu(), r.initialCosine()[mu]);
                worst = Math.max(worst, Math.abs(r.cosine()[mu][k] - th));
            }
        }
        return worst;
    }

    @Test
    void item6ATimeConstantTwiceTooLongFailsTheEqualNormTrajectory() {
        double allowed = new MemoryCosineTrajectoryClaim().tolerance("equal-norms");
        for (long seed = 1; seed <= 3; seed++) {
            MemoryLearning.Settings s = new MemoryLearning.Settings(50, 4, 150, 2, 0.4, 1200, true);
            MemoryLearning.Run r = MemoryLearning.run(s, seed, false, null, 1);
            assertThat(cosineDeviation(r, s, 1) * s.tau()).as("tau_mu right, seed " + seed).isLessThan(allowed);
            for (double factor : new double[] {0.5, 2}) {
                assertThat(cosineDeviation(r, s, factor) * s.tau()).as("tau_mu x " + factor + ", seed " + seed)
                        .isGreaterThan(5 * allowed);
            }
        }
    }

    @Test
    void item6ASoftmaxTemperatureOffByTwoOrABiasIgnoredFailsTheHebbianLimit() {
        MemoryHebbianLimitClaim claim = new MemoryHebbianLimitClaim();
        double allowed = claim.tolerance();
        for (long seed = 1; seed <= 2; seed++) {
            int nv = 40, nh = 4;
            double tau = 400, betaNv = 5;
            int steps = nh * (int) Math.round(claim.tolerance("time-constants") * tau);
            var s = new MemoryLearning.Settings(nv, nh, tau, betaNv / nv, 0.5, steps);
            double[] lambda = Vectors.gaussian(nv * nh, 0.7, new SplittableRandom(seed + 3));
            MemoryLearning.Run r = MemoryLearning.run(s, seed, false, lambda, steps);
            double right = gap(r.memories(), MemoryLearning.softCentroids(r.memories(), r.targets(), lambda, nh, nv,
                    s.beta())) * tau;
            double hotter = gap(r.memories(), MemoryLearning.softCentroids(r.memories(), r.targets(), lambda, nh, nv,
                    2 * s.beta())) * tau;
            double colder = gap(r.memories(), MemoryLearning.softCentroids(r.memories(), r.targets(), lambda, nh, nv,
                    s.beta() / 2)) * tau;
            double noBias = gap(r.memories(), MemoryLearning.softCentroids(r.memories(), r.targets(), new double[nv * nh],
                    nh, nv, s.beta())) * tau;
            assertThat(right).as("the softmax-weighted centroids, seed " + seed).isLessThan(allowed);
            assertThat(Math.min(hotter, Math.min(colder, noBias))).as("2 beta " + hotter + ", beta / 2 " + colder
                    + ", Lambda ignored " + noBias + ", seed " + seed)
                    .isGreaterThan(2 * allowed);
        }
    }

    private static double gap(double[] x, double[] predicted) {
        double num = 0, den = 0;
        for (int k = 0; k < x.length; k++) {
            num += (x[k] - predicted[k]) * (x[k] - predicted[k]);
            den += predicted[k] * predicted[k];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void item7AUnitInstabilityProbability4PercentOffFailsMcEliece() {
        CapacityMcelieceClaim claim = new CapacityMcelieceClaim();
        for (long seed = 1; seed <= 2; seed++) {
            rightHoldsWrongFails(claim.evaluate(new CapacityMcelieceClaim.Case(120, 0.12, 0.25, 4, 1, seed)),
                    claim.evaluate(new CapacityMcelieceClaim.Case(120, 0.12, 0.25, 4, 1.04, seed)),
                    "probability x 1.04, seed " + seed);
            assertThat(claim.evaluate(new CapacityMcelieceClaim.Case(120, 0.12, 0.25, 4, 0.96, seed)).violates())
                    .as("probability x 0.96, seed " + seed).isTrue();
        }
    }

    @Test
    void item8ADiscreteEnergyWithAWrongFactorOrSignFailsItsDefinition() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 40;
        var w = LowRankCouplings.hebbian(Patterns.randomBinary(n, 3, rng), true);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextBoolean() ? 1 : -1;
        }
        double[] start = s.clone();
        DiscreteHopfield.Run run = new DiscreteHopfield(w).run(s, rng, 100);
        assertThat(run.flips()).isPositive();
        DiscreteEnergyMonotoneClaim claim = new DiscreteEnergyMonotoneClaim();
        double tol = claim.tolerance(), def = claim.tolerance("definition");
        assertThat(DiscreteEnergyMonotoneClaim.check(w, start, run, tol, def).holds()).as("the reported energies").isTrue();
        for (double factor : new double[] {2, 0.5, 1.01}) {
            double[] e = Arrays.stream(run.energies()).map(x -> factor * x).toArray();
            DiscreteHopfield.Run planted = new DiscreteHopfield.Run(run.flips(), run.sweeps(), run.converged(), e,
                    run.flippedUnits());
            Evaluation ev = DiscreteEnergyMonotoneClaim.check(w, start, planted, tol, def);
            assertThat(ev.violates()).as("energies x " + factor + " (still descending): " + ev.detail()).isTrue();
        }
    }

    @Test
    void item8TheOracleAtItsDefaultToleranceIsCheckedAndALooseOneFails() {
        OracleAccuracyClaim claim = new OracleAccuracyClaim();
        for (long seed = 1; seed <= 2; seed++) {
            rightHoldsWrongFails(claim.evaluate(new OracleAccuracyClaim.Case(false, 4, 2, 3, Oracle.DEFAULT_TOLERANCE, seed)),
                    claim.evaluate(new OracleAccuracyClaim.Case(false, 4, 2, 3, 3e-3, seed)),
                    "an oracle at tolerance 3e-3, seed " + seed);
        }
    }
}
