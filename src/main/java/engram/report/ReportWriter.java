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

    /** The JSON document of a run. */
    public static Map<String, Object> toJson(List<ClaimResult> results, long seed, String depth) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("engram", "0.1.0");
        root.put("seed", seed);
        root.put("depth", depth);
        root.put("verdict", results.stream().allMatch(ClaimResult::holds) ? "HOLDS" : "FAILS");
        root.put("holds", results.stream().filter(ClaimResult::holds).count());
        root.put("total", results.size());
        List<Object> claims = new ArrayList<>();
        for (ClaimResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("verdict", r.verdict().name());
            m.put("worstMargin", r.worstMargin());
            m.put("worstMetric", r.worstMetric());
            m.put("cases", r.cases());
            m.put("seed", r.seed());
            m.put("worstCase", r.worstCase());
            m.put("worstDetail", r.worstDetail());
            m.put("controlCases", r.controlCases());
            m.put("controlViolation", r.controlCase());
            m.put("controlDetail", r.controlDetail());
            m.put("millis", r.millis());
            claims.add(m);
        }
        root.put("claims", claims);
        return root;
    }

    public static void write(Path dir, List<ClaimResult> results, long seed, String depth, List<Figures.Figure> figures)
            throws IOException {
        Files.createDirectories(dir);
        for (Figures.Figure f : figures) {
            AtomicFiles.write(dir.resolve(f.file()), f.png());
        }
        AtomicFiles.write(dir.resolve("report.json"), Json.write(toJson(results, seed, depth)) + "\n");
        AtomicFiles.write(dir.resolve("index.html"), html(results, seed, depth, figures));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : String.valueOf(v);
    }

    static String html(List<ClaimResult> results, long seed, String depth, List<Figures.Figure> figures) {
        long holds = results.stream().filter(ClaimResult::holds).count();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Engram theorem-check report</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;width:100%;font-size:14px}td,th{border:1px solid #ccc;padding:4px 6px;")
                .append("vertical-align:top;text-align:left}th{background:#f3f3f3}.HOLDS{color:#060;font-weight:bold}")
                .append(".FAILS,.VACUOUS{color:#b00;font-weight:bold}code{font-size:12px}details{margin:.3em 0}")
                .append("figure{margin:1.5em 0}figcaption{font-size:14px;color:#444}</style></head><body>\n")
                .append("<h1>Engram theorem-check report</h1>\n<p>").append(holds).append(" of ").append(results.size())
                .append(" claims hold. Seed <code>").append(seed).append("</code>, depth <code>").append(esc(depth))
                .append("</code>. Re-run: <code>java -jar target/engram.jar report --seed ").append(seed)
                .append(" --depth ").append(esc(depth)).append("</code>.</p>\n")
                .append("<table><tr><th>claim</th><th>verdict</th><th>worst margin</th><th>worst metric</th>")
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
        h.append("<h2>Claims</h2>\n");
        for (ClaimResult r : results) {
            CatalogueEntry e = Catalogue.entry(r.id());
            h.append("<h3 id=\"").append(esc(r.id())).append("\"><code>").append(esc(r.id())).append("</code>: ")
                    .append(esc(e.title())).append(" <span class=\"").append(r.verdict()).append("\">")
                    .append(r.verdict()).append("</span></h3>\n<p>").append(esc(e.statement())).append("</p>\n<ul>")
                    .append("<li><b>Source:</b> ").append(esc(e.source())).append("</li>")
                    .append("<li><b>Hypotheses:</b> ").append(esc(e.hypotheses())).append("</li>")
                    .append("<li><b>Metric:</b> ").append(esc(e.metric())).append("; <b>tolerance:</b> ")
                    .append(esc(e.tolerance())).append("</li>")
                    .append("<li><b>Worst case:</b> <code>").append(esc(r.worstCase())).append("</code>: ")
                    .append(esc(r.worstDetail())).append("</li>")
                    .append("<li><b>Negative control:</b> ").append(esc(e.control())).append(" Found: <code>")
                    .append(esc(r.controlCase().isEmpty() ? "none" : r.controlCase())).append("</code>: ")
                    .append(esc(r.controlDetail())).append("</li>")
                    .append("<li><b>Catalogue entry:</b> <code>properties/").append(esc(r.id()))
                    .append(".properties</code>; <b>test:</b> <code>").append(esc(e.test())).append("</code></li></ul>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }
}
