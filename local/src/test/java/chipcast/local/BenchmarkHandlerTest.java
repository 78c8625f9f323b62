package chipcast.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BenchmarkFunction driven with events/ files and variants of them, against dynalite. */
class BenchmarkHandlerTest {
    private static final String FN = "BenchmarkFunction";
    static final String B200_OFFLINE = "mlperf-v5.1-nvidia-b200-sxm-180gbx8-trt-llama2-70b-99-offline";

    static APIGatewayV2HTTPResponse get(String route, Map<String, String> path, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = TestStack.event("list-benchmarks.json");
        event.setRouteKey(route);
        event.setPathParameters(path);
        event.setQueryStringParameters(query);
        return TestStack.invoke(FN, event);
    }

    static JsonNode ok(APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals(200, response.getStatusCode(), response.getBody());
        return ChipSpecHandlerTest.body(response);
    }

    @Test
    void aResultIsOneGetItemAndCarriesItsSource() throws Exception {
        TestStack.resetCounter();
        JsonNode b = ok(TestStack.invoke(FN, TestStack.event("get-benchmark.json")));
        assertEquals(Map.of("GetItem", 1), TestStack.COUNTER.snapshot());
        assertEquals(B200_OFFLINE, b.path("id").asText());
        assertEquals("nvidia-b200", b.path("chipId").asText());
        assertEquals(8, b.path("acceleratorCount").asInt());
        assertEquals(b.path("throughput").path("value").asDouble() / 8, b.path("throughputPerChip").asDouble(), 1e-6);
        for (String field : new String[] {"repository", "path", "commit", "url", "licence", "attribution"}) {
            assertFalse(b.path("source").path(field).asText().isBlank(), "source." + field);
        }
        ChipSpecHandlerTest.assertError(TestStack.invoke(FN, TestStack.event("get-benchmark-not-found.json")), 404,
                "BENCHMARK_NOT_FOUND", null);
        ChipSpecHandlerTest.assertError(get("GET /benchmarks/{benchmarkId}", Map.of("benchmarkId", "Bad Id"), null),
                400, "INVALID_PARAMETER", "benchmarkId");
    }

    @Test
    void theValidationRouteIsMatchedBeforeTheIdRoute() {
        Router router = new Router(TestStack.env().template().routes());
        assertEquals("GET /benchmarks/validation", router.match("GET", "/benchmarks/validation").route().routeKey());
        assertEquals("GET /benchmarks/{benchmarkId}", router.match("GET", "/benchmarks/" + B200_OFFLINE).route()
                .routeKey());
    }

    @Test
    void everyResultIsServedByPagesOfQueriesWithSignedTokens() throws Exception {
        Set<String> ids = new HashSet<>();
        String token = null;
        int pages = 0;
        TestStack.resetCounter();
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "40"));
            if (token != null) {
                query.put("nextToken", token);
            }
            JsonNode page = ok(get("GET /benchmarks", null, query));
            page.path("items").forEach(i -> ids.add(i.path("id").asText()));
            token = page.path("nextToken").isNull() ? null : page.path("nextToken").asText();
            pages++;
        } while (token != null && pages < 10);
        assertEquals(LocalJson.MAPPER.readTree(TestStack.read("data/benchmarks.json")).size(), ids.size());
        assertTrue(ids.size() >= 40, "at least 40 measured results served");
        assertFalse(TestStack.COUNTER.snapshot().containsKey("Scan"), "never a Scan");
        // A token is bound to its query.
        String first = ok(get("GET /benchmarks", null, Map.of("limit", "2"))).path("nextToken").asText();
        ChipSpecHandlerTest.assertError(get("GET /benchmarks", null, Map.of("limit", "2", "chipId", "nvidia-b200",
                "nextToken", first)), 400, "INVALID_PARAMETER", "nextToken");
    }

    @Test
    void filtersQueryTheIndexOfTheMostSelectiveOne() throws Exception {
        TestStack.resetCounter();
        JsonNode h100 = ok(TestStack.invoke(FN, TestStack.event("list-benchmarks-by-chip.json")));
        assertEquals(Map.of("Query", 1), TestStack.COUNTER.snapshot());
        assertTrue(h100.path("items").size() >= 2);
        for (JsonNode i : h100.path("items")) {
            assertEquals("nvidia-h100-sxm", i.path("chipId").asText());
            assertEquals("llama-2-70b", i.path("model").asText());
            assertEquals("Offline", i.path("scenario").asText());
        }
        JsonNode ix = ok(get("GET /benchmarks", null, Map.of("sourceKind", "inferencex", "workload", "1024/1024",
                "limit", "100")));
        assertEquals(9, ix.path("items").size());
        assertNull(ix.get("nextToken").textValue());
        ChipSpecHandlerTest.assertError(get("GET /benchmarks", null, Map.of("scenario", "Offline", "workload", "1k/1k")),
                400, "INVALID_PARAMETER", "workload");
        ChipSpecHandlerTest.assertError(get("GET /benchmarks", null, Map.of("scenario", "batch")),
                400, "INVALID_PARAMETER", "scenario");
        ChipSpecHandlerTest.assertError(get("GET /benchmarks", null, Map.of("sourceKind", "vendor")),
                400, "INVALID_PARAMETER", "sourceKind");
        ChipSpecHandlerTest.assertError(get("GET /benchmarks", null, Map.of("workload", "long")),
                400, "INVALID_PARAMETER", "workload");
        ChipSpecHandlerTest.assertError(get("GET /benchmarks", null, Map.of("chip", "nvidia-b200")),
                400, "INVALID_PARAMETER", "chip");
    }

    @Test
    void aChipLinksItsMeasuredResultsWithoutAnotherRead() throws Exception {
        TestStack.resetCounter();
        JsonNode chip = ChipSpecHandlerTest.body(TestStack.invoke("ChipSpecFunction", TestStack.event("get-chip.json")));
        assertEquals(Map.of("GetItem", 1), TestStack.COUNTER.snapshot());
        String href = chip.path("measured").path("href").asText();
        assertEquals("/benchmarks?chipId=nvidia-h100-sxm", href);
        JsonNode listed = ok(get("GET /benchmarks", null, Map.of("chipId", "nvidia-h100-sxm", "limit", "100")));
        assertEquals(chip.path("measured").path("results").asInt(), listed.path("items").size());
        assertTrue(listed.path("items").size() > 0);
    }

    @Test
    void theValidationPutsBoundAndEstimateBesideEveryMeasurement() throws Exception {
        TestStack.resetCounter();
        JsonNode v = ok(TestStack.invoke(FN, TestStack.event("benchmark-validation.json")));
        Map<String, Integer> calls = TestStack.COUNTER.snapshot();
        assertEquals(Set.of("Query", "BatchGetItem"), calls.keySet(), "the results by Query, their chips in one batch");
        int served = LocalJson.MAPPER.readTree(TestStack.read("data/benchmarks.json")).size();
        assertEquals(served, v.path("results").size() + v.path("excluded").size());
        for (JsonNode r : v.path("results")) {
            assertTrue(r.path("boundTokensPerSecondPerChip").asDouble() >= r.path("measuredTokensPerSecondPerChip").asDouble(),
                    r.path("benchmarkId").asText());
        }
        assertTrue(v.path("inSample").path("medianAbsError").isNumber());
        assertEquals(6, v.path("outOfSample").size());
        assertFalse(v.path("served").path("source").asText().isBlank());
    }
}
