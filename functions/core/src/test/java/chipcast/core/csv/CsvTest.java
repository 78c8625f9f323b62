package chipcast.core.csv;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV writer: RFC 4180 quoting, the header row, UTF-8 with its BOM, formulas neutralised, a round trip. */
class CsvTest {
    record Inner(Double a, Double b) {
    }

    record Row(String name, Double value, Boolean flag, long count, @JsonUnwrapped(prefix = "x.") Inner inner, String note) {
    }

    /** The fields of every line, read back by an independent RFC 4180 reader (the BOM dropped first). */
    static List<List<String>> read(String csv) throws Exception {
        assertTrue(csv.startsWith(Csv.BOM), "UTF-8 byte order mark first");
        CsvMapper reader = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = reader.readerFor(String[].class).readValues(csv.substring(1))) {
            while (it.hasNext()) {
                lines.add(List.of(it.next()));
            }
        }
        return lines;
    }

    @Test
    void theHeaderNamesTheRecordsComponentsInOrderAndNestedRecordsFlattenWithTheirPrefix() {
        assertEquals(List.of("name", "value", "flag", "count", "x.a", "x.b", "note"), Csv.columns(Row.class));
        String empty = Csv.write(Row.class, List.of());
        assertEquals(Csv.BOM + "name,value,flag,count,x.a,x.b,note\r\n", empty, "an empty answer still has its header");
    }

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBeAndRoundTrip() throws Exception {
        List<Row> rows = List.of(
                new Row("plain", 192.0, true, 3, new Inner(1.5, null), null),
                new Row("a, b", 1e25, false, 0, null, "say \"hi\"\nnext line"),
                new Row("추론용 반도체, 21조 1,752억 원", 0.10893333333333334, null, 1, new Inner(2.0, 3.0), "CR\rinside"),
                new Row("", -1.0, null, 1, null, " lead and trail "));
        String csv = Csv.write(Row.class, rows);
        String[] lines = csv.substring(1).split("\r\n", -1);
        assertEquals("plain,192.0,true,3,1.5,,", lines[1], "no quotes where none are needed; null is empty");
        assertEquals("\"a, b\",1.0E25,false,0,,,\"say \"\"hi\"\"\nnext line\"", lines[2],
                "a comma, a quote (doubled) and a line feed are quoted");
        assertTrue(lines[3].startsWith("\"추론용 반도체, 21조 1,752억 원\",0.10893333333333334,"), lines[3]);
        assertTrue(lines[3].endsWith(",\"CR\rinside\""), "a CR is quoted too: " + lines[3]);
        assertEquals("", lines[lines.length - 1], "every line ends in CRLF, the last one too");

        List<List<String>> back = read(csv);
        assertEquals(5, back.size());
        assertEquals(Csv.columns(Row.class), back.get(0));
        assertEquals(List.of("a, b", "1.0E25", "false", "0", "", "", "say \"hi\"\nnext line"), back.get(2));
        assertEquals("추론용 반도체, 21조 1,752억 원", back.get(3).get(0));
        assertEquals(" lead and trail ", back.get(4).get(6), "spaces are part of a field (RFC 4180)");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaGetsALeadingApostropheNumbersDoNot() throws Exception {
        List<Row> rows = List.of(new Row("=HYPERLINK(\"http://x\")", -3.5, null, 1, null, "+1"),
                new Row("@SUM(A1)", null, null, 1, null, "-2"), new Row("\tTAB", null, null, 1, null, "a=b"));
        List<List<String>> back = read(Csv.write(Row.class, rows));
        assertEquals("'=HYPERLINK(\"http://x\")", back.get(1).get(0));
        assertEquals("-3.5", back.get(1).get(1), "a negative number stays a number");
        assertEquals("'+1", back.get(1).get(6));
        assertEquals("'@SUM(A1)", back.get(2).get(0));
        assertEquals("'-2", back.get(2).get(6), "text that looks like a signed number is still text");
        assertEquals("'\tTAB", back.get(3).get(0));
        assertEquals("a=b", back.get(3).get(6), "only a leading character counts");
    }

    @Test
    void severalValuesOfOneFieldShareACellInOrder() {
        assertEquals("a | b", Csv.join(List.of("a", "b")));
        assertEquals("2025-12 |  | 2024-03", Csv.join(java.util.Arrays.asList("2025-12", null, "2024-03")));
        assertEquals("1340.2 | 1422.16", Csv.join(List.of(1340.2, 1422.16)));
        assertNull(Csv.join(java.util.Arrays.asList(null, null)), "nothing known: an empty cell");
        assertNull(Csv.join(List.of()));
        assertFalse(Csv.CONTENT_TYPE.contains("json"));
        assertTrue(Csv.CONTENT_TYPE.startsWith("text/csv; charset=utf-8"));
    }
}
