package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import engram.report.BaselineDiff;
import engram.report.Report;
import engram.theorem.Theorems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code reports/baseline.json} matches this run: same claims, verdicts and metrics within their
 * catalogue tolerances. Runs last and reuses the session's results (nothing is computed twice). Only with the default
 * seed, examples and depth, which the baseline was made with.
 */
@Order(Integer.MAX_VALUE)
class BaselineMatchesTest {

    @Test
    void committedBaselineMatchesAFreshRun() throws Exception {
        assumeTrue(PropertyChecks.seed() == PropertyChecks.DEFAULT_SEED && Integer.getInteger("engram.examples", 0) == 0
                && PropertyChecks.depth() == Depth.QUICK, "baseline is for the default seed and quick depth");
        List<ClaimResult> results = new ArrayList<>();
        for (Claim<?> c : Theorems.all()) {
            results.add(TestSessionReport.result(c, PropertyChecks.seed(), PropertyChecks.examples(c)));
        }
        Report baseline = Report.read(Path.of("reports", "baseline.json"));
        BaselineDiff diff = BaselineDiff.compare(new Report(PropertyChecks.seed(), "quick", results, null), baseline);
        assertThat(diff.changes()).as("differences from reports/baseline.json (refresh it with "
                + "java -jar target/engram.jar report --update-baseline --no-history):\n" + diff.text()).isEmpty();
    }
}
