package engram.theorem;

import static org.assertj.core.api.Assertions.assertThat;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.activation.Tanh;
import engram.analysis.Convergence;
import engram.analysis.Measurements;
import engram.analysis.RateStability;
import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.ClaimResult;
import engram.claim.ClaimRunner;
import engram.claim.Evaluation;
import engram.integrate.FixedStepMethod;
import engram.integrate.RungeKutta4;
import engram.integrate.VectorField;
import engram.memory.DenseCouplings;
import engram.model.EnergyFunction;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.ExactProblem;
import engram.oracle.TestProblems;
import engram.theorem.firingrate.FrLocalStabilityClaim;
import engram.theorem.firingrate.FrRetrievalClaim;
import engram.theorem.firingrate.RetrievalExperiment;
import engram.theorem.foundation.ModelDerivativesClaim;
import engram.theorem.foundation.RatePositivityClaim;
import engram.theorem.foundation.VoltageContractionClaim;
import engram.theorem.numerics.IntegrateEulerMaruyamaOrderClaim;
import engram.theorem.numerics.IntegrateFixedStepOrderClaim;
import engram.theorem.numerics.SdeStationaryDensityClaim;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: for each class of weakness found by planting bugs, the sharpened check run on a deliberately wrong variant
 * of the simulator, built here, must find a violation (and on the right variant must not). The wrong variants stay in
 * this test: the simulator itself has none.
 */
class PlantedBugsTest {

