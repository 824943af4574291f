package engram.report;

import engram.claim.Catalogue;
import engram.claim.CatalogueEntry;
import engram.claim.ClaimResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.json}, the figures and a self-contained {@code index.html} (figures inlined as data URIs, no
 * script, no network) into a directory. Every file is written atomically; index.html last.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Writes the figures (with their captions in figures.json, which {@code merge} reads), report.json, summary.md and
     * index.html (in that order, each atomically; index.html last).
     *
     * @param diff the comparison with a baseline, or null
     */
    public static void write(Path dir, Report report, List<Figures.Figure> figures, BaselineDiff diff) throws IOException {
        Files.createDirectories(dir);
        List<Object> captions = new ArrayList<>();
        for (Figures.Figure f : figures) {
            AtomicFiles.write(dir.resolve(f.file()), f.png());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("caption", f.caption());
            captions.add(m);
        }
        AtomicFiles.write(dir.resolve("figures.json"), Json.write(captions) + "\n");
        AtomicFiles.write(dir.resolve("report.json"), report.toJsonText());
        AtomicFiles.write(dir.resolve("summary.md"), summary(report, diff));
        AtomicFiles.write(dir.resolve("index.html"), html(report, figures, diff));
    }

    /** A short Markdown table for a CI job summary. */
    public static String summary(Report report, BaselineDiff diff) {
        StringBuilder sb = new StringBuilder("## Engram: ").append(report.holds()).append(" of ")
                .append(report.results().size()).append(" claims hold\n\n");
        Provenance p = report.provenance();
        if (p != null) {
            sb.append("Commit `").append(p.commit().length() > 12 ? p.commit().substring(0, 12) : p.commit())
                    .append(p.dirty() ? " (dirty)" : "").append("`, seed ").append(report.seed()).append(", depth ")
                    .append(report.depth()).append(", ").append(String.format(Locale.ROOT, "%.1f s", p.wallMillis() / 1000.0))
                    .append(".\n\n");
        }
        if (diff != null) {
            sb.append(diff.regressed() ? "**Regressions against the baseline:**\n\n" : "Baseline: ")
                    .append(diff.empty() ? "no differences.\n\n" : "");
            for (BaselineDiff.Change c : diff.changes()) {
                sb.append("- ").append(c.regression() ? "**REGRESSION** " : "").append('`').append(c.id()).append("`: ")
                        .append(c.text()).append('\n');
            }
            if (!diff.empty()) {
                sb.append('\n');
            }
        }
        sb.append("| claim | verdict | worst margin | cases |\n|---|---|---|---|\n");
        for (ClaimResult r : report.results()) {
            sb.append("| `").append(r.id()).append("` | ").append(r.holds() ? "HOLDS" : "**" + r.verdict() + "**")
                    .append(" | ").append(num(r.worstMargin())).append(" | ").append(r.cases()).append(" |\n");
        }
        return sb.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : String.valueOf(v);
    }

    /** Source path of a test named Class#method, relative to the repository root. */
    static String testSource(String test) {
        return "src/test/java/" + test.split("#")[0].replace('.', '/') + ".java";
    }

    static String html(Report report, List<Figures.Figure> figures, BaselineDiff diff) {
        List<ClaimResult> results = report.results();
        long holds = report.holds();
        long seed = report.seed();
        String depth = report.depth();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Engram theorem-check report</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;width:100%;font-size:14px}td,th{border:1px solid #ccc;padding:4px 6px;")
                .append("vertical-align:top;text-align:left}th{background:#f3f3f3}.HOLDS{color:#060;font-weight:bold}")
                .append(".FAILS,.VACUOUS,.REGRESSION{color:#b00;font-weight:bold}code{font-size:12px}")
                .append(".diff{border:2px solid #888;padding:.5em 1em;margin:1em 0}")
                .append("figure{margin:1.5em 0}figcaption{font-size:14px;color:#444}</style></head><body>\n")
                .append("<h1>Engram theorem-check report</h1>\n");
        if (diff != null) {
            h.append("<div class=\"diff\"><h2>").append(diff.regressed() ? "<span class=\"REGRESSION\">Regressions against the baseline</span>"
                    : "Comparison with the baseline").append("</h2>");
            if (diff.empty()) {
                h.append("<p>No differences.</p>");
            } else {
                h.append("<ul>");
                for (BaselineDiff.Change c : diff.changes()) {
                    h.append("<li>").append(c.regression() ? "<span class=\"REGRESSION\">REGRESSION</span> " : "")
                            .append("<code>").append(esc(c.id())).append("</code>: ").append(esc(c.text())).append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</div>\n");
        }
        h.append("<p>").append(holds).append(" of ").append(results.size())
                .append(" claims hold. Seed <code>").append(seed).append("</code>, depth <code>").append(esc(depth))
                .append("</code>. Re-run: <code>java -jar target/engram.jar report --seed ").append(seed)
                .append(" --depth ").append(esc(depth)).append("</code>.</p>\n");
        Provenance p = report.provenance();
        if (p != null) {
            h.append("<p>Commit <code>").append(esc(p.commit())).append("</code>").append(p.dirty() ? " (dirty tree)" : "")
                    .append(", ").append(esc(p.date())).append(", Engram ").append(esc(p.engram())).append(", ")
                    .append(esc(p.jvm())).append(", ").append(esc(p.os())).append(", shard ").append(esc(p.shard()))
                    .append(String.format(Locale.ROOT, ", %.1f s.", p.wallMillis() / 1000.0)).append("</p>\n");
        }
        h.append("<table><tr><th>claim</th><th>verdict</th><th>worst margin</th><th>worst metric</th>")
                .append("<th>cases tried</th><th>seed</th><th>negative control</th><th>time</th></tr>\n");
        for (ClaimResult r : results) {
            h.append("<tr><td><a href=\"#").append(esc(r.id())).append("\"><code>").append(esc(r.id()))
                    .append("</code></a></td><td class=\"").append(r.verdict()).append("\">").append(r.verdict())
                    .append("</td><td>").append(num(r.worstMargin())).append("</td><td>").append(num(r.worstMetric()))
                    .append("</td><td>").append(r.cases()).append("</td><td>").append(r.seed()).append("</td><td>")
                    .append(r.controlCase().isEmpty() ? "no violation found in " + r.controlCases() + " cases"
                            : "violation found after " + r.controlCases() + " case(s)")
                    .append("</td><td>").append(r.millis()).append(" ms</td></tr>\n");
        }
        h.append("</table>\n");
        for (Figures.Figure f : figures) {
            h.append("<figure><img alt=\"").append(esc(f.file())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png())).append("\"><figcaption>").append(esc(f.caption()))
                    .append(" (<a href=\"").append(esc(f.file())).append("\">").append(esc(f.file()))
                    .append("</a>)</figcaption></figure>\n");
        }
        h.append("<h2>Claims</h2>\n<p>Links to catalogue entries and tests are relative to <code>reports/latest/</code> in a "
                + "checkout.</p>\n");
        for (ClaimResult r : results) {
            CatalogueEntry e = Catalogue.entry(r.id());
            h.append("<h3 id=\"").append(esc(r.id())).append("\"><code>").append(esc(r.id())).append("</code>: ")
                    .append(esc(e.title())).append(" <span class=\"").append(r.verdict()).append("\">")
                    .append(r.verdict()).append("</span></h3>\n<p>").append(esc(e.statement())).append("</p>\n<ul>")
                    .append("<li><b>Source:</b> ").append(esc(e.source())).append("</li>")
                    .append("<li><b>Hypotheses:</b> ").append(esc(e.hypotheses())).append("</li>")
                    .append("<li><b>Metric:</b> ").append(esc(e.metric())).append("; <b>tolerance:</b> ")
                    .append(esc(e.tolerance())).append("; <b>regression tolerance:</b> ").append(e.regression())
                    .append(" (").append(esc(e.direction())).append(" is better)</li>")
                    .append("<li><b>Worst case:</b> <code>").append(esc(r.worstCase())).append("</code>: ")
                    .append(esc(r.worstDetail())).append("</li>")
                    .append("<li><b>Negative control:</b> ").append(esc(e.control())).append(" Found: <code>")
                    .append(esc(r.controlCase().isEmpty() ? "none" : r.controlCase())).append("</code>: ")
                    .append(esc(r.controlDetail())).append("</li>")
                    .append("<li><b>Catalogue entry:</b> <a href=\"../../properties/").append(esc(r.id()))
                    .append(".properties\"><code>properties/").append(esc(r.id())).append(".properties</code></a>; ")
                    .append("<b>test:</b> <a href=\"../../").append(esc(testSource(e.test()))).append("\"><code>")
                    .append(esc(e.test())).append("</code></a></li></ul>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }
}
