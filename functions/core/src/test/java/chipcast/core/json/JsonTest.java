package chipcast.core.json;

import chipcast.core.chip.Chip;
import chipcast.core.chip.ChipComparison;
import chipcast.core.chip.ChipMetrics;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.FxRate;
import chipcast.core.scenario.VendorClaim;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Json replaced databind's ObjectMapper in the functions. Databind is the oracle here: for every record
 * the project stores or serves, built from the whole bundled dataset, both must write the same text and
 * read the same records; and user input stays as strict as before.
 */
class JsonTest {
    private static final Path ROOT = Path.of(System.getProperty("chipcast.root", "../..")).toAbsolutePath().normalize();
    /** What chipcast.core.json.Json.MAPPER was: strict on unknown fields and trailing tokens. */
    private static final ObjectMapper ORACLE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper LENIENT_ORACLE = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static byte[] data(String file) throws IOException {
        return Files.readAllBytes(ROOT.resolve("data").resolve(file));
    }

    private static <T> List<T> lenient(byte[] json, Class<T[]> type) throws IOException {
        T[] ours = Json.readLenient(new ByteArrayInputStream(json), type);
        T[] theirs = LENIENT_ORACLE.readValue(json, type);
        assertEquals(Arrays.asList(theirs), Arrays.asList(ours), type.getSimpleName() + " read like databind");
        return Arrays.asList(ours);
    }

    /** What Json throws for bad input: the SDK's shaded jackson-core's exception, not databind's. */
    private static final Class<? extends Exception> PARSE_ERROR =
            software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException.class;

    private static void sameText(Object value) throws JsonProcessingException {
        assertEquals(ORACLE.writeValueAsString(value), Json.write(value), value.getClass().getSimpleName());
    }

    @Test
    void chipsReadAndWriteLikeDatabind() throws IOException {
        List<Chip> chips = lenient(data("chips.json"), Chip[].class);
        assertEquals(23, chips.size());
        for (Chip chip : chips) {
            sameText(chip);
            sameText(ChipMetrics.derive(chip));
            String stored = Json.write(chip);
            assertEquals(chip, Json.readStored(stored, Chip.class));
            assertEquals(ORACLE.readValue(stored, Chip.class), Json.readStored(stored, Chip.class));
            assertEquals(ORACLE.readTree(stored), Json.toTree(chip), "toTree is valueToTree");
        }
        sameText(ChipComparison.compare(chips.subList(0, 5)));
    }

    @Test
    void forecastsRatesAndReportsLikeDatabind() throws IOException {
        JsonNode file = ORACLE.readTree(data("forecasts.json"));
        List<Forecast> forecasts = lenient(ORACLE.writeValueAsBytes(file.get("forecasts")), Forecast[].class);
        List<FxRate> rates = lenient(ORACLE.writeValueAsBytes(file.get("fxRates")), FxRate[].class);
        assertEquals(16, forecasts.size());
        for (Forecast f : forecasts) {
            sameText(f);
            assertEquals(f, Json.readStored(Json.write(f), Forecast.class));
            for (String currency : List.of("USD", "KRW")) {
                Map<String, Object> report = ForecastReports.forecast(f, rates, currency, null, null);
                sameText(report);
                // A stored series document read back as a tree, as GET /forecasts/{id} does.
                assertEquals(ORACLE.readTree(ORACLE.writeValueAsString(report)), Json.readTree(Json.write(report)));
            }
        }
        String market = forecasts.get(0).market();
        sameText(ForecastReports.consensus(market, forecasts.stream().filter(f -> f.market().equals(market)).toList(),
                rates, "KRW", 2024, 2030));
        rates.forEach(r -> assertEquals(r, Json.readStored(Json.write(r), FxRate.class)));
    }

    @Test
    void claimsAndScenarioSeedsLikeDatabind() throws IOException {
        for (VendorClaim claim : lenient(data("claims.json"), VendorClaim[].class)) {
            sameText(claim);
        }
        assertEquals(ORACLE.readTree(data("scenarios.json")), Json.readTree(new String(data("scenarios.json"), StandardCharsets.UTF_8)));
    }

