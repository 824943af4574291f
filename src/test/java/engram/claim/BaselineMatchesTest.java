package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import engram.report.BaselineDiff;
import engram.report.Report;
import engram.theorem.Theorems;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code reports/baseline.json} matches this run: same claims, verdicts and metrics within their
 * catalogue tolerances. Wall time is not compared: it measures the machine's load, not the code. Runs last and reuses the session's results (nothing is computed twice). Only with the knobs
 * the baseline was made with; otherwise it is skipped and the report written by {@link TestSessionReport} says that
 * the baseline was not checked, and why.
 */
@Order(Integer.MAX_VALUE)
class BaselineMatchesTest {

    @Test
    void committedBaselineMatchesAFreshRun() throws Exception {
        String skipped = TestSessionReport.baselineSkipped();
        assumeTrue(skipped == null, "baseline not checked: " + skipped);
        Report baseline = Report.read(TestSessionReport.BASELINE);
        BaselineDiff diff = BaselineDiff.compare(freshRun(), baseline, BaselineDiff.Slowdowns.IGNORE);
        assertThat(diff.changes()).as("differences from reports/baseline.json (refresh it with "
                + "java -jar target/engram.jar report --update-baseline --no-history):\n" + diff.text()).isEmpty();
    }

    /**
     * A machine a hundred times faster than the one that wrote the baseline (or this one a hundred times busier) changes
     * no verdict: the run still matches, and a report against that baseline shows slowdowns without a regression.
     */
    @Test
    void theVerdictDoesNotDependOnWallTime() throws Exception {
        String skipped = TestSessionReport.baselineSkipped();
        assumeTrue(skipped == null, "baseline not checked: " + skipped);
        Report committed = Report.read(TestSessionReport.BASELINE);
        List<ClaimResult> fast = new ArrayList<>();
        for (ClaimResult r : committed.results()) {
            fast.add(new ClaimResult(r.id(), r.verdict(), r.worstMargin(), r.worstMetric(), r.cases(), r.skipped(), r.seed(),
                    r.worstCase(), r.worstDetail(), r.controlCases(), r.controlCase(), r.controlDetail(),
                    r.millis() / 100));
        }
        Report hundredfold = new Report(committed.seed(), committed.depth(), fast, committed.provenance());
        Report run = freshRun();
        assertThat(BaselineDiff.compare(run, hundredfold, BaselineDiff.Slowdowns.IGNORE).changes()).isEmpty();
        assertThat(BaselineDiff.compare(run, hundredfold).regressed()).isFalse();
    }

    private static Report freshRun() {
        List<ClaimResult> results = new ArrayList<>();
        for (Claim<?> c : Theorems.all()) {
            results.add(TestSessionReport.result(c, PropertyChecks.seed(), PropertyChecks.examples(c)));
        }
        return new Report(PropertyChecks.seed(), "quick", results, null);
    }
}
