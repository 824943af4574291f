package engram.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.activation.ActivationKind;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.kernel.Norms;
import engram.memory.DenseCouplings;
import engram.model.FiringRateModel;
import engram.model.Input;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Hipparchus oracles' sampling and arguments, and the closed-form test problems themselves. */
class OracleTest {

    @Test
    void bothOraclesSolveTheTestProblemsFromTheirNonZeroStarts() {
        for (ExactProblem p : TestProblems.all()) {
            for (Oracle o : new Oracle[] {Oracle.dp853(), Oracle.gbs()}) {
                double[] x = o.solve(p, p.t0(), p.x0(), p.t1());
                assertThat(Norms.maxAbsDiff(x, p.exact(p.t1()))).as(o.method() + " on " + p).isLessThan(1e-9);
            }
            assertThat(Norms.maxAbsDiff(p.exact(p.t0()), p.x0())).as(p + " starts at x0").isLessThan(1e-15);
        }
        assertThat(Oracle.gbs().method()).isEqualTo(Oracle.Method.GBS);
        assertThat(Oracle.dp853().tolerance()).isEqualTo(Oracle.DEFAULT_TOLERANCE);
    }

    /**
     * The deep run's seed-2 case: a rectified-tanh network long at rest at T = 39.6, where GBS's interpolation-error
     * control, fed rounding noise, rejected its short last step until the step floor was reached. Without dense output
     * it reaches t1 and agrees with DP853.
     */
    @Test
    void gbsReachesTheEndOfAnIntervalOnWhichTheNetworkIsAtRest() {
        int n = 5;
        var rng = new SplittableRandom(844309448L);
        var model = new FiringRateModel(1.0, DenseCouplings.randomGeneral(n, 1.5, rng),
                ActivationKind.RECTIFIED_TANH.of(2.2395225, 0.1),
                Input.constant(Vectors.gaussian(n, 0.5, rng)));
        double[] r0 = Vectors.uniform(n, 0, 1, rng);
        double[] gbs = Oracle.gbs().solve(model, 0, r0, 39.614617);
        assertThat(Norms.maxAbsDiff(gbs, Oracle.dp853().solve(model, 0, r0, 39.614617))).isLessThan(1e-10);
    }

    @Test
    void samplesLieOnTheGridFromANonZeroStartAndEndAtT1() {
        ExactProblem p = TestProblems.all().get(0);
        Trajectory on = Oracle.dp853().sample(p, 0.5, p.x0(), 1.5, 0.1);
        assertThat(on.size()).isEqualTo(11);
        for (int k = 0; k < on.size(); k++) {
            assertThat(on.time(k)).isCloseTo(0.5 + 0.1 * k, within(1e-12));
            assertThat(Norms.maxAbsDiff(on.state(k), p.exact(on.time(k)))).isLessThan(1e-9);
        }
        // t1 off the grid: the grid up to 1.4, then t1 itself
        Trajectory off = Oracle.dp853().sample(p, 0.5, p.x0(), 1.45, 0.1);
        assertThat(off.size()).isEqualTo(11);
        assertThat(off.time(9)).isCloseTo(1.4, within(1e-12));
        assertThat(off.time(10)).isEqualTo(1.45);
        assertThat(Norms.maxAbsDiff(off.last(), p.exact(1.45))).isLessThan(1e-9);
    }

    @Test
    void badArgumentsAreRefused() {
        ExactProblem p = TestProblems.all().get(0);
        assertThatThrownBy(() -> new Oracle(Oracle.Method.DP853, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Oracle.dp853().sample(p, 0.5, p.x0(), 1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TestProblems.gaussianDecay(-1, new double[] {1}, 0).t1()).as("t1 = 0 is still non-expansive").isZero();
        assertThatThrownBy(() -> TestProblems.gaussianDecay(-1, new double[] {1}, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestProblems.named("nonsense")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemsAreFoundByTheirNames() {
        for (ExactProblem p : TestProblems.all()) {
            assertThat(TestProblems.named(p.name()).toString()).isEqualTo(p.toString());
            assertThat(p.toString()).contains(p.name());
        }
        assertThat(TestProblems.all()).extracting(ExactProblem::name).containsExactly("forced-decay", "rotation", "gaussian");
    }
}
