package engram.report;

import engram.claim.CaseRanges;
import engram.claim.Catalogue;
import engram.claim.CatalogueEntry;
import engram.claim.Claim;
import engram.claim.ClaimResult;
import engram.claim.Sensitivity;
import engram.claim.TheoryDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes {@code report.json}, the figures and a self-contained {@code index.html} (figures inlined as data URIs, no
 * script, no network) into a directory. Every file is written atomically; index.html last.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** A figure's file and caption, as figures.json lists them for {@code merge}. */
    public record Caption(String file, String caption) {
    }

    /**
     * Writes the figures (with their captions in figures.json, which {@code merge} reads), report.json, summary.md and
     * index.html into a fresh directory that then replaces {@code dir}.
     *
     * @param diff the comparison with the baseline, or null when none was checked ({@code baseline} says why)
     */
    public static void write(Path dir, Report report, List<RenderedFigure> figures, BaselineDiff diff, Baseline baseline,
            List<Claim<?>> registry) throws IOException {
        AtomicFiles.replaceDirectory(dir, ReportWriter::isReportFile, fresh -> {
            List<Caption> captions = new ArrayList<>();
            for (RenderedFigure f : figures) {
                AtomicFiles.write(AtomicFiles.child(fresh, f.file()), f.png());
                captions.add(new Caption(f.file(), f.caption()));
            }
            AtomicFiles.write(fresh.resolve("figures.json"), JsonFormat.pretty(captions) + "\n");
            AtomicFiles.write(fresh.resolve("report.json"), report.toJsonText());
            AtomicFiles.write(fresh.resolve("summary.md"), summary(report, diff, baseline));
            AtomicFiles.write(fresh.resolve("index.html"), html(report, figures, diff, baseline, registry));
        });
    }

    /** Whether a file name is one a report directory holds (so a new report may replace it). */
    public static boolean isReportFile(String name) {
        return AtomicFiles.REPORT_FILES.contains(name) || name.endsWith(".png") && !name.startsWith(".");
    }

    /** Checks before any work that a report can be written to {@code dir}. */
    public static void checkDestination(Path dir, String option) {
        AtomicFiles.checkReplaceableDirectory(dir, option, ReportWriter::isReportFile);
    }

    /** One sentence on the baseline: compared (with what), or not checked and why. */
    static String baselineSentence(BaselineDiff diff, Baseline baseline) {
        if (diff == null) {
            return "Baseline not checked: " + baseline.notChecked() + ".";
        }
        return "Compared with the baseline " + baseline.source() + ": " + (diff.empty() ? "no differences."
                : diff.regressed() ? "regressions (below)." : "changes, none a regression (below).");
    }

    /** A short Markdown table for a CI job summary. */
    public static String summary(Report report, BaselineDiff diff, Baseline baseline) {
        StringBuilder sb = new StringBuilder("## Engram: ").append(report.holds()).append(" of ")
                .append(report.results().size()).append(" claims hold\n\n");
        Provenance p = report.provenance();
        if (p != null) {
            sb.append("Commit `").append(p.commit().length() > 12 ? p.commit().substring(0, 12) : p.commit())
                    .append(p.dirty() ? " (dirty)" : "").append("`, seed ").append(report.seed()).append(", depth ")
                    .append(report.depth()).append(", ").append(String.format(Locale.ROOT, "%.1f s", p.wallMillis() / 1000.0))
                    .append(".\n\n");
        }
        sb.append(diff != null && diff.regressed() ? "**" + baselineSentence(diff, baseline) + "**"
                : baselineSentence(diff, baseline)).append("\n\n");
        if (diff != null) {
            for (BaselineDiff.Change c : diff.changes()) {
                sb.append("- ").append(c.regression() ? "**REGRESSION** " : "").append('`').append(c.id()).append("`: ")
                        .append(c.text()).append('\n');
            }
            if (!diff.empty()) {
                sb.append('\n');
            }
        }
        sb.append("| claim | verdict | worst margin | cases (skipped) | sensitivity |\n|---|---|---|---|---|\n");
        for (ClaimResult r : report.results()) {
            sb.append("| `").append(r.id()).append("` | ").append(r.holds() ? "HOLDS" : "**" + r.verdict() + "**")
                    .append(" | ").append(num(r.worstMargin())).append(" | ").append(r.cases()).append(" (")
                    .append(r.skipped()).append(") | ").append(sensitivityCell(report.sensitivity(r.id()))).append(" |\n");
        }
        if (report.mutation() != null) {
            sb.append("\n| package | mutation score |\n|---|---|\n");
            for (MutationSummary.PackageScore m : report.mutation().packages()) {
                sb.append("| `").append(m.name()).append("` | ").append(String.format(Locale.ROOT, "%.1f %% (%d of %d)",
                        100 * m.score(), m.detected(), m.mutants())).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** A link to the section of docs/theory.md the entry's source cites, or nothing. */
    static String theoryLink(CatalogueEntry e) {
        return TheoryDocument.citedSection(e.source())
                .filter(n -> TheoryDocument.sections().containsKey(n))
                .map(n -> " (<a href=\"../../docs/theory.md#" + esc(TheoryDocument.anchor(
                        TheoryDocument.sections().get(n))) + "\">docs/theory.md, section " + esc(n) + "</a>)")
                .orElse("");
    }

    static String sensitivityCell(Sensitivity s) {
        return s == null ? "-" : s.text();
    }

    private static String sensitivityItem(Sensitivity s) {
        if (s == null) {
            return "";
        }
        return "<li><b>Sensitivity:</b> " + esc(s.departure()) + ": " + esc(s.text()) + " (the control draws from "
                + num(s.controlDeparture()) + "; searched up to " + num(s.maxDeparture()) + ", " + s.evaluations()
                + " evaluations). At the threshold: <code>" + esc(s.detail()) + "</code></li>";
    }

    /** The mutation scores per package and the surviving mutants, or nothing when the run read none. */
    static String mutationHtml(MutationSummary m) {
        if (m == null) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h2>Mutation testing</h2>\n<p>PIT mutants per package, read from <code>")
                .append(esc(m.source())).append("</code> (<code>mvn -Pmutation verify</code>). Detected: a test failed, "
                        + "timed out or crashed. Equivalent: listed with a reason in "
                        + "<code>properties/equivalent-mutants.csv</code>.</p>\n<table><tr><th>package</th><th>mutants</th>"
                        + "<th>detected</th><th>survived</th><th>no coverage</th><th>equivalent</th><th>score</th>"
                        + "<th>score without equivalent</th></tr>\n");
        for (MutationSummary.PackageScore p : m.packages()) {
            h.append("<tr><td><code>").append(esc(p.name())).append("</code></td><td>").append(p.mutants())
                    .append("</td><td>").append(p.detected()).append("</td><td>").append(p.survived()).append("</td><td>")
                    .append(p.noCoverage()).append("</td><td>").append(p.equivalent()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f %%", 100 * p.score())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f %%", 100 * p.scoreWithoutEquivalent())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (m.unmatchedEntries() != null && !m.unmatchedEntries().isEmpty()) {
            h.append("<p>").append(m.unmatchedEntries().size()).append(" rows of the equivalents list excuse no survivor "
                    + "(stale: the line moved or the mutant is now killed): <code>")
                    .append(esc(String.join("; ", m.unmatchedEntries()))).append("</code></p>\n");
        }
        h.append("<details><summary>").append(m.survivors().size()).append(" surviving mutants</summary><ul>");
        for (MutationSummary.Survivor v : m.survivors()) {
            h.append("<li><code>").append(esc(v.mutatedClass())).append('.').append(esc(v.method())).append(':')
                    .append(v.line()).append("</code> ").append(esc(v.mutator())).append(": ").append(esc(v.description()))
                    .append(" (").append(esc(v.status())).append(')')
                    .append(v.equivalentReason() == null ? "" : "; <b>" + esc(v.kind()) + ":</b> " + esc(v.equivalentReason()))
                    .append("</li>");
        }
        return h.append("</ul></details>\n").toString();
    }

    /** " Cases: n in [..]; ..." for the claim's hypotheses or control, from its case space's named draws. */
    private static String cases(List<Claim<?>> registry, String id, boolean control) {
        for (Claim<?> c : registry) {
            if (c.id().equals(id)) {
                return " <i>" + (control ? "Control cases" : "Cases") + ":</i> "
                        + esc(CaseRanges.text(control ? c.control() : c.hypotheses())) + ".";
            }
        }
        return "";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : String.valueOf(v);
    }

    /** Source path of a claim class, relative to the repository root. */
    static String claimSource(String className) {
        return "src/main/java/" + className.replace('.', '/') + ".java";
    }

    static String html(Report report, List<RenderedFigure> figures, BaselineDiff diff, Baseline baseline,
            List<Claim<?>> registry) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Engram theorem-check report</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;width:100%;font-size:14px}td,th{border:1px solid #ccc;padding:4px 6px;")
                .append("vertical-align:top;text-align:left}th{background:#f3f3f3}.HOLDS{color:#060;font-weight:bold}")
                .append(".FAILS,.VACUOUS,.REGRESSION{color:#b00;font-weight:bold}code{font-size:12px}")
                .append(".diff{border:2px solid #888;padding:.5em 1em;margin:1em 0}")
                .append("figure{margin:1.5em 0}figcaption{font-size:14px;color:#444}</style></head><body>\n")
                .append("<h1>Engram theorem-check report</h1>\n");
        h.append(diffHtml(diff, baseline)).append(runHtml(report)).append(summaryTableHtml(report));
        h.append(mutationHtml(report.mutation()));
        Set<String> ran = new HashSet<>();
        report.results().forEach(r -> ran.add(r.id()));
        List<Claim<?>> statistical = registry.stream().filter(c -> ran.contains(c.id()) && c.entry().statistical()).toList();
        if (!statistical.isEmpty()) {
            h.append(FalseFailures.html(report.falseFailures(), statistical));
        }
        for (RenderedFigure f : figures) {
            h.append("<figure><img alt=\"").append(esc(f.file())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png())).append("\"><figcaption>").append(esc(f.caption()))
                    .append(" (<a href=\"").append(esc(f.file())).append("\">").append(esc(f.file()))
                    .append("</a>)</figcaption></figure>\n");
        }
        h.append("<h2>Claims</h2>\n<p>Links to catalogue entries and claim sources are relative to <code>reports/latest/</code> in a "
                + "checkout.</p>\n");
        for (ClaimResult r : report.results()) {
            h.append(claimHtml(r, report, registry));
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The box comparing the run with the baseline: the sentence, then each change. */
    private static String diffHtml(BaselineDiff diff, Baseline baseline) {
        StringBuilder h = new StringBuilder("<div class=\"diff\"><h2>").append(diff != null && diff.regressed()
                ? "<span class=\"REGRESSION\">Regressions against the baseline</span>" : "Comparison with the baseline")
                .append("</h2><p>").append(esc(baselineSentence(diff, baseline))).append("</p>");
        if (diff != null && !diff.empty()) {
            h.append("<ul>");
            for (BaselineDiff.Change c : diff.changes()) {
                h.append("<li>").append(c.regression() ? "<span class=\"REGRESSION\">REGRESSION</span> " : "")
                        .append("<code>").append(esc(c.id())).append("</code>: ").append(esc(c.text())).append("</li>");
            }
            h.append("</ul>");
        }
        return h.append("</div>\n").toString();
    }

    /** How many claims hold, how to re-run, and the provenance. */
    private static String runHtml(Report report) {
        StringBuilder h = new StringBuilder("<p>").append(report.holds()).append(" of ").append(report.results().size())
                .append(" claims hold. Seed <code>").append(report.seed()).append("</code>, depth <code>")
                .append(esc(report.depth())).append("</code>. Re-run: <code>java -jar target/engram.jar report --seed ")
                .append(report.seed()).append(" --depth ").append(esc(report.depth())).append("</code>.</p>\n");
        Provenance p = report.provenance();
        if (p != null) {
            h.append("<p>Commit <code>").append(esc(p.commit())).append("</code>").append(p.dirty() ? " (dirty tree)" : "")
                    .append(", ").append(esc(p.date())).append(", Engram ").append(esc(p.engram())).append(", ")
                    .append(esc(p.jvm())).append(", ").append(esc(p.os())).append(", shard ").append(esc(p.shard()))
                    .append(String.format(Locale.ROOT, ", %.1f s.", p.wallMillis() / 1000.0)).append("</p>\n");
        }
        return h.toString();
    }

    /** One row per claim: verdict, margins, cases, control, sensitivity, time; then the sensitivity note. */
    private static String summaryTableHtml(Report report) {
        StringBuilder h = new StringBuilder("<table><tr><th>claim</th><th>verdict</th><th>worst margin</th><th>worst metric</th>")
                .append("<th>cases tried (skipped)</th><th>seed</th><th>negative control</th><th>sensitivity</th><th>time</th></tr>\n");
        for (ClaimResult r : report.results()) {
            h.append("<tr><td><a href=\"#").append(esc(r.id())).append("\"><code>").append(esc(r.id()))
                    .append("</code></a></td><td class=\"").append(r.verdict()).append("\">").append(r.verdict())
                    .append("</td><td>").append(num(r.worstMargin())).append("</td><td>").append(num(r.worstMetric()))
                    .append("</td><td>").append(r.cases()).append(" (").append(r.skipped()).append(")</td><td>").append(r.seed()).append("</td><td>")
                    .append(r.controlCase().isEmpty() ? "no violation found in " + r.controlCases() + " cases"
                            : "violation found after " + r.controlCases() + " case(s)")
                    .append("</td><td>").append(esc(sensitivityCell(report.sensitivity(r.id()))))
                    .append("</td><td>").append(r.millis()).append(" ms</td></tr>\n");
        }
        return h.append("</table>\n<p>Sensitivity: for a claim whose hypotheses end at a continuous boundary, the smallest "
                + "relative departure from it at which the check finds a violation (bisection, ")
                .append(report.sensitivities().isEmpty() ? "not run here: <code>engram report</code> runs it"
                        : report.sensitivities().get(0).cases() + " cases per departure")
                .append("); WEAK above ").append(Sensitivity.WEAK).append(" or when nothing was detected. "
                        + "A dash: no continuous boundary.</p>\n").toString();
    }

    /** A claim's section: its catalogue entry beside what the run found. */
    private static String claimHtml(ClaimResult r, Report report, List<Claim<?>> registry) {
        CatalogueEntry e = Catalogue.entry(r.id());
        return new StringBuilder("<h3 id=\"").append(esc(r.id())).append("\"><code>").append(esc(r.id())).append("</code>: ")
                .append(esc(e.title())).append(" <span class=\"").append(r.verdict()).append("\">")
                .append(r.verdict()).append("</span></h3>\n<p>").append(esc(e.statement())).append("</p>\n<ul>")
                .append("<li><b>Source:</b> ").append(esc(e.source())).append(theoryLink(e)).append("</li>")
                .append("<li><b>Hypotheses:</b> ").append(esc(e.hypotheses())).append(cases(registry, r.id(), false))
                .append("</li>")
                .append("<li><b>Metric:</b> ").append(esc(e.metric())).append("; <b>tolerance:</b> ")
                .append(esc(e.toleranceText())).append(" (").append(esc(e.toleranceWhy())).append(")")
                .append("; <b>regression tolerance:</b> ").append(e.regression())
                .append(" (").append(esc(e.direction())).append(" is better)</li>")
                .append("<li><b>Worst case:</b> <code>").append(esc(r.worstCase())).append("</code>: ")
                .append(esc(r.worstDetail())).append("</li>")
                .append("<li><b>Negative control:</b> ").append(esc(e.control())).append(cases(registry, r.id(), true))
                .append(" Found: <code>")
                .append(esc(r.controlCase().isEmpty() ? "none" : r.controlCase())).append("</code>: ")
                .append(esc(r.controlDetail())).append("</li>")
                .append(sensitivityItem(report.sensitivity(r.id())))
                .append("<li><b>Catalogue entry:</b> <a href=\"../../properties/").append(esc(r.id()))
                .append(".properties\"><code>properties/").append(esc(r.id())).append(".properties</code></a>; ")
                .append("<b>claim:</b> <a href=\"../../").append(esc(claimSource(e.claim()))).append("\"><code>")
                .append(esc(e.claim())).append("</code></a></li></ul>\n").toString();
    }
}
