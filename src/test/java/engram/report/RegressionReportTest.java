package engram.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engram.claim.Claim;
import engram.claim.ClaimResult;
import engram.claim.Depth;
import engram.claim.Sensitivity;
import engram.theorem.Theorems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines, diffs, determinism, sharding and atomic writes (issue: regression reports). */
class RegressionReportTest {

    /** A fast subset of claims. */
    private static final List<Claim<?>> FAST = Theorems.all().stream()
            .filter(c -> List.of("discrete.energy-monotone", "rate.positivity", "integrate.euler-order",
                    "integrate.rk4-order", "fr.equilibrium", "fr.sign-structure").contains(c.id()))
            .toList();

    private static Report run(long seed) {
        return ReportRun.run(FAST, seed, Depth.QUICK, Shard.ALL, line -> { });
    }

    private static ClaimResult with(ClaimResult r, ClaimResult.Verdict verdict, double margin, double metric) {
        return new ClaimResult(r.id(), verdict, margin, metric, r.cases(), r.skipped(), r.seed(), r.worstCase(), r.worstDetail(),
                r.controlCases(), r.controlCase(), r.controlDetail(), r.millis());
    }

    @Test
    void identicalRunsShowNoDifferenceAndReportJsonIsByteIdenticalOutsideProvenance() {
        Report a = run(7), b = run(7);
        assertThat(BaselineDiff.compare(a, b).empty()).isTrue();
        assertThat(JsonFormat.pretty(a.body())).isEqualTo(JsonFormat.pretty(b.body()));
        assertThat(a.toJsonText()).contains("\"provenance\"");
        assertThat(JsonFormat.pretty(a.body())).doesNotContain("millis").doesNotContain("commit");
    }

    @Test
    void injectedRegressionsAreDetected() {
        Report base = run(7);
        List<ClaimResult> changed = new ArrayList<>(base.results());
        ClaimResult euler = changed.get(2);
        changed.set(2, with(euler, euler.verdict(), euler.worstMargin() - 0.2, euler.worstMetric() + 0.2));
        ClaimResult disc = changed.get(0);
        changed.set(0, with(disc, ClaimResult.Verdict.FAILS, disc.worstMargin(), disc.worstMetric()));
        changed.remove(changed.size() - 1);
        BaselineDiff diff = BaselineDiff.compare(new Report(7, "quick", changed, null), base);
        assertThat(diff.regressed()).isTrue();
        assertThat(diff.changes()).extracting(BaselineDiff.Change::kind).contains("worse", "verdict", "removed");
        assertThat(diff.text()).contains("REGRESSION integrate.euler-order").contains("verdict HOLDS -> FAILS")
                .contains("REGRESSION fr.sign-structure: claim missing");
        List<ClaimResult> better = new ArrayList<>(base.results());
        better.set(2, with(euler, euler.verdict(), euler.worstMargin() + 0.2, euler.worstMetric() - 0.2));
        BaselineDiff improvement = BaselineDiff.compare(new Report(7, "quick", better, null), base);
        assertThat(improvement.regressed()).isFalse();
        assertThat(improvement.changes()).extracting(BaselineDiff.Change::kind).containsExactly("better", "better");
    }

    @Test
    void changesWithinTheCatalogueToleranceAreNotReported() {
        Report base = run(7);
        List<ClaimResult> nudged = new ArrayList<>(base.results());
        ClaimResult euler = nudged.get(2);
        nudged.set(2, with(euler, euler.verdict(), euler.worstMargin() - 0.01, euler.worstMetric() + 0.01));
        assertThat(BaselineDiff.compare(new Report(7, "quick", nudged, null), base).changes()).isEmpty();
    }

    @Test
    void muchSlowerClaimsAreInformationUnlessAskedToFail() {
        Report base = ReportRun.withProvenance(run(7).results(), 7, "quick", "all", 1);
        List<ClaimResult> slow = new ArrayList<>();
        for (ClaimResult r : base.results()) {
            slow.add(new ClaimResult(r.id(), r.verdict(), r.worstMargin(), r.worstMetric(), r.cases(), r.skipped(), r.seed(),
                    r.worstCase(), r.worstDetail(), r.controlCases(), r.controlCase(), r.controlDetail(),
                    Math.max(1, r.millis()) * 10 + 5000));
        }
        Report now = new Report(7, "quick", slow, null);
        BaselineDiff shown = BaselineDiff.compare(now, withMillis(base, 100));
        assertThat(shown.regressed()).isFalse();
        assertThat(shown.changes()).extracting(BaselineDiff.Change::kind).containsOnly("slower");
        BaselineDiff failing = BaselineDiff.compare(now, withMillis(base, 100), BaselineDiff.Slowdowns.FAIL);
        assertThat(failing.regressed()).isTrue();
        assertThat(failing.changes()).extracting(BaselineDiff.Change::kind).containsOnly("slower");
        assertThat(BaselineDiff.compare(now, withMillis(base, 100), BaselineDiff.Slowdowns.IGNORE).changes()).isEmpty();
    }

    private static Report withMillis(Report r, long ms) {
        List<ClaimResult> out = new ArrayList<>();
        for (ClaimResult c : r.results()) {
            out.add(new ClaimResult(c.id(), c.verdict(), c.worstMargin(), c.worstMetric(), c.cases(), c.skipped(), c.seed(),
                    c.worstCase(), c.worstDetail(), c.controlCases(), c.controlCase(), c.controlDetail(), ms));
        }
        return new Report(r.seed(), r.depth(), out, r.provenance());
    }

