package engram.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import engram.Engram;
import engram.claim.Catalogue;
import engram.claim.CatalogueEntry;
import engram.claim.ClaimResult;
import engram.claim.Sensitivity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's results: the claims' verdicts and metrics (deterministic for a seed) and its {@link Provenance}. Its JSON
 * form ({@link File}) is {@code report.json}; a committed copy of it is the baseline.
 */
public record Report(long seed, String depth, List<ClaimResult> results, Provenance provenance,
        List<Sensitivity> sensitivities, MutationSummary mutation, List<FalseFailures> falseFailures) {

    public Report {
        sensitivities = sensitivities == null ? List.of() : List.copyOf(sensitivities);
        falseFailures = falseFailures == null ? List.of() : List.copyOf(falseFailures);
    }

    /** A report without calibrated sensitivities or mutation scores. */
    public Report(long seed, String depth, List<ClaimResult> results, Provenance provenance) {
        this(seed, depth, results, provenance, List.of(), null, null);
    }

    public Report withSensitivities(List<Sensitivity> s) {
        return new Report(seed, depth, results, provenance, s, mutation, falseFailures);
    }

    public Report withMutation(MutationSummary m) {
        return new Report(seed, depth, results, provenance, sensitivities, m, falseFailures);
    }

    /** With the measured false-failure rates of the statistical claims (reports/false-failures*.json). */
    public Report withFalseFailures(List<FalseFailures> f) {
        return new Report(seed, depth, results, provenance, sensitivities, mutation, f);
    }

    /** The calibrated sensitivity of a claim, or null when it was not calibrated in this run. */
    public Sensitivity sensitivity(String id) {
        return sensitivities.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    }

    public boolean allHold() {
        return results.stream().allMatch(ClaimResult::holds);
    }

    public long holds() {
        return results.stream().filter(ClaimResult::holds).count();
    }

    /** report.json. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record File(String engram, long seed, String depth, String verdict, long holds, int total,
            List<ClaimEntry> claims, List<Sensitivity> sensitivity, MutationSummary mutation,
            @com.fasterxml.jackson.annotation.JsonFormat(with = com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<FalseFailures> falseFailures,
            Provenance provenance) {
    }

    /** One claim in report.json. */
    public record ClaimEntry(String id, String verdict, double worstMargin, double worstMetric, Metrics metrics,
            int cases, int skipped, long seed, String worstCase, String worstDetail, int controlCases,
            String controlViolation, String controlDetail) {
    }

    /** A claim's two metrics, each with its direction and regression tolerance from the catalogue. */
    public record Metrics(Metric worstMargin, Metric worstMetric) {
    }

    /** A metric's value, which direction is better, and the change that counts as a regression. */
    public record Metric(double value, String direction, double tolerance) {
    }

    static ClaimEntry entry(ClaimResult r) {
        CatalogueEntry e = Catalogue.entry(r.id());
        return new ClaimEntry(r.id(), r.verdict().name(), r.worstMargin(), r.worstMetric(),
                new Metrics(new Metric(r.worstMargin(), "larger", e.regression()),
                        new Metric(r.worstMetric(), e.direction(), e.regression())),
                r.cases(), r.skipped(), r.seed(), r.worstCase(), r.worstDetail(), r.controlCases(), r.controlCase(),
                r.controlDetail());
    }

    /** The deterministic part of report.json (everything but provenance). */
    public File body() {
        return new File(Engram.VERSION, seed, depth, allHold() ? "HOLDS" : "FAILS", holds(), results.size(),
                results.stream().map(Report::entry).toList(), sensitivities.isEmpty() ? null : sensitivities, mutation,
                falseFailures.isEmpty() ? null : falseFailures, null);
    }

    public File toJson() {
        File b = body();
        return new File(b.engram(), b.seed(), b.depth(), b.verdict(), b.holds(), b.total(), b.claims(), b.sensitivity(),
                b.mutation(), b.falseFailures(), provenance);
    }

    public String toJsonText() {
        return JsonFormat.pretty(toJson()) + "\n";
    }

    public static Report fromJson(File file) {
        Provenance prov = file.provenance();
        List<ClaimResult> results = new ArrayList<>();
        for (ClaimEntry m : file.claims()) {
            long millis = prov != null ? prov.claimMillis().getOrDefault(m.id(), 0L) : 0L;
            results.add(new ClaimResult(m.id(), ClaimResult.Verdict.valueOf(m.verdict()), m.worstMargin(),
                    m.worstMetric(), m.cases(), m.skipped(), m.seed(), m.worstCase(), m.worstDetail(), m.controlCases(),
                    m.controlViolation(), m.controlDetail(), millis));
        }
        return new Report(file.seed(), file.depth(), results, prov, file.sensitivity(), file.mutation(),
                file.falseFailures());
    }

    /** Reads a report.json; {@code option} names where it came from, for the one-line error. */
    public static Report read(Path file, String option) {
        String text = TextFiles.read(file, option);
        File parsed;
        try {
            parsed = JsonFormat.read(text, File.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + file + ": not an Engram report.json ("
                    + TextFiles.firstLine(e.getMessage()) + ")");
        }
        String problem = parsed == null ? "empty" : parsed.claims() == null ? "no claims" : parsed.depth() == null
                ? "no depth" : null;
        if (problem == null) {
            for (ClaimEntry c : parsed.claims()) {
                if (c == null || c.id() == null || c.verdict() == null) {
                    problem = "a claim without id or verdict";
                    break;
                }
                try {
                    ClaimResult.Verdict.valueOf(c.verdict());
                } catch (IllegalArgumentException e) {
                    problem = "claim " + c.id() + " has the unknown verdict '" + c.verdict() + "'";
                    break;
                }
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException(option + " " + file + ": not an Engram report.json (" + problem + ")");
        }
        return fromJson(parsed);
    }

    /** {@link #read(Path, String)} for a file named by itself. */
    public static Report read(Path file) {
        return read(file, "report");
    }
}
