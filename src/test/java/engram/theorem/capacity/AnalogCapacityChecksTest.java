package engram.theorem.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import engram.activation.Tanh;
import engram.analysis.Capacity;
import engram.analysis.Scsna;
import engram.claim.Evaluation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 1: the analog capacity theory held against simulation. One simulated alpha_c(N) series is checked
 * against the SCSNA's alpha_c (holds), the theory without the reaction term (fails), and the SCSNA's value with a
 * planted error (fails where the extrapolation resolves it: 30% high, 40% low).
 */
class AnalogCapacityChecksTest {

    @Test
    void simulatedCriticalLoadsTellTheScsnaFromWrongTheories() {
        Tanh f = new Tanh(3);
        double alphaC = Scsna.criticalLoad(f, true, 1e-4);
        List<Capacity.Transition> ts = CapacityAnalogCriticalLoadClaim.measure(f, alphaC, 1);
        double tolerance = new CapacityAnalogCriticalLoadClaim().tolerance();
        Evaluation right = CapacityAnalogCriticalLoadClaim.check(ts, alphaC, tolerance, "SCSNA");
        assertThat(right.holds()).as(right.detail()).isTrue();
        double noReaction = Scsna.criticalLoad(f, false, 1e-4);
        assertThat(CapacityAnalogCriticalLoadClaim.check(ts, noReaction, tolerance, "no reaction").violates()).isTrue();
        for (double factor : new double[] {1.3, 0.6}) {
            Evaluation e = CapacityAnalogCriticalLoadClaim.check(ts, factor * alphaC, tolerance, "SCSNA x " + factor);
            assertThat(e.violates()).as(e.detail()).isTrue();
        }
    }

    @Test
    void theAnalogOverlapDecidesOnlyWhereTheWrongAnswersAreFarAndThenRejectsThem() {
        CapacityAnalogOverlapClaim claim = new CapacityAnalogOverlapClaim();
        var right = claim.evaluate(new CapacityAnalogOverlapClaim.Case(CapacityAnalogOverlapClaim.Unit.TANH, 1.5, 0.65,
                true, 3));
        var wrong = claim.evaluate(new CapacityAnalogOverlapClaim.Case(CapacityAnalogOverlapClaim.Unit.TANH, 1.5, 0.65,
                false, 3));
        assertThat(right.holds()).as(right.detail()).isTrue();
        assertThat(wrong.violates()).as(wrong.detail()).isTrue();
    }
}
