package engram.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** CSV text through Jackson's CSV module: a header row, then one row per array (numbers, strings, booleans). */
public final class Csv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {
    }

    /** The rows of a CSV file with a header row, as column-name maps ({@code #} lines are comments). */
    public static List<Map<String, String>> readRows(Path file) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerFor(Map.class).with(schema).readValues(file.toFile())) {
            return it.readAll();
        } catch (RuntimeException | JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read CSV " + file + ": " + e.getMessage());
        }
    }

    /** Rows written one at a time to a stream under a header: for output too long to hold in memory. */
    public static final class RowWriter implements AutoCloseable {
        private final SequenceWriter writer;

        RowWriter(SequenceWriter writer) {
            this.writer = writer;
        }

        public void row(double[] values) throws IOException {
            writer.write(values);
        }

        @Override public void close() throws IOException {
            writer.close();
        }
    }

    /** A {@link RowWriter} onto {@code out} (left open for the caller, which flushes and closes it). */
    public static RowWriter rows(List<String> header, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        return new RowWriter(MAPPER.writer(schema.build().withHeader().withLineSeparator("\n"))
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out));
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
