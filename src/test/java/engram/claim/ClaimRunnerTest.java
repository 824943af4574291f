package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's bookkeeping: uninformative cases are skipped and counted, never counted as evidence. */
class ClaimRunnerTest {

    /** A toy claim: cases x in [0, 1]; those below {@code cut} measure nothing; the rest hold with margin x. */
    private record Toy(double cut) implements Claim<Double> {
        @Override public String id() { return "toy"; }

        @Override public CaseSpace<Double> hypotheses() { return d -> d.real("x", 0, 1); }

        @Override public CaseSpace<Double> control() { return d -> -d.real("x", 0, 1); }

        @Override public Evaluation evaluate(Double x) {
            return x >= 0 && x < cut ? Evaluation.uninformative("x below " + cut) : new Evaluation(x, x, "x = " + x);
        }
    }

    @Test
    void aClaimWhoseCasesAreAllUninformativeIsInconclusiveNotHolds() {
        ClaimResult r = ClaimRunner.run(new Toy(2), 1, 20);
        assertThat(r.skipped()).isEqualTo(r.cases()).isPositive();
        assertThat(r.verdict()).isEqualTo(ClaimResult.Verdict.INCONCLUSIVE);
    }

    @Test
    void aRunEvaluatesExactlyTheNumberOfCasesAskedFor() {
        for (int cases : new int[] {1, 2, 3, 4, 10, 40}) {
            assertThat(ClaimRunner.run(new Toy(0), 1, cases).cases()).as("asked for " + cases).isEqualTo(cases);
        }
        assertThat(new Toy(0).examples()).isEqualTo(Depth.QUICK.examples(new Toy(0)));
    }

    @Test
    void skippedCasesAreCountedAndDoNotSetTheWorstMargin() {
        ClaimResult r = ClaimRunner.run(new Toy(0.1), 1, 40);
        assertThat(r.skipped()).isBetween(1, r.cases() / 4);
        assertThat(r.worstMargin()).isGreaterThanOrEqualTo(0.1);
        assertThat(r.verdict()).isEqualTo(ClaimResult.Verdict.HOLDS);
        assertThat(ClaimRunner.run(new Toy(0.5), 1, 40).verdict()).as("half the cases uninformative")
                .isEqualTo(ClaimResult.Verdict.INCONCLUSIVE);
    }

    @Test
    void anUninformativeControlCaseIsNotAViolation() {
        assertThat(ClaimRunner.searchControl(new Claim<Double>() {
            @Override public String id() { return "toy"; }

            @Override public CaseSpace<Double> hypotheses() { return d -> 0.0; }

            @Override public CaseSpace<Double> control() { return d -> d.real("x", 0, 1); }

            @Override public Evaluation evaluate(Double x) { return Evaluation.uninformative("nothing measured"); }
        }, 1).found()).isFalse();
    }

    @Test
    void caseRangesAreReadBackFromTheNamedDraws() {
        assertThat(CaseRanges.describe(d -> d.integer("N", 2, 12) + d.real("gain", 0.5, 4)
                + (d.choice("psi", List.of("tanh", "logistic")).length())))
                .containsExactly("N in [2, 12]", "gain in [0.5, 4]", "psi in {tanh, logistic}");
    }
}