    @Test
    void untypedReadingIsDatabindsMapsAndLists() throws IOException {
        String json = "{\"a\":[1,2147483648,12345678901234567890,1.5,-0.0,true,null,\"x\"],\"b\":{\"c\":{}}}";
        assertEquals(ORACLE.readValue(json, Object.class), Json.readStored(json, Object.class));
        assertEquals(ORACLE.readValue(json, Map.class), Json.readStored(json, Map.class));
        assertEquals(ORACLE.readTree(json), Json.readTree(json));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", new ArrayList<>(List.of(1, 2L, 3.5, "s")));
        nested.put("null", null);
        nested.put("array", new double[] {1.0, 1e21, 1e-7, Double.NaN});
        sameText(nested);
        assertEquals(ORACLE.valueToTree(Map.of("k", List.of(1, 2.5))), Json.toTree(Map.of("k", List.of(1, 2.5))));
    }

    /** A record holding what a report could hold at the edges: non-finite doubles, nulls, nested lists. */
    record Edge(Double nan, double infinity, Double missing, List<List<Integer>> nested) {
    }

    @Test
    void nonFiniteDoublesRoundTripAsDatabindWritesThem() throws IOException {
        Edge edge = new Edge(Double.NaN, Double.NEGATIVE_INFINITY, null, List.of(List.of(1, 2), List.of()));
        sameText(edge);
        assertEquals(edge, Json.readStored(Json.write(edge), Edge.class));
        assertEquals(ORACLE.readValue(Json.write(edge), Edge.class), Json.readStored(Json.write(edge), Edge.class));
    }

    @Test
    void userInputStaysStrict() throws IOException {
        assertThrows(PARSE_ERROR, () -> Json.readTree("{\"a\":1,\"a\":2}"), "duplicate key");
        assertThrows(PARSE_ERROR, () -> Json.readTree("{\"a\":1} {\"b\":2}"), "trailing token");
        assertThrows(PARSE_ERROR, () -> Json.readTree("{\"a\":1"), "truncated");
        assertThrows(PARSE_ERROR, () -> Json.readTree("[".repeat(65) + "]".repeat(65)), "65 deep");
        assertThrows(PARSE_ERROR, () -> Json.readTree("1" + "0".repeat(64)), "65-digit number");
        assertTrue(Json.readTree("").isMissingNode(), "no content, as databind's readTree");
        assertInstanceOf(JsonNode.class, Json.readTree("[".repeat(64) + "]".repeat(64)), "64 deep is allowed");
    }

    @Test
    void storedDocumentsAreStrictAndBundledDataLenient() throws IOException {
        String withExtra = "{\"id\":\"x\",\"unexpected\":1}";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Json.readStored(withExtra, Chip.class));
        assertTrue(e.getMessage().contains("Chip"), e.getMessage());
        Chip lenient = Json.readLenient(new ByteArrayInputStream(withExtra.getBytes(StandardCharsets.UTF_8)), Chip.class);
        assertEquals("x", lenient.id());
        assertThrows(IllegalStateException.class, () -> Json.readStored("{\"id\":\"x\"} 1", Chip.class), "trailing");
        assertThrows(IllegalStateException.class, () -> Json.readStored("{\"memoryGB\":\"lots\"}", Chip.class), "type");
    }

    @Test
    void eventsReadAsMaps() throws IOException {
        assertEquals(Map.of(), Json.readEvent(new ByteArrayInputStream(new byte[0])), "no bytes: no fields");
        assertEquals(Map.of(), Json.readEvent(new ByteArrayInputStream("null".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Map.of("trigger", "schedule"),
                Json.readEvent(new ByteArrayInputStream("{\"trigger\":\"schedule\"}".getBytes(StandardCharsets.UTF_8))));
        assertThrows(PARSE_ERROR,
                () -> Json.readEvent(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8))));
        assertFalse(Json.write(Map.of("k", "v")).contains(" "), "compact, as databind writes");
    }
}
