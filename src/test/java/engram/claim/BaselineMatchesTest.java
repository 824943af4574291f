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
 * catalogue tolerances. Runs last and reuses the session's results (nothing is computed twice). Only with the knobs
 * the baseline was made with; otherwise it is skipped and the report written by {@link TestSessionReport} says that
 * the baseline was not checked, and why.
 */
@Order(Integer.MAX_VALUE)
class BaselineMatchesTest {

    @Test
    void committedBaselineMatchesAFreshRun() throws Exception {
        String skipped = TestSessionReport.baselineSkipped();
        assumeTrue(skipped == null, "baseline not checked: " + skipped);
        List<ClaimResult> results = new ArrayList<>();
        for (Claim<?> c : Theorems.all()) {
            results.add(TestSessionReport.result(c, PropertyChecks.seed(), PropertyChecks.examples(c)));
        }
        Report baseline = Report.read(TestSessionReport.BASELINE);
        BaselineDiff diff = BaselineDiff.compare(new Report(PropertyChecks.seed(), "quick", results, null), baseline);
        assertThat(diff.changes()).as("differences from reports/baseline.json (refresh it with "
                + "java -jar target/engram.jar report --update-baseline --no-history):\n" + diff.text()).isEmpty();
    }
}
