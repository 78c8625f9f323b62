package chipcast.core.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one CSV writer of the API (jackson-dataformat-csv on the project's Jackson): a header row named after the
 * row record's components (in declaration order; {@code @JsonUnwrapped(prefix = ...)} flattens a nested record
 * into columns), then one line per row. RFC 4180: CRLF line ends, a field quoted only when it holds a comma, a
 * quote, CR or LF, a quote doubled inside one. UTF-8 with a byte order mark, which is what makes Excel read
 * UTF-8 (Korean text) instead of the machine's code page; other spreadsheets and CSV readers skip it. null is
 * an empty field. A text field that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
 * CR) gets a leading apostrophe (OWASP's advice for CSV injection); numbers are written as numbers.
 */
public final class Csv {
    /** RFC 4180's media type with its charset and header parameters. */
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8; header=present";
    /** The header of a CSV page that names the next page's {@code nextToken} (absent on the last page). */
    public static final String NEXT_TOKEN_HEADER = "X-Next-Token";
    static final String BOM = "\uFEFF";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            // Columns in the row record's order (CsvMapper sorts them alphabetically by default).
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .addModule(new SimpleModule("chipcast-csv").addSerializer(String.class, new TextCell()))
            .build();

    private Csv() {
    }

    /**
     * One CSV answer: the rows, their type (which names the columns, so an empty table still has its header) and
     * the next page's token, or null.
     */
    public record Table<R extends Record>(Class<R> rowType, List<R> rows, String nextToken) {
        public Table(Class<R> rowType, List<R> rows) {
            this(rowType, rows, null);
        }

        public String text() {
            return write(rowType, rows);
        }
    }

    public static <R extends Record> String write(Class<R> rowType, List<R> rows) {
        CsvSchema schema = MAPPER.schemaFor(rowType).withHeader().withLineSeparator("\r\n");
        try {
            return BOM + MAPPER.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header row's column names of a row type, in order. */
    public static List<String> columns(Class<? extends Record> rowType) {
        return MAPPER.schemaFor(rowType).getColumnNames();
    }

    /**
     * Several values of one field (a chip's sources) as one cell, in order, " | " between them (an unknown one
     * empty); null when every one is unknown.
     */
    public static String join(List<?> values) {
        if (values == null || values.stream().allMatch(v -> v == null)) {
            return null;
        }
        return String.join(" | ", values.stream().map(v -> v == null ? "" : String.valueOf(v)).toList());
    }

    /** What a text field is written as: itself, or with a leading apostrophe where a spreadsheet would see a formula. */
    static String cell(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static final class TextCell extends StdSerializer<String> {
        TextCell() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(cell(value));
        }
    }
}
