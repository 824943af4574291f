package engram.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engram.activation.ActivationKind;
import engram.activation.Tanh;
import engram.memory.FiringRateDesign;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.VoltageModel;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The classifier on states whose answers are known (a memory, its negative, a symmetric mixture, the origin, a
 * random state), and the sampler on a Hebbian network at low load, where every weakly noisy cue returns and the
 * odd symmetry of tanh with u = 0 sends the negated cues to the negated memories; the rate model's cues around the
 * firing-rate design's memories.
 */
class BasinsTest {

    static final PatternSet XI = Patterns.randomBinary(200, 3, new SplittableRandom(1));

    static VoltageModel hebbian(double gain) {
        return new VoltageModel(1, LowRankCouplings.hebbian(XI, true), new Tanh(gain), Input.zero(200));
    }

    @Test
    void theClassifierNamesKnownStates() {
        double[] one = XI.pattern(0), minusTwo = XI.pattern(1), mix = new double[200], small = new double[200],
                random = new double[200];
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            minusTwo[i] = -0.9 * minusTwo[i];
            mix[i] = Math.signum(XI.get(i, 0) - XI.get(i, 1) + XI.get(i, 2)) * 0.7;
            small[i] = 1e-4 * rng.nextGaussian();
            random[i] = rng.nextGaussian();
        }
        assertThat(Basins.classify(one, XI, 3)).isEqualTo(new Basins.End(Basins.Kind.MEMORY, 1, 3));
        assertThat(Basins.classify(minusTwo, XI, 3).kind()).isEqualTo(Basins.Kind.NEGATIVE);
        assertThat(Basins.classify(minusTwo, XI, 3).pattern()).isEqualTo(2);
        assertThat(Basins.classify(mix, XI, 3).kind()).isEqualTo(Basins.Kind.MIXTURE);
        assertThat(Basins.classify(small, XI, 3).kind()).isEqualTo(Basins.Kind.ORIGIN);
        assertThat(Basins.classify(random, XI, 3).kind()).isEqualTo(Basins.Kind.SPURIOUS);
    }

    @Test
    void weakCuesReturnAndFractionsAddUp() {
        VoltageModel model = hebbian(4);
        Basins.Settings s = new Basins.Settings(new double[] {0.1, 0.3}, 10, 20, 100, 1e-6,
                Basins.step(Basins.lipschitzBound(model, 1)));
        Basins.Result r = Basins.run(model, XI, s, 3);
        assertThat(r.samples()).isEqualTo(3 * 2 * 10 + 20);
        assertThat(r.notConverged()).isZero();
        assertThat(r.attractors().stream().mapToDouble(Basins.Attractor::fraction).sum()).isCloseTo(1, org.assertj.core
                .data.Offset.offset(1e-12));
        for (Basins.Attractor a : r.attractors()) {
            assertThat(a.low()).isLessThanOrEqualTo(a.fraction());
            assertThat(a.high()).isGreaterThanOrEqualTo(a.fraction());
        }
        for (Basins.Curve c : r.curves()) {
            assertThat(c.fraction()).containsExactly(1.0, 1.0); // P / N = 0.015: noise 0.3 flips 15% of the signs
        }
    }

    @Test
    void negatedCuesGoToNegatedMemories() {
        VoltageModel model = hebbian(4);
        Basins.Settings s = new Basins.Settings(new double[0], 0, 0, 100, 1e-8, 0.4);
        SplittableRandom rng = new SplittableRandom(4);
        double[] cue = Basins.cue(XI, 1, 0.4, rng, false), negated = cue.clone();
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -negated[i];
        }
        Basins.End[] ends = Basins.ends(model, XI, List.of(cue, negated), s);
        assertThat(ends[0]).extracting(Basins.End::kind, Basins.End::pattern).containsExactly(Basins.Kind.MEMORY, 2);
        assertThat(ends[1]).extracting(Basins.End::kind, Basins.End::pattern).containsExactly(Basins.Kind.NEGATIVE, 2);
    }

    /**
     * The firing-rate design of theory.md's reference point (balanced 0/1 memories, N = 100, logistic slope 4.8,
     * threshold 0.2, a = -0.3, b = 0.95), whose rescaled memories are stable equilibria: weakly noisy 0/1 cues come
     * back to their memory; the classifier, comparing centred states, names a rescaled memory and a uniform state.
     */
    @Test
    void rateCuesReturnToTheirRescaledMemories() {
        PatternSet xi = Patterns.commonCore(100, 0.2);
        FiringRateDesign d = FiringRateDesign.independent(xi, ActivationKind.LOGISTIC.of(4.8, 0.2), -0.3, 0.95, 0.2);
        FiringRateModel model = new FiringRateModel(1, d.couplings(), d.phi(), Input.zero(100));
        Basins.Dynamics dyn = Basins.Dynamics.of(model);
        PatternSet centred = Basins.centred(xi);
        assertThat(Basins.classifyRates(d.rescaled(2), centred, 1)).isEqualTo(new Basins.End(Basins.Kind.MEMORY, 3, 1));
        double[] flat = new double[100];
        Arrays.fill(flat, 0.3);
        assertThat(Basins.classifyRates(flat, centred, 1).kind()).isEqualTo(Basins.Kind.UNIFORM);
        // a rate cue at noise 1 is a random 0/1 state: every entry 0 or 1, about half of them swapped (seeded)
        double[] cue = Basins.cue(xi, 0, 1.0, new SplittableRandom(5), true), memory = xi.pattern(0);
        int swapped = 0;
        for (int i = 0; i < 100; i++) {
            assertThat(cue[i]).isIn(0.0, 1.0);
            swapped += cue[i] != memory[i] ? 1 : 0;
        }
        assertThat(swapped).isBetween(30, 70);
        Basins.Settings s = new Basins.Settings(new double[] {0.05}, 5, 10, 200, 1e-8,
                Basins.step(Basins.lipschitzBound(dyn, 1)));
        Basins.Result r = Basins.run(dyn, xi, s, 3);
        assertThat(r.samples()).isEqualTo(6 * 5 + 10);
        assertThat(r.notConverged()).isZero();
        for (Basins.Curve c : r.curves()) {
            assertThat(c.fraction()).containsExactly(1.0);
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new Basins.Settings(new double[] {1.5}, 1, 1, 10, 1e-6, 0.1)).hasMessageContaining("--noise");
        assertThatThrownBy(() -> new Basins.Settings(new double[] {0.5}, -1, 1, 10, 1e-6, 0.1)).hasMessageContaining("out of range");
        assertThat(Basins.wilson(0, 0)).containsExactly(0, 1);
    }
}
