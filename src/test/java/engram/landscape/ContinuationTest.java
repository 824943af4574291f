package engram.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engram.activation.ActivationKind;
import engram.activation.Tanh;
import engram.analysis.IdpBifurcations;
import engram.analysis.RateStability;
import engram.analysis.Spectra;
import engram.analysis.SymmetricMixtures;
import engram.memory.DenseCouplings;
import engram.memory.FiringRateDesign;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.InputDriven;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import org.assertj.core.data.Offset;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/**
 * Pseudo-arclength continuation against what is known without it: the Woodbury bordered solve against a dense LU, a
 * fold and a pitchfork of the IDP network at their closed forms by both Jacobian routes (low rank and dense), natural
 * continuation stopping short of a fold, a step over a crossing branch walked back, a Hopf point of a rotating two-unit network, a branch that closes on itself,
 * and the mixture theory against the dense Jacobian of a small network.
 */
class ContinuationTest {

    static final PatternSet H = Patterns.hadamard(32, 3);

    /** u = h xi_1 with h = 0.3, alphas (3, 0.5, 0.5), tanh gain 1: the opposed state's fold in alpha_1. */
    static NetworkFamily foldFamily(boolean dense) {
        double[] u = H.pattern(0);
        for (int i = 0; i < u.length; i++) {
            u[i] *= 0.3;
        }
        LowRankCouplings w = InputDriven.couplings(H, new double[] {3, 0.5, 0.5}, false);
        NetworkFamily.Model m = NetworkFamily.Model.VOLTAGE;
        if (!dense) {
            return NetworkFamily.parametrised(m, w, ActivationKind.TANH, 1, 0, u, "alpha1");
        }
        // the same network with W formed, alpha_1 entering W densely
        return new NetworkFamily(m, 32, a -> new NetworkFamily.Network(DenseCouplings.of(InputDriven.couplings(H,
                new double[] {a, 0.5, 0.5}, false)), new Tanh(1), u));
    }

    static Continuation.Result fold(boolean dense, Continuation.Corrector corrector) {
        NetworkFamily f = foldFamily(dense);
        int[] cue = {-1};
        return ContinuationPredictions.fromCue(f, H, cue, new Continuation.Settings(3, 0.8, 0.05, 400, false, 1, corrector));
    }

