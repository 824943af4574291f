package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;

import engram.Engram;
import engram.theorem.Theorems;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calibrated controls: the bisection finds a known threshold, a check that detects nothing is reported as such (and
 * weak), a crash is not a detection, and every calibrated claim of the registry detects a violation no further out
 * than its own negative control draws.
 */
class SensitivityTest {

    /** A synthetic claim whose metric is the departure itself: it is violated exactly above {@code limit}. */
    record Synthetic(double limit, boolean crashes) implements Claim<Double>, Calibrated<Double> {
        @Override public String id() { return "test.synthetic"; }
        @Override public CaseSpace<Double> hypotheses() { return d -> 0.0; }
        @Override public CaseSpace<Double> control() { return d -> 1.0; }
        @Override public Evaluation evaluate(Double departure) {
            if (crashes && departure > limit) {
                throw new IllegalStateException("blow-up");
            }
            return Evaluation.atMost(departure, limit, "departure " + departure);
        }
        @Override public String departure() { return "the departure"; }
        @Override public double controlDeparture() { return 1; }
        @Override public CaseSpace<Double> at(double departure) { return d -> departure; }
    }

    @Test
    void bisectionFindsAKnownThresholdWithinOnePercent() {
        Sensitivity s = Sensitivity.of(new Synthetic(0.01, false), 1, 3);
        assertThat(s.detected()).isTrue();
        assertThat(s.below()).isFalse();
        assertThat(s.threshold()).isBetween(0.01, 0.0101);
        assertThat(s.weak()).isFalse();
        Sensitivity far = Sensitivity.of(new Synthetic(0.9, false), 1, 3);
        assertThat(far.threshold()).isBetween(0.9, 0.909);
        assertThat(far.weak()).as("detected only beyond " + Sensitivity.WEAK).isTrue();
    }

    @Test
    void aCheckThatDetectsNothingOrOnlyCrashesIsInsensitiveAndWeak() {
        Sensitivity never = Sensitivity.of(new Synthetic(100, false), 1, 3);
        assertThat(never.detected()).isFalse();
        assertThat(never.weak()).isTrue();
        assertThat(never.text()).contains("no violation up to 2");
        Sensitivity crash = Sensitivity.of(new Synthetic(0.01, true), 1, 3);
        assertThat(crash.detected()).as("an exception is not a found violation").isFalse();
    }

    @Test
    void everyCalibratedClaimDetectsNoFurtherOutThanItsControlDraws() {
        List<Claim<?>> calibrated = Theorems.all().stream().filter(c -> c instanceof Calibrated<?>).toList();
        assertThat(calibrated).hasSizeGreaterThanOrEqualTo(9);
        for (Claim<?> c : calibrated) {
            Sensitivity s = Sensitivity.of(c, Engram.DEFAULT_SEED, 6);
            assertThat(s.detected()).as(c.id() + ": " + s.detail()).isTrue();
            assertThat(s.threshold()).as(c.id() + " detects from " + s.text() + ", its control draws from "
                    + s.controlDeparture()).isLessThanOrEqualTo(s.controlDeparture());
        }
    }
}
