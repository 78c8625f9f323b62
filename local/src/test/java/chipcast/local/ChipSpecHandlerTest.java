package chipcast.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ChipSpecFunction driven with events/ files and variants of them, against dynalite. */
class ChipSpecHandlerTest {
    private static final String FN = "ChipSpecFunction";

    static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        return LocalJson.MAPPER.readTree(response.getBody());
    }

    static APIGatewayV2HTTPResponse get(String route, Map<String, String> path, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = TestStack.event("list-chips.json");
        event.setRouteKey(route);
        event.setPathParameters(path);
        event.setQueryStringParameters(query);
        return TestStack.invoke(FN, event);
    }

    static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String parameter) throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        JsonNode error = body(response).path("error");
        assertEquals(code, error.path("code").asText());
        assertFalse(error.path("message").asText().isBlank());
        if (parameter != null) {
            assertEquals(parameter, error.path("parameter").asText());
        }
        assertFalse(response.getBody().contains("Exception"), "no exception names in responses");
    }

    @Test
    void getChipServesDenseFiguresSourcesAndDerivedRoofline() throws Exception {
        TestStack.resetCounter();
        APIGatewayV2HTTPResponse response = TestStack.invoke(FN, TestStack.event("get-chip.json"));
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(Map.of("GetItem", 1), TestStack.COUNTER.snapshot(), "GET /chips/{id} is exactly one GetItem");
        JsonNode chip = body(response);
        assertEquals("nvidia-h100-sxm", chip.path("id").asText());
        assertEquals(989.4, chip.path("denseTFLOPS").path("bf16").asDouble(), 1e-9);
        assertTrue(chip.path("denseTFLOPS").has("fp4") && chip.path("denseTFLOPS").path("fp4").isNull(),
                "unknown precisions are present and null");
        assertEquals(3.35, chip.path("memoryBandwidthTBs").asDouble(), 1e-9);
        assertEquals(700, chip.path("tdpWatts").asDouble(), 1e-9);
        assertTrue(chip.path("sources").size() > 0);
        for (JsonNode source : chip.path("sources")) {
            assertFalse(source.path("asOf").asText().isBlank(), "every source has an as-of date");
            assertTrue(source.hasNonNull("title") || source.hasNonNull("url"));
        }
        // derived: ridge point = dense FLOP/s / byte/s = 989.4e12 / 3.35e12
        assertEquals(989.4 / 3.35, chip.path("derived").path("ridgePointFlopPerByte").path("bf16").asDouble(), 1e-9);
        assertEquals(989.4 / 700, chip.path("derived").path("tflopsPerWatt").path("bf16").asDouble(), 1e-12);
        assertFalse(chip.path("derived").path("ridgePointFlopPerByte").has("fp4"), "no derived figure without a figure");
    }

    @Test
    void unknownChipIs404AndBadIdIs400() throws Exception {
        assertError(TestStack.invoke(FN, TestStack.event("get-chip-not-found.json")), 404, "CHIP_NOT_FOUND", null);
        assertError(get("GET /chips/{chipId}", Map.of("chipId", "NVIDIA H100"), null), 400, "INVALID_PARAMETER", "chipId");
        assertError(get("GET /chips/{chipId}", Map.of("chipId", "x".repeat(200)), null), 400, "INVALID_PARAMETER", "chipId");
        assertError(get("GET /chips/{chipId}", Map.of("chipId", "nvidia-h100-sxm"), Map.of("verbose", "1")),
                400, "INVALID_PARAMETER", "verbose");
    }

    @Test
    void listingPagesThroughEveryChipWithOneQueryPerPage() throws Exception {
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "5"));
            if (token != null) {
                query.put("nextToken", token);
            }
            TestStack.resetCounter();
            JsonNode page = body(get("GET /chips", null, query));
            assertEquals(Map.of("Query", 1), TestStack.COUNTER.snapshot(), "an unfiltered page is one Query, never a Scan");
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            token = page.path("nextToken").isNull() ? null : page.path("nextToken").asText();
            pages++;
        } while (token != null && pages < DatasetCounts.chips());
        Set<String> unique = new HashSet<>(ids);
        assertEquals(ids.size(), unique.size(), "no chip twice");
        assertTrue(unique.containsAll(List.of("nvidia-a100-sxm-80gb", "nvidia-h100-sxm", "nvidia-b100", "nvidia-b200",
                "amd-mi300x", "furiosa-rngd", "rebellions-atom")));
        assertEquals(DatasetCounts.chips(), unique.size());
        assertEquals((DatasetCounts.chips() + 4) / 5, pages, "N chips at 5 a page: ceil(N / 5) pages and no empty last page");
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(String::compareTo);
        assertEquals(sorted, ids, "chips come in id order");
    }

    @Test
    void vendorAndWorkloadFiltersUseIndexQueries() throws Exception {
        TestStack.resetCounter();
        JsonNode page = body(TestStack.invoke(FN, TestStack.event("list-chips-by-vendor.json")));
        assertFalse(TestStack.COUNTER.snapshot().containsKey("Scan"));
        assertTrue(page.path("items").size() > 0);
        for (JsonNode chip : page.path("items")) {
            assertEquals("nvidia", chip.path("vendorKey").asText());
            assertEquals("both", chip.path("workload").asText());
            assertTrue(chip.path("memoryGB").asDouble() >= 100);
        }
        TestStack.resetCounter();
        JsonNode inference = body(TestStack.invoke(FN, TestStack.event("list-chips-inference.json")));
        assertEquals(Map.of("Query", 1), TestStack.COUNTER.snapshot());
        inference.path("items").forEach(c -> assertEquals("inference", c.path("workload").asText()));
        Set<String> ids = new HashSet<>();
        body(get("GET /chips", null, Map.of("workload", "inference", "limit", "100")))
                .path("items").forEach(c -> ids.add(c.path("id").asText()));
        assertTrue(ids.containsAll(Set.of("furiosa-rngd", "rebellions-atom", "aws-inferentia2")), ids.toString());
        // vendor keys are matched case-insensitively
        JsonNode upper = body(get("GET /chips", null, Map.of("vendor", "NVIDIA", "limit", "100")));
        assertTrue(upper.path("items").size() >= 9);
    }

    @Test
    void aMinimumMemoryNearerZeroThanDynamoDbNumbersGoIsAnyKnownMemory() throws Exception {
        // DynamoDB numbers stop at 1E-130: the bound is sent as that, which selects the same chips
        JsonNode tiny = body(get("GET /chips", null, Map.of("minMemoryGB", "1e-200", "limit", "100")));
        JsonNode smallest = body(get("GET /chips", null, Map.of("minMemoryGB", "1e-130", "limit", "100")));
        assertEquals(smallest.path("items"), tiny.path("items"));
        assertTrue(tiny.path("items").size() > 50, "every chip with a known memory");
    }

    @Test
    void badListParametersAre400NamingTheParameter() throws Exception {
        assertError(get("GET /chips", null, Map.of("limit", "0")), 400, "INVALID_PARAMETER", "limit");
        assertError(get("GET /chips", null, Map.of("limit", "101")), 400, "INVALID_PARAMETER", "limit");
        assertError(get("GET /chips", null, Map.of("limit", "ten")), 400, "INVALID_PARAMETER", "limit");
        assertError(get("GET /chips", null, Map.of("workload", "gaming")), 400, "INVALID_PARAMETER", "workload");
        assertError(get("GET /chips", null, Map.of("vendor", "<script>")), 400, "INVALID_PARAMETER", "vendor");
        assertError(get("GET /chips", null, Map.of("minMemoryGB", "NaN")), 400, "INVALID_PARAMETER", "minMemoryGB");
        assertError(get("GET /chips", null, Map.of("minMemoryGB", "1e309")), 400, "INVALID_PARAMETER", "minMemoryGB");
        assertError(get("GET /chips", null, Map.of("minMemoryGB", "-1")), 400, "INVALID_PARAMETER", "minMemoryGB");
        assertError(get("GET /chips", null, Map.of("vendr", "nvidia")), 400, "INVALID_PARAMETER", "vendr");
    }

    @Test
    void forgedGarbledOrReplayedTokensAre400() throws Exception {
        JsonNode first = body(get("GET /chips", null, Map.of("limit", "2")));
        String token = first.path("nextToken").asText();
        assertNotNull(token);
        for (String bad : List.of("garbage", "a.b", token + "x", token.replace('.', '!'),
                "eyJ2IjoxLCJxIjoiY2hpcHN8fHwiLCJrIjp7ImlkIjoiYSJ9fQ.AAAA", "x".repeat(5000), ".", "..")) {
            assertError(get("GET /chips", null, Map.of("limit", "2", "nextToken", bad)), 400, "INVALID_PARAMETER", "nextToken");
        }
        // a token is bound to its query: reusing it with another filter is refused
        assertError(get("GET /chips", null, Map.of("limit", "2", "vendor", "amd", "nextToken", token)),
                400, "INVALID_PARAMETER", "nextToken");
        JsonNode second = body(get("GET /chips", null, Map.of("limit", "2", "nextToken", token)));
        assertEquals(2, second.path("items").size());
        assertFalse(second.path("items").get(0).path("id").asText().equals(first.path("items").get(0).path("id").asText()));
    }

    @Test
    void compareIsOneBatchGetWithRatiosToTheFirstChip() throws Exception {
        TestStack.resetCounter();
        APIGatewayV2HTTPResponse response = TestStack.invoke(FN, TestStack.event("compare-chips.json"));
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(Map.of("BatchGetItem", 1), TestStack.COUNTER.snapshot());
        JsonNode result = body(response);
        assertEquals("nvidia-h100-sxm", result.path("baseline").asText());
        JsonNode chips = result.path("chips");
        assertEquals(List.of("nvidia-h100-sxm", "nvidia-b200", "amd-mi300x", "furiosa-rngd"),
                List.of(chips.get(0).path("id").asText(), chips.get(1).path("id").asText(),
                        chips.get(2).path("id").asText(), chips.get(3).path("id").asText()));
        JsonNode b200 = chips.get(1);
        double bandwidthRatio = b200.path("figures").path("memoryBandwidthTBs").asDouble()
                / chips.get(0).path("figures").path("memoryBandwidthTBs").asDouble();
        assertEquals(bandwidthRatio, b200.path("ratioToBaseline").path("memoryBandwidthTBs").asDouble(), 1e-12);
        assertEquals(1.0, chips.get(0).path("ratioToBaseline").path("memoryGB").asDouble(), 0);
        assertTrue(b200.path("ratioToBaseline").path("denseTFLOPS.fp4").isNull(), "H100 has no fp4: no ratio");
    }

    @Test
    void badCompareRequestsAre4xx() throws Exception {
        assertError(get("GET /chips/compare", null, null), 400, "INVALID_PARAMETER", "ids");
        assertError(get("GET /chips/compare", null, Map.of("ids", "nvidia-b200")), 400, "INVALID_PARAMETER", "ids");
        assertError(get("GET /chips/compare", null, Map.of("ids", "nvidia-b200,nvidia-b200")), 400, "INVALID_PARAMETER", "ids");
        assertError(get("GET /chips/compare", null, Map.of("ids", "a,b,c,d,e,f,g,h,i,j,k")), 400, "INVALID_PARAMETER", "ids");
        assertError(get("GET /chips/compare", null, Map.of("ids", "nvidia-b200,,amd-mi300x")), 400, "INVALID_PARAMETER", "ids");
        assertError(get("GET /chips/compare", null, Map.of("ids", "nvidia-b200,nope-x1")), 404, "CHIP_NOT_FOUND", null);
    }

    @Test
    void markupInIdsAndQueryKeysIsNeverEchoed() throws Exception {
        // Found by HostileInputTest: messages quoted '<script>...' verbatim.
        APIGatewayV2HTTPResponse id = get("GET /chips/{chipId}", Map.of("chipId", "<script>alert(1)</script>"), null);
        assertError(id, 400, "INVALID_PARAMETER", "chipId");
        assertFalse(id.getBody().contains("<"), id.getBody());
        APIGatewayV2HTTPResponse key = get("GET /chips", null, Map.of("<script>", "1"));
        assertError(key, 400, "INVALID_PARAMETER", "?script?");
        assertFalse(key.getBody().contains("<"), key.getBody());
    }

    @Test
    void unknownRouteIs404Json() throws Exception {
        assertError(TestStack.invoke(FN, TestStack.event("unknown-route.json")), 404, "ROUTE_NOT_FOUND", null);
    }

    @Test
    void everyEventFileOfTheFunctionGetsAJsonAnswerBelow500() throws Exception {
        for (String file : List.of("get-chip.json", "get-chip-not-found.json", "list-chips.json", "list-chips-by-vendor.json",
                "list-chips-inference.json", "compare-chips.json", "unknown-route.json")) {
            APIGatewayV2HTTPResponse response = TestStack.invoke(FN, TestStack.event(file));
            assertTrue(response.getStatusCode() < 500, file + ": " + response.getBody());
            assertNull(null, LocalJson.MAPPER.readTree(response.getBody()).path("error").path("stackTrace").asText(null));
        }
    }
}
