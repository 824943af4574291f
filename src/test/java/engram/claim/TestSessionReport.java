package engram.claim;

import engram.Engram;
import engram.report.Baseline;
import engram.report.BaselineDiff;
import engram.report.Report;
import engram.report.ReportRun;
import engram.theorem.Theorems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Each claim's run in this test session, computed once and shared by its property test, its control test and the
 * baseline test. When the test plan finishes, and every registered claim ran, the results are written to
 * {@code reports/latest/} (report.json, summary.md, figures, index.html), compared with the committed baseline when
 * the run used its knobs, and otherwise saying why the baseline was not checked: {@code mvn verify} leaves the report
 * of exactly the checks the tests ran. Registered as a JUnit Platform listener in META-INF/services.
 */
public final class TestSessionReport implements TestExecutionListener {

    /** The committed baseline. */
    public static final Path BASELINE = Path.of("reports", "baseline.json");

    private static final Map<String, ClaimResult> RESULTS = new ConcurrentHashMap<>();

    static synchronized ClaimResult result(Claim<?> claim, long seed, int examples) {
        return RESULTS.computeIfAbsent(claim.id() + "@" + seed + "x" + examples, k -> ClaimRunner.run(claim, seed, examples));
    }

    /** Why the committed baseline is not checked in this run, or null when it is. */
    public static String baselineSkipped() {
        if (PropertyChecks.defaultKnobs()) {
            return Files.exists(BASELINE) ? null : BASELINE + " does not exist";
        }
        return "the committed baseline is for seed " + Engram.DEFAULT_SEED + " at quick depth with each claim's "
                + "own number of cases; this run used seed " + PropertyChecks.seed() + ", depth "
                + PropertyChecks.depth().name().toLowerCase(Locale.ROOT)
                + (PropertyChecks.forcedExamples() > 0 ? ", " + PropertyChecks.forcedExamples() + " cases per claim" : "");
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
            var report = ReportRun.withProvenance(results, seed, PropertyChecks.depth().name().toLowerCase(Locale.ROOT),
                    "all", wall);
            String skipped = baselineSkipped();
            Baseline baseline = skipped == null ? Baseline.of(Report.read(BASELINE), BASELINE.toString())
                    : Baseline.none(skipped);
            ReportRun.publish(Path.of("reports", "latest"), report, ReportRun.figures(Theorems.families(), seed), baseline,
                    null, Theorems.all(), BaselineDiff.Slowdowns.INFORM);
            System.out.println("[engram] " + report.holds() + " of " + results.size()
                    + " claims hold; report written to reports/latest/index.html"
                    + (skipped == null ? "" : "; baseline not checked: " + skipped));
        } catch (Exception e) {
            System.err.println("[engram] could not write reports/latest: " + e);
        }
    }
}
