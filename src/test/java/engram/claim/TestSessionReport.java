package engram.claim;

import engram.report.ReportRun;
import engram.theorem.Theorems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Each claim's run in this test session, computed once and shared by its property test and its control test. When
 * the test plan finishes, and every registered claim ran with the default knobs, the results are written to
 * {@code reports/latest/} (report.json, summary.md, figures, index.html): {@code mvn verify} leaves the report of
 * exactly the checks the tests ran. Registered as a JUnit Platform listener in META-INF/services.
 */
public final class TestSessionReport implements TestExecutionListener {

    private static final Map<String, ClaimResult> RESULTS = new ConcurrentHashMap<>();

    static synchronized ClaimResult result(Claim<?> claim, long seed, int examples) {
        return RESULTS.computeIfAbsent(claim.id() + "@" + seed + "x" + examples, k -> ClaimRunner.run(claim, seed, examples));
    }

    @Override public void testPlanExecutionFinished(TestPlan plan) {
        long seed = PropertyChecks.seed();
        List<ClaimResult> results = new ArrayList<>();
        long wall = 0;
        for (Claim<?> c : Theorems.all()) {
            ClaimResult r = RESULTS.get(c.id() + "@" + seed + "x" + PropertyChecks.examples(c));
            if (r == null) {
                return; // a partial run (-Dtest=...): leave reports/latest alone
            }
            results.add(r);
            wall += r.millis();
        }
        if (Boolean.getBoolean("engram.noReport")) {
            return;
        }
        try {
            var report = ReportRun.withProvenance(results, seed, PropertyChecks.depth().name().toLowerCase(java.util.Locale.ROOT),
                    "all", wall);
            ReportRun.publish(Path.of("reports", "latest"), report, ReportRun.figures(seed), null, null);
            System.out.println("[engram] " + report.holds() + " of " + results.size()
                    + " claims hold; report written to reports/latest/index.html");
        } catch (Exception e) {
            System.err.println("[engram] could not write reports/latest: " + e);
        }
    }
}
