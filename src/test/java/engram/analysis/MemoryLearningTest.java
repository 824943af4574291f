package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.model.MemoryDynamics;
import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The memory-learning run's bookkeeping against its definitions: the sampled times and cosines, the theory curve,
 * the round-robin presentation count, the exact one-hot decay (the distance to the targets shrinks by
 * {@code (1 - 1/tau)^k} after k presentations when the softmax is one-hot), the time-constant error and the
 * Hebbian gap.
 */
class MemoryLearningTest {

    @Test
    void aOneHotRunDecaysExactlyAndRecordsWhatItSampled() {
        MemoryLearning.Settings s = new MemoryLearning.Settings(40, 3, 20, 50, 0.3, 120);
        assertThat(s.tauMu()).isEqualTo(60.0);
        for (boolean ode : new boolean[] {false, true}) {
            MemoryLearning.Run r = MemoryLearning.run(s, 7, ode, null, 10);
            assertThat(r.times()).hasSize(13);
            for (int k = 0; k < 13; k++) {
                assertThat(r.times()[k]).isEqualTo(10.0 * k);
            }
            for (int mu = 0; mu < 3; mu++) {
                assertThat(r.cosine()[mu][0]).isEqualTo(r.initialCosine()[mu]);
                assertThat(r.theory()[mu][0]).isEqualTo(r.initialCosine()[mu]);
                assertThat(r.cosine()[mu][12]).isEqualTo(r.finalCosine()[mu]);
                for (int k = 1; k < 13; k++) {
                    assertThat(r.theory()[mu][k]).isCloseTo(MemoryDynamics.theoryCosine(10.0 * k, 60, r.initialCosine()[mu]),
                            within(1e-15));
                    assertThat(r.cosine()[mu][k]).isGreaterThan(r.cosine()[mu][k - 1]);
                }
                assertThat(r.initialCosine()[mu]).isLessThan(1).isGreaterThan(0.5);
            }
            // one-hot: every memory has been presented 40 times, so each distance shrank by the same e_40
            double e = ode ? Math.exp(-40.0 / 20) : Math.pow(1 - 1.0 / 20, 40);
            assertThat(r.exactDeviation()).as("one-hot exact solution, ode=" + ode).isLessThan(1e-8);
            assertThat(r.distanceRatio()).isCloseTo(e, within(1e-8));
            double exactDecay = -40 * Math.log(ode ? Math.exp(-1.0 / 20) : 1 - 1.0 / 20);
            assertThat(r.timeConstantError()).isCloseTo(Math.abs(120 / 60.0 - exactDecay) / exactDecay, within(1e-12));
            assertThat(r.maxDeviation()).isPositive().isLessThan(0.05);
            assertThat(r.hebbianError()).isPositive().isLessThan(1);
        }
        // a synaptic bias moves the fixed point away from the targets: the distance no longer shrinks exactly by e
        double[] lambda = new double[3 * 40];
        Arrays.fill(lambda, 0.5);
        MemoryLearning.Run biased = MemoryLearning.run(s, 7, false, lambda, 10);
        assertThat(biased.exactDeviation()).isGreaterThan(1e-3);
    }

    @Test
    void presentationsAreRoundRobinAndTheHebbianGapIsRelative() {
        // steps 0..t, memory mu presented at steps mu, mu + nh, ...
        assertThat(MemoryLearning.presentations(0, 0, 3)).isEqualTo(1);
        assertThat(MemoryLearning.presentations(0, 1, 3)).isZero();
        assertThat(MemoryLearning.presentations(1, 1, 3)).isEqualTo(1);
        assertThat(MemoryLearning.presentations(2, 0, 3)).isEqualTo(1);
        assertThat(MemoryLearning.presentations(3, 0, 3)).isEqualTo(2);
        assertThat(MemoryLearning.presentations(7, 2, 3)).isEqualTo(2);
        assertThat(MemoryLearning.presentations(8, 2, 3)).isEqualTo(3);
        double[] t = {1, 2, 0, -1, 3, 1};         // 2 memories of 3 units
        assertThat(MemoryLearning.hebbianGap(t, t, 2, 3)).isZero();
        double[] scaled = t.clone();
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] *= Math.sqrt(2);
        }
        // Xi^T Xi = 2 T^T T: the gap is exactly 1
        assertThat(MemoryLearning.hebbianGap(scaled, t, 2, 3)).isCloseTo(1, within(1e-12));
        double[] flipped = t.clone();
        for (int k = 0; k < 3; k++) {
            flipped[k] = -flipped[k];
        }
        assertThat(MemoryLearning.hebbianGap(flipped, t, 2, 3)).as("J is blind to a memory's sign").isCloseTo(0,
                within(1e-15));
    }

    @Test
    void settingsAreValidated() {
        assertThat(MemoryLearning.Settings.FIGURE_1.tauMu()).isEqualTo(1000.0);
        int[][] bad = {{0, 1}, {5, 0}, {3, 4}};
        for (int[] b : bad) {
            assertThatThrownBy(() -> new MemoryLearning.Settings(b[0], b[1], 10, 1, 0.1, 10))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new MemoryLearning.Settings(5, 2, 1, 1, 0.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryLearning.Settings(5, 2, 10, -1, 0.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryLearning.Settings(5, 2, 10, 1, -0.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryLearning.Settings(5, 2, 10, 1, 0.1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new MemoryLearning.Settings(2, 2, 1.5, 0, 0, 1).nh()).isEqualTo(2);
    }

    @Test
    void settingsAcceptTheirEdgesAndRefuseJustBeyond() {
        assertThat(new MemoryLearning.Settings(3, 3, 1.5, 0, 0, 1).tauMu()).isEqualTo(4.5);
        assertThat(new MemoryLearning.Settings(1, 1, 2, 0, 0, 1).nv()).isEqualTo(1);
        Assertions.assertThatThrownBy(() -> new MemoryLearning.Settings(3, 4, 2, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        Assertions.assertThatThrownBy(() -> new MemoryLearning.Settings(3, 3, 1, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        Assertions.assertThatThrownBy(() -> new MemoryLearning.Settings(3, 0, 2, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