    @Test
    void reportJsonRoundTripsThroughTheParser(@TempDir Path dir) throws IOException {
        Report a = run(3);
        Path f = dir.resolve("report.json");
        AtomicFiles.write(f, a.toJsonText());
        Report back = Report.read(f);
        assertThat(JsonFormat.pretty(back.body())).isEqualTo(JsonFormat.pretty(a.body()));
        assertThat(BaselineDiff.compare(back, a).empty()).isTrue();
    }

    @Test
    void mergedShardsEqualTheUnshardedReport() {
        Report whole = run(11);
        List<ClaimResult> merged = new ArrayList<>();
        List<Sensitivity> sensitivities = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Shard s = new Shard(i, 3);
            List<Claim<?>> part = FAST.stream().filter(c -> s.includes(c.id())).toList();
            Report r = ReportRun.run(part, 11, Depth.QUICK, s, line -> { });
            merged.addAll(r.results());
            sensitivities.addAll(r.sensitivities());
        }
        List<ClaimResult> ordered = new ArrayList<>();
        for (Claim<?> c : FAST) {
            ordered.add(merged.stream().filter(r -> r.id().equals(c.id())).findFirst().orElseThrow());
        }
        assertThat(ordered).hasSize(FAST.size());
        assertThat(JsonFormat.pretty(new Report(11, "quick", ordered, null)
                .withSensitivities(ReportRun.inRegistryOrder(sensitivities, FAST)).body()))
                .isEqualTo(JsonFormat.pretty(whole.body()));
    }

    @Test
    void shardSplitDependsOnlyOnIdsAndCoversEveryClaimOnce() {
        for (int n = 1; n <= 5; n++) {
            for (Claim<?> c : Theorems.all()) {
                int owners = 0;
                for (int i = 1; i <= n; i++) {
                    owners += new Shard(i, n).includes(c.id()) ? 1 : 0;
                }
                assertThat(owners).isEqualTo(1);
            }
        }
        assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("--shard");
        assertThatThrownBy(() -> Shard.parse("x")).hasMessageContaining("I/N");
    }

    /** A write that is refused (here: the target is a directory) changes nothing and leaves no temporary file. */
    @Test
    void anInterruptedWriteNeverLeavesATruncatedBaseline(@TempDir Path dir) throws IOException {
        Path baseline = dir.resolve("baseline.json");
        String old = run(3).toJsonText();
        AtomicFiles.write(baseline, old);
        Path blocked = dir.resolve("blocked.json");
        Files.createDirectories(blocked.resolve("child"));
        assertThatThrownBy(() -> AtomicFiles.write(blocked, old)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.isDirectory(blocked.resolve("child"))).isTrue();
        assertThat(Files.readString(baseline)).isEqualTo(old);
        assertThat(Report.read(baseline).results()).hasSize(FAST.size());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void historyAppendsOneLinePerRunAndDrawsATrend(@TempDir Path dir) throws IOException {
        Path history = dir.resolve("history.jsonl");
        Report r = ReportRun.withProvenance(run(5).results(), 5, "quick", "all", 10);
        History.append(history, r);
        assertThat(History.trend(History.read(history))).isNull();
        History.append(history, r);
        assertThat(Files.readAllLines(history)).hasSize(2).allSatisfy(l -> assertThat(JsonFormat.read(l, Map.class)).isInstanceOf(Map.class));
        assertThat(History.trend(History.read(history))).isNotNull();
    }

    @Test
    void summaryAndHtmlCarryTheDiffAndLinks() {
        Report base = run(7);
        List<ClaimResult> changed = new ArrayList<>(base.results());
        changed.remove(0);
        Report now = ReportRun.withProvenance(changed, 7, "quick", "all", 1);
        BaselineDiff diff = BaselineDiff.compare(now, base);
        String md = ReportWriter.summary(now, diff, Baseline.of(base, "base.json"));
        assertThat(md).contains("**REGRESSION**").contains("| claim | verdict |");
        String html = ReportWriter.html(now, List.of(), diff, Baseline.of(base, "base.json"), Theorems.all());
        assertThat(html.indexOf("REGRESSION")).isLessThan(html.indexOf("<table>"));
        assertThat(html).contains("../../properties/rate.positivity.properties")
                .contains("../../src/main/java/engram/theorem/foundation/RatePositivityClaim.java").doesNotContain("<script")
                .contains("Compared with the baseline base.json").contains("<i>Cases:</i> N in [1, 20]")
                .contains("<a href=\"../../docs/theory.md#14-invariant-boxes-positive-rates\">docs/theory.md, section 1.4</a>");
    }

    /** A report whose baseline was not checked says so, and why, in summary.md and index.html. */
    @Test
    void aReportWithoutBaselineSaysItWasNotChecked() {
        Report now = run(7);
        Baseline none = Baseline.none("this run used seed 7");
        assertThat(ReportWriter.summary(now, null, none)).contains("Baseline not checked: this run used seed 7.");
        assertThat(ReportWriter.html(now, List.of(), null, none, Theorems.all()))
                .contains("Baseline not checked: this run used seed 7.");
    }
}
