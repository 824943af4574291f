package engram.cli;

import engram.report.BaselineDiff;
import engram.report.Json;
import engram.report.Report;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** How {@code report} and {@code merge} print a finished report: one JSON object, or the diff and a summary line. */
final class ReportOutput {

    private ReportOutput() {
    }

    /** @param headline the start of the text summary line, e.g. "" or "merged 3 shards: " */
    static void print(Report report, BaselineDiff diff, Path out, boolean json, String headline) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(report.toJson());
            m.put("out", out.toString());
            if (diff != null) {
                m.put("regressed", diff.regressed());
                m.put("diff", diff.toJson());
            }
            System.out.println(Json.compact(m));
        } else {
            if (diff != null) {
                System.out.println(diff.text());
            }
            System.out.printf("%s%d of %d claims hold; report written to %s%n", headline, report.holds(),
                    report.results().size(), out.resolve("index.html"));
        }
    }
}
