package chipcast.core.metrics;

import chipcast.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EMF writer against the specification's shape: one line, {@code _aws} first, every member at the top level. */
class EmfTest {
    static JsonNode parse(byte[] line) throws Exception {
        String text = new String(line, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, "one line: " + text);
        return Json.MAPPER.readTree(text);
    }

    @Test
    void writesTheDirectivesDimensionsPropertiesAndValues() throws Exception {
        Emf doc = new Emf(1_700_000_000_123L).dimension("function", "F").dimension("route", "GET /chips")
                .property("trigger", "schedule")
                .metrics(List.of(List.of("function"), List.of("function", "route")),
                        Emf.Metric.count("Requests", 1), Emf.Metric.millis("Latency", 12.5))
                .metrics(List.of(List.of("function")), Emf.Metric.count("StoreCalls", 3));
        byte[] line = doc.toJsonLine();
        assertTrue(new String(line, StandardCharsets.UTF_8).startsWith("{\"_aws\":{\"Timestamp\":1700000000123,"));
        JsonNode json = parse(line);
        JsonNode directives = json.path("_aws").path("CloudWatchMetrics");
        assertEquals(2, directives.size());
        assertEquals("ChipCast", directives.get(0).path("Namespace").asText());
        assertEquals("[[\"function\"],[\"function\",\"route\"]]", directives.get(0).path("Dimensions").toString());
        assertEquals("[{\"Name\":\"Requests\",\"Unit\":\"Count\"},{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]",
                directives.get(0).path("Metrics").toString());
        assertEquals("[[\"function\"]]", directives.get(1).path("Dimensions").toString());
        assertEquals("F", json.path("function").asText());
        assertEquals("GET /chips", json.path("route").asText());
        assertEquals("schedule", json.path("trigger").asText());
        assertTrue(json.path("Requests").isIntegralNumber(), "a whole value is written as an integer");
        assertEquals(1, json.path("Requests").asInt());
        assertEquals(12.5, json.path("Latency").asDouble());
        assertEquals(3, json.path("StoreCalls").asInt());
    }

    @Test
    void aDimensionSetMayOnlyNameDimensionsTheDocumentHas() {
        Emf doc = new Emf(0).dimension("function", "F");
        assertThrows(IllegalStateException.class,
                () -> doc.metrics(List.of(List.of("function", "code")), Emf.Metric.count("Errors", 1)));
        assertThrows(IllegalArgumentException.class, () -> doc.dimension("code", null));
    }

    @Test
    void everyNameIsOneMember() {
        Emf doc = new Emf(0).dimension("function", "F").metrics(List.of(List.of("function")), Emf.Metric.count("Requests", 1));
        assertThrows(IllegalStateException.class,
                () -> doc.metrics(List.of(List.of("function")), Emf.Metric.count("Requests", 1)));
        assertThrows(IllegalStateException.class, () -> doc.property("function", "x"));
        assertThrows(IllegalStateException.class, () -> doc.dimension("Requests", "x"));
    }

    @Test
    void withoutAContextNothingIsLoggedAndNoColdStartIsSpent() throws Exception {
        Metrics.emit(null, Metrics.invocation(null)); // SnapStart priming: built, logged nowhere
        JsonNode doc = parse(Metrics.invocation(null).toJsonLine());
        assertEquals("priming", doc.path("function").asText());
        assertTrue(doc.path("ColdStart").isMissingNode(), doc.toString());
    }
}
