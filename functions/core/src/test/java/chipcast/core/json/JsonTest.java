package chipcast.core.json;

import chipcast.core.chip.Chip;
import chipcast.core.chip.ChipComparison;
import chipcast.core.chip.ChipMetrics;
import chipcast.core.chip.ChipView;
import chipcast.core.forecast.ConsensusReport;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastReport;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.FxRate;
import chipcast.core.scenario.CompareRequest;
import chipcast.core.scenario.VendorClaim;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one mapper: every record the project stores or serves, built from the whole bundled dataset, writes in
 * declaration order with nulls and reads back equal; user input is as strict as the mapper's configuration says.
 */
class JsonTest {
    private static final Path ROOT = Path.of(System.getProperty("chipcast.root", "../..")).toAbsolutePath().normalize();

    private static byte[] data(String file) throws IOException {
        return Files.readAllBytes(ROOT.resolve("data").resolve(file));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    @Test
    void chipsRoundTripAndTheirViewAddsOnlyDerivedFigures() throws IOException {
        List<Chip> chips = Arrays.asList(Json.readBundled(data("chips.json"), Chip[].class));
        assertEquals(Json.MAPPER.readTree(data("chips.json")).size(), chips.size(), "every chip of the file is read");
        for (Chip chip : chips) {
            String stored = Json.write(chip);
            assertEquals(chip, Json.readStored(stored, Chip.class));
            JsonNode view = Json.MAPPER.readTree(Json.write(ChipView.of(chip)));
            List<String> expected = new ArrayList<>(fieldNames(Json.MAPPER.readTree(stored)));
            expected.add("derived");
            assertEquals(expected, fieldNames(view), "the view is the chip, in order, then derived");
            assertEquals(Json.MAPPER.readTree(Json.write(ChipMetrics.derive(chip))), view.get("derived"));
            assertTrue(view.has("sparseNote"), "nulls are written");
        }
        assertFalse(Json.write(ChipComparison.compare(chips.subList(0, 5))).isBlank());
    }

    @Test
    void forecastsRatesAndReportsRoundTrip() throws IOException {
        JsonNode file = Json.MAPPER.readTree(data("forecasts.json"));
        List<Forecast> forecasts = Arrays.asList(Json.readBundled(Json.MAPPER.writeValueAsBytes(file.get("forecasts")), Forecast[].class));
        List<FxRate> rates = Arrays.asList(Json.readBundled(Json.MAPPER.writeValueAsBytes(file.get("fxRates")), FxRate[].class));
        assertEquals(file.get("forecasts").size(), forecasts.size(), "every forecast of the file is read");
        for (Forecast f : forecasts) {
            assertEquals(f, Json.readStored(Json.write(f), Forecast.class));
            for (String currency : List.of("USD", "KRW")) {
                ForecastReport report = ForecastReports.forecast(f, rates, currency, null, null);
                // A stored series document read back, as GET /forecasts/{id} does.
                assertEquals(report, Json.readStored(Json.write(report), ForecastReport.class));
            }
        }
        String market = forecasts.get(0).market();
        ConsensusReport consensus = ForecastReports.consensus(market,
                forecasts.stream().filter(f -> f.market().equals(market)).toList(), rates, "KRW", 2024, 2030, false);
        assertEquals(consensus, Json.readStored(Json.write(consensus), ConsensusReport.class));
        rates.forEach(r -> assertEquals(r, Json.readStored(Json.write(r), FxRate.class)));
    }

    @Test
    void claimsAndScenarioSeedsRead() throws IOException {
        for (VendorClaim claim : Json.readBundled(data("claims.json"), VendorClaim[].class)) {
            assertEquals(claim, Json.readStored(Json.write(claim), VendorClaim.class));
        }
        CompareRequest[] seeds = Json.readBundled(data("scenarios.json"), CompareRequest[].class);
        assertEquals(List.of("training", "inference", "market"), Arrays.stream(seeds).map(CompareRequest::kind).toList());
        for (CompareRequest seed : seeds) {
            String written = Json.write(seed);
            assertTrue(written.startsWith("{\"kind\":\"" + seed.kind() + "\""), "the type id comes first: " + written);
            assertFalse(written.contains("null"), "fields the caller left out stay out: " + written);
            assertEquals(seed, Json.readStored(written, CompareRequest.class));
        }
    }

    @Test
    void untypedReadingIsMapsAndLists() throws IOException {
        String json = "{\"a\":[1,2147483648,12345678901234567890,1.5,-0.0,true,null,\"x\"],\"b\":{\"c\":{}}}";
        Map<?, ?> map = Json.readStored(json, Map.class);
        assertEquals(List.of("a", "b"), new ArrayList<>(map.keySet()));
        assertEquals(8, ((List<?>) map.get("a")).size());
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", new ArrayList<>(List.of(1, 2L, 3.5, "s")));
        nested.put("null", null);
        nested.put("array", new double[] {1.0, 1e21, 1e-7, Double.NaN});
        assertEquals("{\"list\":[1,2,3.5,\"s\"],\"null\":null,\"array\":[1.0,1.0E21,1.0E-7,\"NaN\"]}", Json.write(nested));
    }

    /** A record holding what a report could hold at the edges: non-finite doubles, nulls, nested lists. */
    record Edge(Double nan, double infinity, Double missing, List<List<Integer>> nested) {
    }

    @Test
    void nonFiniteDoublesRoundTrip() {
        Edge edge = new Edge(Double.NaN, Double.NEGATIVE_INFINITY, null, List.of(List.of(1, 2), List.of()));
        assertEquals(edge, Json.readStored(Json.write(edge), Edge.class));
    }

    @Test
    void userInputStaysStrict() throws IOException {
        assertThrows(JacksonException.class, () -> Json.MAPPER.readTree("{\"a\":1,\"a\":2}"), "duplicate key");
        assertThrows(JacksonException.class, () -> Json.MAPPER.readTree("{\"a\":1} {\"b\":2}"), "trailing token");
        assertThrows(JacksonException.class, () -> Json.MAPPER.readTree("{\"a\":1"), "truncated");
        assertThrows(JacksonException.class, () -> Json.MAPPER.readTree("[".repeat(65) + "]".repeat(65)), "65 deep");
        assertThrows(JacksonException.class, () -> Json.MAPPER.readTree("1" + "0".repeat(64)), "65-digit number");
        assertTrue(Json.MAPPER.readTree("").isMissingNode(), "no content");
        assertInstanceOf(JsonNode.class, Json.MAPPER.readTree("[".repeat(64) + "]".repeat(64)), "64 deep is allowed");
        record Typed(Long count, Double share, String name) {
        }
        assertThrows(JacksonException.class, () -> Json.MAPPER.readValue("{\"count\":2.5}", Typed.class), "2.5 is no integer");
        assertThrows(JacksonException.class, () -> Json.MAPPER.readValue("{\"share\":\"0.5\"}", Typed.class), "no number from text");
        assertThrows(JacksonException.class, () -> Json.MAPPER.readValue("{\"name\":5}", Typed.class), "no text from a number");
        assertThrows(JacksonException.class, () -> Json.MAPPER.readValue("{\"cout\":1}", Typed.class), "unknown field");
        assertEquals(new Typed(3L, 0.5, "x"), Json.MAPPER.readValue("{\"count\":3,\"share\":0.5,\"name\":\"x\"}", Typed.class));
    }

    @Test
    void storedDocumentsAreStrictAndBundledDataLenient() {
        String withExtra = "{\"id\":\"x\",\"unexpected\":1}";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Json.readStored(withExtra, Chip.class));
        assertTrue(e.getMessage().contains("Chip"), e.getMessage());
        Chip lenient = Json.readBundled(withExtra.getBytes(StandardCharsets.UTF_8), Chip.class);
        assertEquals("x", lenient.id());
        assertThrows(IllegalStateException.class, () -> Json.readStored("{\"id\":\"x\"} 1", Chip.class), "trailing");
        assertThrows(IllegalStateException.class, () -> Json.readStored("{\"memoryGB\":\"lots\"}", Chip.class), "type");
        // A stored integer written as 3.0 by an earlier version still reads.
        assertEquals(3L, Json.readStored("{\"count\":3.0}", CompareRequest.TrainingOption.class).count());
    }