    /** A tight contraction case: W = (k / g) v v^T, u = 0, starts +-1e-4 v. */
    private static Evaluation contraction(double kTold, double tauTold, double tauModel) {
        int n = 4;
        double g = 2, k = 0.6;
        double[] v = {0.5, -0.5, 0.5, 0.5};
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i * n + j] = k / g * v[i] * v[j];
            }
        }
        double[] x0 = new double[n], y0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = 1e-4 * v[i];
            y0[i] = -1e-4 * v[i];
        }
        VoltageModel model = new VoltageModel(tauModel, new DenseCouplings(n, w), new Tanh(g), Input.zero(n));
        return new VoltageContractionClaim().check(model, kTold, tauTold, x0, y0, true);
    }

    @Test
    void weakness1ContractionCatchesAModelThatIgnoresTauOrAHalvedLipschitzConstant() {
        assertThat(contraction(0.6, 1.5, 1.5).holds()).as("the right model").isTrue();
        assertThat(contraction(0.6, 1.5, 1.0).violates()).as("a model that ignores its tau (runs with 1)").isTrue();
        assertThat(contraction(0.3, 1.5, 1.5).violates()).as("a Lipschitz constant halved (k reported as k/2)").isTrue();
        assertThat(contraction(0.6, 1.5, 1.2).violates()).as("a tau 20% off").isTrue();
    }

    @Test
    void weakness3AStationaryDensitySampledWithANoiseAmplitude5PercentOffIsRejected() {
        SdeStationaryDensityClaim claim = new SdeStationaryDensityClaim();
        for (long seed = 1; seed <= 3; seed++) {
            double sigma = 0.9;
            assertThat(claim.check(SdeStationaryDensityClaim.sample(sigma, SdeStationaryDensityClaim.CHAINS, seed), sigma, 2)
                    .holds()).as("the right sampler, seed " + seed).isTrue();
            for (double factor : new double[] {0.95, 1.05}) {
                Evaluation e = claim.check(SdeStationaryDensityClaim.sample(factor * sigma, SdeStationaryDensityClaim.CHAINS, seed),
                        sigma, 2);
                assertThat(e.violates()).as("noise amplitude x" + factor + ", seed " + seed + ": " + e.detail()).isTrue();
            }
        }
    }

    @Test
    void weakness4AJacobianWithoutItsOneOverTauOrAWrongGradientIsCaught() {
        int n = 3;
        VoltageModel right = new VoltageModel(2.0, DenseCouplings.randomGeneral(n, 1.5, new SplittableRandom(4)),
                new Tanh(1.5), Input.constant(new double[] {0.1, -0.2, 0.3}));
        double[] x = {0.3, -0.7, 1.1};
        VectorField forgetsTau = new VectorField() {
            @Override public int dimension() { return n; }

            @Override public void evaluate(double t, double[] y, double[] dydt) { right.evaluate(t, y, dydt); }

            @Override public void jacobian(double t, double[] y, double[] jac) {
                right.jacobian(t, y, jac);
                for (int k = 0; k < jac.length; k++) {
                    jac[k] *= 2.0; // the planted bug: no division by tau
                }
            }
        };
        double tolerance = new ModelDerivativesClaim().tolerance();
        assertThat(ModelDerivativesClaim.jacobianError(right, 0.5, x)).isLessThan(tolerance);
        assertThat(ModelDerivativesClaim.jacobianError(forgetsTau, 0.5, x)).isGreaterThan(tolerance);
        // energies need symmetric W
        VoltageModel symmetric = new VoltageModel(2.0, DenseCouplings.randomSymmetric(n, 1.5, false, new SplittableRandom(4)),
                new Tanh(1.5), Input.constant(new double[] {0.1, -0.2, 0.3}));
        EnergyFunction halfGradient = new EnergyFunction() {
            @Override public double energy(double[] y) { return symmetric.energy(y); }

            @Override public void gradient(double[] y, double[] grad) {
                symmetric.gradient(y, grad);
                grad[0] *= 0.5; // the planted bug: a wrong factor in one component
            }
        };
        assertThat(ModelDerivativesClaim.gradientError(symmetric, x)).isLessThan(tolerance);
        assertThat(ModelDerivativesClaim.gradientError(halfGradient, x)).isGreaterThan(tolerance);
    }

    @Test
    void weakness5AModelThatIgnoresItsTimeConstantLeavesThePositiveOrthantUnderDrawnTau() {
        int n = 5;
        double[] w = new double[n * n];
        Arrays.fill(w, -4.0 / n); // strongly inhibitory: Phi(W r) is near 0, so Euler overshoots when h > tau
        Activation phi = ActivationKind.LOGISTIC.of(2, 0.5);
        double[] r0 = {0.9, 0.8, 0.7, 0.6, 0.5};
        double tau = 2, ratio = 0.9; // inside the hypotheses: h / tau < 1
        FiringRateModel right = new FiringRateModel(tau, new DenseCouplings(n, w), phi,
                Input.zero(n));
        FiringRateModel ignoresTau = new FiringRateModel(1.0, new DenseCouplings(n, w), phi,
                Input.zero(n));
        double tolerance = new RatePositivityClaim().tolerance("euler");
        assertThat(Measurements.invariantSetExcursion(right, tau, true, r0, true, ratio))
                .isLessThanOrEqualTo(tolerance);
        assertThat(Measurements.invariantSetExcursion(ignoresTau, tau, true, r0, true, ratio))
                .as("a model running with tau = 1 while its tau is 2").isGreaterThan(tolerance);
    }

    @Test
    void weakness6AWrongPhiDerivativeMovesTheAnalyticRoutesButNotTheFiniteDifferenceRoute() {
        int n = 4;
        DenseCouplings w = DenseCouplings.randomSymmetric(n, 2, false, new SplittableRandom(8));
        Activation phi = ActivationKind.LOGISTIC.of(3, 0.2);
        FiringRateModel model = new FiringRateModel(1.0, w, phi, Input.zero(n));
        double[] x = {0.2, 0.7, 0.4, 0.9};
        double[] field = new double[n];
        w.multiply(x, field);
        double fd = RateStability.maxEigenvalueFiniteDifference(model, x);
        double tolerance = new FrLocalStabilityClaim().tolerance("finite-difference");
        for (double wrong : new double[] {1.0, 1.02}) { // 1.02: Phi' 2% too large, as a planted bug would make it
            double[] jac = new double[n * n];
            for (int i = 0; i < n; i++) {
                double d = wrong * phi.derivative(field[i]);
                for (int j = 0; j < n; j++) {
                    jac[i * n + j] = d * w.entry(i, j) - (i == j ? 1 : 0);
                }
            }
            double analytic = Spectra.maxRealPart(n, jac);
            if (wrong == 1.0) {
                assertThat(Math.abs(analytic - fd)).as("the right derivative").isLessThan(tolerance);
            } else {
                assertThat(Math.abs(analytic - fd)).as("Phi' 2% off").isGreaterThan(tolerance);
            }
        }
    }

    /** A claim whose hypothesis cases hold and whose control cases crash or give NaN: no violation is found. */
    record Broken(boolean crashes) implements Claim<Integer> {
        @Override public String id() { return "test.broken-control"; }
        @Override public CaseSpace<Integer> hypotheses() { return d -> d.integer("k", 0, 3); }
        @Override public CaseSpace<Integer> control() { return d -> -1 - d.integer("k", 0, 3); }
        @Override public Evaluation evaluate(Integer k) {
            if (k >= 0) {
                return Evaluation.atMost(0, 1, "fine");
            }
            if (crashes) {
                throw new ArithmeticException("blow-up");
            }
            return Evaluation.atMost(Double.NaN, 1, "NaN");
        }
    }

    @Test
    void weakness7ACrashOrANanInAControlIsNotAFoundViolation() {
        for (boolean crashes : new boolean[] {true, false}) {
            ClaimResult r = ClaimRunner.run(new Broken(crashes), 1, 5);
            assertThat(r.verdict()).as(crashes ? "control cases throw" : "control cases give NaN")
                    .isEqualTo(ClaimResult.Verdict.VACUOUS);
            assertThat(r.controlDetail()).contains("not evidence");
        }
    }

    @Test
    void weakness9RetrievalCatchesANetworkThatIsAliveButWrong() {
        FrRetrievalClaim claim = new FrRetrievalClaim();
        Evaluation right = claim.evaluate(new FrRetrievalClaim.Case(2, 0, 5));
        Evaluation driven = claim.evaluate(new FrRetrievalClaim.Case(2, 0.7, 5));
        assertThat(right.holds()).as(right.detail()).isTrue();
        assertThat(driven.violates()).as(driven.detail()).isTrue();
        double activity = RetrievalExperiment.trial(2, false, 0.7, 5).finalActivity();
        assertThat(activity).as("the wrong network is alive: most units active").isGreaterThan(0.5);
    }

    @Test
    void weakness2AStageEvaluatedAtTheWrongTimeIsCaughtOnTimeDependentProblems() {
        IntegrateFixedStepOrderClaim claim = IntegrateFixedStepOrderClaim.rk4();
        // the planted bug: every stage of RK4 evaluated at the step's start time t (stage times dropped)
        RungeKutta4 rk4 = new RungeKutta4(3);
        FixedStepMethod wrongStageTime = new FixedStepMethod() {
            @Override public String name() { return "rk4 with every stage at t"; }

            @Override public int order() { return 4; }

            @Override public void step(VectorField f, double t, double[] x, double h) {
                VectorField frozen = new VectorField() {
                    @Override public int dimension() { return f.dimension(); }

                    @Override public void evaluate(double ignored, double[] y, double[] dydt) { f.evaluate(t, y, dydt); }
                };
                rk4.step(frozen, t, x, h);
            }
        };
        for (ExactProblem p : TestProblems.all()) {
            Evaluation right = claim.check(Convergence.order(new RungeKutta4(p.dimension()),
                    p, claim.firstLevel(), 7), 4, p.name());
            Evaluation wrong = claim.check(Convergence.order(wrongStageTime, p, claim.firstLevel(), 7), 4,
                    p.name());
            assertThat(right.holds()).as(right.detail()).isTrue();
            assertThat(wrong.violates()).as(wrong.detail()).isTrue();
        }
    }

    @Test
    void weakness3bTheStrongOrderCheckFollowsTheExactErrorCurveWithoutBias() {
        // the worst corner of the old slope fit (bias +0.21): the exact curve's order is 1/2, and the check holds
        IntegrateEulerMaruyamaOrderClaim strong = IntegrateEulerMaruyamaOrderClaim.strong();
        Evaluation corner = strong.evaluate(new IntegrateEulerMaruyamaOrderClaim.Case(-1, 0.3, false, 3));
        assertThat(corner.holds()).as(corner.detail()).isTrue();
        assertThat(corner.detail()).contains("as h -> 0: 0.500");
    }
}
