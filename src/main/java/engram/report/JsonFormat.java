package engram.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Locale;

/**
 * Every JSON Engram reads and writes goes through this Jackson configuration: records and maps in, two layouts out.
 * {@link #pretty} (report.json, baselines, figures.json) indents by two spaces with {@code "key": value}; {@link #compact}
 * ({@code --json} output, history lines) is one line with the same separators. Doubles are written with 12
 * significant digits (integral values as integers), so report.json is stable across runs and JVMs; non-finite values
 * are written as the strings "NaN", "Infinity" and "-Infinity", which Jackson reads back into doubles.
 */
public final class JsonFormat {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("engram-numbers").addSerializer(Double.class, new DoubleText())
                    .addSerializer(double.class, new DoubleText()))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    /** Doubles as Java writes them (the shortest text that reads back to the same bits): for certificates. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    private JsonFormat() {
    }

    /** Indented JSON whose numbers read back to the same doubles bit for bit (certificates); read it with {@link #read}. */
    public static String exact(Object value) {
        try {
            return EXACT.writer(new Pretty()).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Indented JSON (no trailing newline). */
    public static String pretty(Object value) {
        return write(value, new Pretty());
    }

    /** One-line JSON. */
    public static String compact(Object value) {
        return write(value, new Compact());
    }

    private static String write(Object value, PrettyPrinter printer) {
        try {
            return MAPPER.writer(printer).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON into {@code type} (records, maps, lists). */
    public static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** A double as report.json writes it: %.12g without trailing zeros, integral values as integers. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        String s = String.format(Locale.ROOT, "%.12g", d);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Writes doubles through {@link #number}, non-finite ones as strings. */
    private static final class DoubleText extends StdSerializer<Double> {
        DoubleText() {
            super(Double.class);
        }

        @Override public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(number(value));
            } else {
                gen.writeString(String.valueOf(value));
            }
        }
    }

    /** Two-space indentation, {@code "key": value}, empty containers as {} and []. */
    private static final class Pretty extends DefaultPrettyPrinter {
        Pretty() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""));
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        @Override public DefaultPrettyPrinter createInstance() {
            return new Pretty();
        }
    }

    /** One line: {@code "key": value} inside objects, {@code ", "} between array items. */
    private static final class Compact extends MinimalPrettyPrinter {
        @Override public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