    /** A non-API event's fields: a trigger and a request id of any scalar type. */
    record Event(String trigger, String requestId) {
    }

    @Test
    void eventsReadLeniently() {
        Event none = new Event(null, null);
        assertEquals(none, Json.readEvent(new byte[0], Event.class, none), "no bytes: no fields");
        assertEquals(none, Json.readEvent("null".getBytes(StandardCharsets.UTF_8), Event.class, none));
        assertEquals(new Event("schedule", "42"), Json.readEvent("{\"trigger\":\"schedule\",\"requestId\":42,\"other\":[1]}"
                .getBytes(StandardCharsets.UTF_8), Event.class, none), "other fields skipped, a number read as text");
        assertThrows(UncheckedIOException.class,
                () -> Json.readEvent("[1]".getBytes(StandardCharsets.UTF_8), Event.class, none));
        assertFalse(Json.write(Map.of("k", "v")).contains(" "), "compact");
        assertNull(Json.readStored("null", Chip.class));
    }

    @Test
    void treesAreWrittenByTheSameMapper() throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode().put("b", 1).put("a", 2.5);
        assertEquals(List.of("b", "a"), fieldNames(node), "insertion order");
        assertEquals("{\"b\":1,\"a\":2.5}", Json.write(node));
    }
}
