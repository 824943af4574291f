package engram.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;

/** CSV text through Jackson's CSV module: a header row, then one row per array (numbers, strings, booleans). */
public final class Csv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {
    }

    public static String write(List<String> header, List<?> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        try {
            return MAPPER.writer(schema.build().withHeader().withLineSeparator("\n")).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV: " + e.getOriginalMessage(), e);
        }
    }
}