    @Test
    void theWoodburyBorderedSolveMatchesADenseLu() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 30, r = 3;
        double[] delta = new double[n], f = new double[n * r], ft = new double[n * r], w = new double[r],
                left = new double[n], right = new double[n], fl = new double[n], a = new double[n], y = new double[n + 1];
        for (int i = 0; i < n; i++) {
            delta[i] = 0.5 + rng.nextDouble();
            left[i] = rng.nextGaussian();
            right[i] = rng.nextGaussian();
            fl[i] = rng.nextGaussian();
            a[i] = rng.nextGaussian();
            y[i] = rng.nextGaussian();
            for (int k = 0; k < r; k++) {
                f[i * r + k] = rng.nextGaussian() / 3;
                ft[k * n + i] = f[i * r + k];
            }
        }
        for (int k = 0; k < r; k++) {
            w[k] = rng.nextGaussian();
        }
        y[n] = 0.7;
        EquilibriumFamily.Jacobian j = new EquilibriumFamily.Jacobian(delta, new LowRankPart(r, f, ft, w, left,
                right), null, null);
        double[] dense = j.dense();
        double[][] m = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(dense, i * n, m[i], 0, n);
            m[i][n] = fl[i];
            m[n][i] = a[i];
        }
        m[n][n] = -0.4;
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(m));
        double[] expected = lu.getSolver().solve(new ArrayRealVector(y)).toArray();
        BorderedSolver.Solution s = BorderedSolver.solve(j, fl, a, -0.4, y);
        for (int i = 0; i <= n; i++) {
            assertThat(s.z()[i]).isCloseTo(expected[i], Offset.offset(1e-11 * (1 + Math.abs(expected[i]))));
        }
        assertThat(s.detSign()).isEqualTo((int) Math.signum(lu.getDeterminant()));
    }

    @Test
    void theFoldSitsAtItsClosedFormByBothJacobianRoutes() {
        double predicted = IdpBifurcations.fold(new Tanh(1), 0.3)[0];
        for (boolean dense : new boolean[] {false, true}) {
            Continuation.Result r = fold(dense, Continuation.Corrector.ARCLENGTH);
            assertThat(r.bifurcations()).as("dense " + dense).hasSize(1);
            Continuation.Bifurcation b = r.bifurcations().get(0);
            assertThat(b.kind()).isEqualTo("fold");
            assertThat(b.value()).as("dense " + dense).isCloseTo(predicted, Offset.offset(1e-10));
            // the stable outer copy above the fold, the unstable inner one after it
            assertThat(r.branches().get(0).points().get(0).stable()).isTrue();
            assertThat(r.branches().get(0).points().get(r.branches().get(0).points().size() - 1).stable()).isFalse();
        }
    }

    @Test
    void naturalParameterContinuationStopsShortOfTheFold() {
        Continuation.Result r = fold(false, Continuation.Corrector.NATURAL);
        assertThat(r.bifurcations()).isEmpty();
        assertThat(r.branches().get(0).end()).startsWith("step below");
    }

    @Test
    void theOriginBranchesAtTheBirthAndTheSwitchedBranchIsTheMemory() {
        NetworkFamily f = NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, InputDriven.couplings(H,
                new double[] {1, 0.3, 0.3}, false), ActivationKind.TANH, 2, 0, null, "alpha1");
        Continuation.Result r = Continuation.run(f, new double[32], new Continuation.Settings(0.2, 1.5, 0.02, 400, 1),
                ContinuationPredictions.amplitude(H, new int[0]));
        assertThat(r.bifurcations().get(0).kind()).isEqualTo("branch-point");
        assertThat(r.bifurcations().get(0).simple()).isTrue();
        assertThat(r.bifurcations().get(0).value()).isCloseTo(0.5, Offset.offset(1e-10));
        // both arms of the pitchfork: memory 1 and its mirror image -c xi_1 (the model is odd)
        assertThat(r.branches()).hasSize(3);
        for (int arm = 1; arm <= 2; arm++) {
            List<Continuation.Point> pts = r.branches().get(arm).points();
            Continuation.Point last = pts.get(pts.size() - 1);
            double c = last.amplitude();
            assertThat(c).isCloseTo(last.parameter() * Math.tanh(2 * c), Offset.offset(1e-11));
            assertThat(Math.signum(c)).isEqualTo(arm == 1 ? 1.0 : -1.0);
            assertThat(last.stable()).isTrue();
        }
    }

    @Test
    void aPitchforkMetAlongItsSideBranchIsABranchPointNotAFold() {
        // memory 1 (alpha_1 = 3) continued in the gain down through its birth at gain 1/3: the parameter turns there
        // (gain(c) is even in c), but the bordered determinant changes sign too, so it is the pitchfork's tip
        NetworkFamily f = NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, InputDriven.couplings(H,
                new double[] {3, 0.3, 0.3}, false), ActivationKind.TANH, 1, 0, null, "gain");
        int[] cue = {1};
        Continuation.Result r = ContinuationPredictions.fromCue(f, H, cue, new Continuation.Settings(3, 0.2, 0.03, 400, false,
                1, Continuation.Corrector.ARCLENGTH));
        Continuation.Bifurcation tip = r.bifurcations().stream().filter(b -> Math.abs(b.value() - 1.0 / 3) < 1e-6)
                .findFirst().orElseThrow();
        assertThat(tip.kind()).isEqualTo("branch-point");
        assertThat(r.bifurcations()).noneMatch(b -> b.kind().equals("fold"));
    }

    @Test
    void aRotatingPairOfUnitsHasAHopfPoint() {
        // W = [[a, -b], [b, a]]: at the origin J = -I + g W has eigenvalues -1 + g (a +- i b), crossing at g = 1/a
        double a = 0.8, b = 0.6;
        DenseCouplings w = new DenseCouplings(2, new double[] {a, -b, b, a});
        NetworkFamily f = NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, w, ActivationKind.TANH, 1, 0, null, "gain");
        Continuation.Result r = Continuation.run(f, new double[2], new Continuation.Settings(0.5, 2, 0.05, 200, 1),
                x -> Math.hypot(x[0], x[1]));
        assertThat(r.bifurcations()).hasSize(1);
        assertThat(r.bifurcations().get(0).kind()).isEqualTo("hopf");
        assertThat(r.bifurcations().get(0).value()).isCloseTo(1 / a, Offset.offset(1e-10));
    }

    @Test
    void aBranchThroughABranchPointCanCloseOnItself() {
        NetworkFamily f = NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, InputDriven.couplings(H,
                new double[] {1.2, 0.5, 0.5}, false), ActivationKind.TANH, 1, 0, null, "alpha2");
        int[] cue = {1};
        Continuation.Result r = ContinuationPredictions.fromCue(f, H, cue, new Continuation.Settings(0.5, 2.65, 0.0215, 2000,
                1));
        assertThat(r.bifurcations().get(0).value()).isCloseTo(IdpBifurcations.stabilityLoss(new Tanh(1), 1.2),
                Offset.offset(1e-10));
        assertThat(r.branches()).hasSize(2);
        assertThat(r.branches().get(1).end()).startsWith("closed loop");
    }

    /**
     * The firing-rate design redone at every slope rho (rectified tanh, threshold 0.341, a = -0.3, balanced memories,
     * N = 100): the rescaled memory is an equilibrium at every rho, and at rho = 1.4017 another branch crosses it. The
     * unguarded corrector's step of 0.0533 lands next to the crossing and continues on the other branch; the walk back
     * rejects that step, and every point stays on the designed branch.
     */
    @Test
    void aStepOverACrossingBranchIsWalkedBackAndTheBranchKept() {
        PatternSet xi = Patterns.commonCore(100, 0.2);
        double threshold = 0.9 * 11 / 29;
        DoubleFunction<FiringRateDesign> design = rho -> FiringRateDesign.independent(xi,
                ActivationKind.RECTIFIED_TANH.of(rho, threshold), -0.3, 0.95, 0.2);
        // the phase diagram's route: the reduced eigenvalue's zero
        double boundary = new BrentSolver(1e-14).solve(100, rho -> RateStability.maxEigenvalueOverMemories(
                design.apply(rho)), 1.7, 1.9);
        for (Continuation.Corrector corrector : Continuation.Corrector.values()) {
            if (corrector == Continuation.Corrector.NATURAL) {
                continue;
            }
            NetworkFamily f = new NetworkFamily(NetworkFamily.Model.RATE, 100, rho -> new NetworkFamily.Network(
                    design.apply(rho).couplings(), design.apply(rho).phi(), null));
            Continuation.Result r = Continuation.run(f, design.apply(0.2).rescaled(0), new Continuation.Settings(0.2, 5,
                    4.8 / 90, 2000, false, 1, corrector), x -> x[0]);
            double off = 0;
            for (Continuation.Point p : r.branches().get(0).points()) {
                off = Math.max(off, Math.abs(p.amplitude() - design.apply(p.parameter()).rescaled(0)[0]));
            }
            if (corrector == Continuation.Corrector.ARCLENGTH) {
                assertThat(off).isLessThan(1e-9);
                assertThat(r.bifurcations()).anySatisfy(b -> {
                    assertThat(b.stability()).isTrue();
                    assertThat(b.value()).isCloseTo(boundary, Offset.offset(1e-6));
                });
            } else {
                assertThat(off).isGreaterThan(1e-3);
            }
        }
    }

    @Test
    void theMixtureTheoryMatchesTheDenseJacobianOfASmallNetwork() {
        // Rademacher patterns, N = 16, P = 4: the 3-mixture at gain 3 by Newton on the full network
        PatternSet xi = Patterns.rademacher(16, 4);
        double g = 3;
        NetworkFamily f = NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, DenseCouplings.of(
                LowRankCouplings.hebbian(xi, false)), ActivationKind.TANH, g, 0, null, "gain");
        int[] cue = {1, 2, 3};
        Continuation.Result r = ContinuationPredictions.fromCue(f, xi, cue, new Continuation.Settings(g, g + 0.01, 0.001, 2,
                false, 1, Continuation.Corrector.ARCLENGTH));
        Continuation.Point p = r.branches().get(0).points().get(0);
        assertThat(p.amplitude()).isCloseTo(SymmetricMixtures.overlap(3, g), Offset.offset(1e-12));
        assertThat(p.leading()).isCloseTo(SymmetricMixtures.leadingEigenvalue(3, 4, g), Offset.offset(1e-12));
        // AGS 1985: the 3-mixture is stable below T_3 = 0.461
        assertThat(1 / SymmetricMixtures.stabilityGain(3, 4, 1.2, 8)).isCloseTo(0.461, Offset.offset(0.002));
        assertThat(Spectra.maxRealPart(1, new double[] {SymmetricMixtures.leadingEigenvalue(5, 5, 2)})).isPositive();
    }

    @Test
    void badSettingsAndStartsAreRefused() {
        assertThatThrownBy(() -> new Continuation.Settings(1, 1, 0.1, 10, 1)).hasMessageContaining("--from and --to");
        assertThatThrownBy(() -> new Continuation.Settings(0, 1, 0, 10, 1)).hasMessageContaining("--step");
        assertThatThrownBy(() -> new Continuation.Settings(0, 1, 0.1, 1, 1)).hasMessageContaining("--points");
        assertThatThrownBy(() -> ContinuationPredictions.parseStart("4", 3)).hasMessageContaining("--start");
        assertThatThrownBy(() -> ContinuationPredictions.parseStart("1,x", 3)).hasMessageContaining("--start");
        assertThat(ContinuationPredictions.parseStart("", 0)).isEmpty();
        assertThat(ContinuationPredictions.parseStart("-2, 3", 3)).containsExactly(-2, 3);
        assertThatThrownBy(() -> NetworkFamily.parametrised(NetworkFamily.Model.RATE, DenseCouplings.of(
                LowRankCouplings.hebbian(H, false)), ActivationKind.LOGISTIC, 1, 0, null, "gain"))
                .hasMessageContaining("rho or threshold");
        assertThatThrownBy(() -> NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, InputDriven.couplings(H,
                new double[] {1, 1, 1}, false), ActivationKind.TANH, 1, 0, null, "alpha4")).hasMessageContaining("[1, 3]");
    }
}
