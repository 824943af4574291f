package engram.report;

/**
 * What a report is compared with: a baseline report and where it came from, or the reason no baseline was checked
 * (the report says which, so a reader never mistakes "not checked" for "no differences").
 */
public record Baseline(Report report, String source, String notChecked) {

    public static Baseline of(Report report, String source) {
        return new Baseline(report, source, null);
    }

    public static Baseline none(String why) {
        return new Baseline(null, null, why);
    }

    public boolean checked() {
        return report != null;
    }
}
