package engram.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import engram.report.BaselineDiff;
import engram.report.JsonFormat;
import engram.report.Report;
import java.nio.file.Path;
import java.util.List;

/** How {@code report} and {@code merge} print a finished report: one JSON object, or the diff and a summary line. */
final class ReportOutput {

    private ReportOutput() {
    }

    /** The --json output: report.json's fields, the output directory and, with a baseline, the diff. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Output(@JsonUnwrapped Report.File report, String out, Boolean regressed, List<BaselineDiff.Change> diff) {
    }

    /** @param headline the start of the text summary line, e.g. "" or "merged 3 shards: " */
    static void print(Report report, BaselineDiff diff, Path out, boolean json, String headline) {
        if (json) {
            System.out.println(JsonFormat.compact(new Output(report.toJson(), out.toString(),
                    diff == null ? null : diff.regressed(), diff == null ? null : diff.changes())));
        } else {
            if (diff != null) {
                System.out.println(diff.text());
            }
            System.out.printf("%s%d of %d claims hold; report written to %s%n", headline, report.holds(),
                    report.results().size(), out.resolve("index.html"));
        }
    }
}
