package engram.report;

import engram.claim.Catalogue;
import engram.claim.ClaimResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed between a run and a baseline report: verdict flips, metrics worse (or better) than the baseline beyond
 * their catalogue tolerance, claims added or removed, and claims that got much slower (more than
 * {@value #SLOWDOWN_FACTOR} times and {@value #SLOWDOWN_MILLIS} ms slower). Regressions: a verdict leaving HOLDS, a
 * worse metric, a removed claim. Wall time depends on the machine's load, so a slowdown is information, a regression
 * only under {@link Slowdowns#FAIL} ({@code report --fail-on-slowdown}); {@link Slowdowns#IGNORE} leaves times out.
 */
public record BaselineDiff(List<Change> changes) {

    public static final double SLOWDOWN_FACTOR = 5;
    public static final long SLOWDOWN_MILLIS = 2000;

    /** What a much slower claim is: not compared, shown as information (the default), or a regression. */
    public enum Slowdowns { IGNORE, INFORM, FAIL }

    /** One difference; {@code regression} ones make the run fail. */
    public record Change(String id, String kind, boolean regression, String text) {
    }

    public boolean regressed() {
        return changes.stream().anyMatch(Change::regression);
    }

    public boolean empty() {
        return changes.isEmpty();
    }

    /** The comparison with slowdowns shown as information. */
    public static BaselineDiff compare(Report current, Report baseline) {
        return compare(current, baseline, Slowdowns.INFORM);
    }

    public static BaselineDiff compare(Report current, Report baseline, Slowdowns slowdowns) {
        List<Change> out = new ArrayList<>();
        Map<String, ClaimResult> base = new LinkedHashMap<>();
        baseline.results().forEach(r -> base.put(r.id(), r));
        Map<String, ClaimResult> now = new LinkedHashMap<>();
        current.results().forEach(r -> now.put(r.id(), r));
        if (current.seed() != baseline.seed() || !current.depth().equals(baseline.depth())) {
            out.add(new Change("*", "setup", false, String.format(Locale.ROOT,
                    "run seed %d depth %s differs from baseline seed %d depth %s: metrics are not comparable case by case",
                    current.seed(), current.depth(), baseline.seed(), baseline.depth())));
        }
        for (ClaimResult r : current.results()) {
            ClaimResult b = base.get(r.id());
            if (b == null) {
                out.add(new Change(r.id(), "added", false, "new claim, " + r.verdict()));
                continue;
            }
            if (r.verdict() != b.verdict()) {
                boolean worse = b.holds() && !r.holds();
                out.add(new Change(r.id(), "verdict", worse, "verdict " + b.verdict() + " -> " + r.verdict()));
            }
            var entry = Catalogue.entry(r.id());
            compareMetric(out, r.id(), "worstMargin", b.worstMargin(), r.worstMargin(), "larger", entry.regression());
            compareMetric(out, r.id(), "worstMetric", b.worstMetric(), r.worstMetric(), entry.direction(), entry.regression());
            if (slowdowns != Slowdowns.IGNORE && b.millis() > 0 && r.millis() > SLOWDOWN_FACTOR * b.millis()
                    && r.millis() - b.millis() > SLOWDOWN_MILLIS) {
                out.add(new Change(r.id(), "slower", slowdowns == Slowdowns.FAIL, String.format(Locale.ROOT,
                        "time %d ms -> %d ms%s", b.millis(), r.millis(), slowdowns == Slowdowns.FAIL ? ""
                                : " (information: wall time depends on the machine's load; --fail-on-slowdown makes it a regression)")));
            }
        }
        for (String id : base.keySet()) {
            if (!now.containsKey(id)) {
                out.add(new Change(id, "removed", true, "claim missing from this run (baseline " + base.get(id).verdict() + ")"));
            }
        }
        return new BaselineDiff(out);
    }

    private static void compareMetric(List<Change> out, String id, String name, double before, double after,
            String direction, double tolerance) {
        if (direction.equals("none") || Double.compare(before, after) == 0) {
            return;
        }
        double worse = direction.equals("larger") ? before - after : after - before;
        boolean nan = Double.isNaN(before) != Double.isNaN(after);
        if (nan || Math.abs(worse) > tolerance) {
            boolean regression = nan || worse > tolerance;
            out.add(new Change(id, regression ? "worse" : "better", regression, String.format(Locale.ROOT,
                    "%s %.6g -> %.6g (%s is better, tolerance %.3g)", name, before, after, direction, tolerance)));
        }
    }

    /** Plain-text rendering, one line per change. */
    public String text() {
        if (changes.isEmpty()) {
            return "no differences from the baseline";
        }
        StringBuilder sb = new StringBuilder();
        for (Change c : changes) {
            sb.append(c.regression() ? "REGRESSION " : "change     ").append(c.id()).append(": ").append(c.text()).append('\n');
        }
        return sb.toString().trim();
    }

}
