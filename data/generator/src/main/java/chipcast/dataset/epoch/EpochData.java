package chipcast.dataset.epoch;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Epoch AI's Machine Learning Hardware CSV (data/sources/reference/epoch_ml_hardware.csv, CC BY 4.0): rows by
 * hardware name, each a map from column header to the cell's text ("" when empty), as Python's csv.DictReader
 * reads it (RFC 4180 quoting, newlines inside quoted cells).
 */
public final class EpochData {
    public static final String NAME = "Hardware name";

    /** One CSV row: its 1-based record number (header = 0) and its cells by column. */
    public record Row(int record, Map<String, String> cells) {
        public String name() {
            return cell(NAME);
        }

        /** The cell's text; "" when the cell is empty or the CSV has no such column. */
        public String cell(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }

        public boolean has(String column) {
            return !cell(column).isEmpty();
        }
    }

    private final List<String> header;
    private final List<Row> rows;
    private final Map<String, Row> byName;

    private EpochData(List<String> header, List<Row> rows) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        Map<String, Row> names = new LinkedHashMap<>();
        for (Row r : rows) {
            names.put(r.name(), r); // as csv.DictReader into a dict: a repeated name keeps its last row
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    public static EpochData read(Layout layout) {
        Path file = layout.path(Layout.EPOCH_CSV);
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(Layout.EPOCH_CSV + ": file not found (" + file + ")");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static EpochData parse(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty() || !records.get(0).contains(NAME)) {
            throw new DatasetException(Layout.EPOCH_CSV + ": no header row with a '" + NAME + "' column");
        }
        List<String> header = records.get(0);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.size() > header.size()) {
                throw new DatasetException(Layout.EPOCH_CSV + ": record " + i + " has " + cells.size()
                        + " cells, the header " + header.size());
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byColumn.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            rows.add(new Row(i, byColumn));
        }
        return new EpochData(header, rows);
    }

    /** RFC 4180 records: comma-separated, double-quoted cells may hold commas, quotes ("") and newlines. */
    private static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    record.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                }
                case '\r' -> {
                    // a CRLF line end: the LF ends the record
                }
                case '\n' -> {
                    if (any || cell.length() > 0) {
                        record.add(cell.toString());
                        out.add(record);
                    }
                    record = new ArrayList<>();
                    cell.setLength(0);
                    any = false;
                }
                default -> {
                    cell.append(c);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw new DatasetException(Layout.EPOCH_CSV + ": a quoted cell is not closed");
        }
        if (any || cell.length() > 0) {
            record.add(cell.toString());
            out.add(record);
        }
        return out;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The row of that hardware name, or null. */
    public Row row(String name) {
        return byName.get(name);
    }
}
