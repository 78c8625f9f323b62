package chipcast.local;

import chipcast.core.http.RequestMetrics;
import chipcast.core.metrics.Emf;
import chipcast.core.metrics.Metrics;
import chipcast.loader.DataLoaderHandler;
import chipcast.recalc.RecalculationHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every function's metrics, read back from what it logs: EMF documents (namespace ChipCast, small bounded
 * dimensions), each a log event of its own beside the request's log line, with the values the invocation had.
 */
class MetricsTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** What one invocation logged: its EMF documents and its other (levelled) lines. */
    record Logged(List<JsonNode> emf, List<String> lines) {
        JsonNode only() {
            assertEquals(1, emf.size(), "one EMF document: " + emf);
            return emf.get(0);
        }
    }

    static Logged logged(LocalContext context) throws Exception {
        List<JsonNode> emf = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String message : context.logged()) {
            if (message.startsWith("{\"_aws\":")) {
                assertTrue(message.endsWith("\n") && message.indexOf('\n') == message.length() - 1, message);
                emf.add(LocalJson.MAPPER.readTree(message));
            } else {
                assertFalse(message.contains("\"_aws\""), "an EMF document inside a log line: " + message);
                lines.add(message);
            }
        }
        return new Logged(emf, lines);
    }

    /** The metric names and dimension sets of a document, checked against the specification's rules. */
    static Map<String, List<List<String>>> directives(JsonNode doc) {
        Map<String, List<List<String>>> byMetric = new TreeMap<>();
        JsonNode directives = doc.path("_aws").path("CloudWatchMetrics");
        assertTrue(doc.path("_aws").path("Timestamp").asLong() > 1_600_000_000_000L, doc.toString());
        assertTrue(directives.size() > 0, doc.toString());
        for (JsonNode directive : directives) {
            assertEquals(Emf.NAMESPACE, directive.path("Namespace").asText());
            List<List<String>> sets = new ArrayList<>();
            for (JsonNode set : directive.path("Dimensions")) {
                List<String> names = new ArrayList<>();
                set.forEach(n -> {
                    assertTrue(doc.path(n.asText()).isTextual(), "dimension " + n + " is a top-level string: " + doc);
                    names.add(n.asText());
                });
                sets.add(names);
            }
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                assertTrue(List.of("Count", "Milliseconds").contains(metric.path("Unit").asText()), metric.toString());
                assertTrue(doc.path(name).isNumber(), "metric " + name + " has a value: " + doc);
                byMetric.put(name, sets);
            }
        }
        return byMetric;
    }

    /** A function name no other invocation of this JVM used, so its first invocation is a cold start. */
    static String fresh(String functionId) {
        return functionId + "-metrics-" + NAMES.incrementAndGet();
    }

    static Logged invoke(String functionId, APIGatewayV2HTTPEvent event, LocalContext context) throws Exception {
        Invoker.invoke(TestStack.handler(functionId), event, context);
        return logged(context);
    }

    @Test
    void aRequestPublishesRequestsLatencyErrorsAndStoreCallsByFunctionAndRoute() throws Exception {
        String function = fresh("ChipSpecFunction");
        TestStack.resetCounter();
        LocalContext context = LocalContext.capturing(function);
        Logged logged = invoke("ChipSpecFunction", TestStack.event("get-chip.json"), context);
        int sdkCalls = TestStack.COUNTER.snapshot().values().stream().mapToInt(Integer::intValue).sum();

        assertEquals(1, logged.lines().size(), "the request's own log line, apart: " + logged.lines());
        assertTrue(logged.lines().get(0).startsWith("INFO {\"requestId\""), logged.lines().get(0));
        JsonNode doc = logged.only();
        List<List<String>> byRoute = List.of(List.of("function"), List.of("function", "route"));
        Map<String, List<List<String>>> expected = new TreeMap<>(Map.of(
                RequestMetrics.REQUESTS, byRoute, RequestMetrics.LATENCY, byRoute,
                RequestMetrics.CLIENT_ERRORS, List.of(List.of("function")),
                RequestMetrics.SERVER_ERRORS, List.of(List.of("function")),
                RequestMetrics.STORE_CALLS, List.of(List.of("function")),
                Metrics.COLD_START, List.of(List.of("function"))));
        assertEquals(expected, directives(doc));
        assertEquals(function, doc.path("function").asText());
        assertEquals("GET /chips/{chipId}", doc.path("route").asText(), "the route key, never the chip id");
        assertTrue(doc.path("code").isMissingNode());
        assertEquals(1, doc.path("Requests").asInt());
        assertEquals(1, doc.path("ColdStart").asInt());
        assertEquals(0, doc.path("ClientErrors").asInt());
        assertEquals(0, doc.path("ServerErrors").asInt());
        assertTrue(doc.path("Latency").asDouble() >= 0);
        assertEquals(1, sdkCalls, "one GetItem");
        assertEquals(sdkCalls, doc.path("StoreCalls").asInt(), "StoreCalls counts what the SDK executed");

        LocalContext second = LocalContext.capturing(function);
        JsonNode warm = invoke("ChipSpecFunction", TestStack.event("get-chip.json"), second).only();
        assertTrue(warm.path("ColdStart").isMissingNode(), "a cold start once per function and JVM: " + warm);
    }

    @Test
    void anErrorIsCountedByItsCode() throws Exception {
        LocalContext context = LocalContext.capturing("ChipSpecFunction");
        JsonNode doc = invoke("ChipSpecFunction", TestStack.event("get-chip-not-found.json"), context).only();
        assertEquals("CHIP_NOT_FOUND", doc.path("code").asText());
        assertEquals(List.of(List.of("function", "code")), directives(doc).get(RequestMetrics.ERRORS));
        assertEquals(1, doc.path("Errors").asInt());
        assertEquals(1, doc.path("ClientErrors").asInt());
        assertEquals(0, doc.path("ServerErrors").asInt());
    }

    @Test
    void aRouteKeyNoFunctionServesIsCountedAsDefault() throws Exception {
        APIGatewayV2HTTPEvent event = TestStack.event("get-chip.json");
        event.setRouteKey("GET /chips/" + "x".repeat(40) + "/made-up");
        LocalContext context = LocalContext.capturing("ChipSpecFunction");
        JsonNode doc = invoke("ChipSpecFunction", event, context).only();
        assertEquals("$default", doc.path("route").asText(), "a dimension value is never the caller's text");
        assertEquals("ROUTE_NOT_FOUND", doc.path("code").asText());
    }

    /** A client of a store that refuses every connection. */
    static DynamoDbClient downStore() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return StoreFaultTest.clientFor("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void aStoreOutageIsAServerErrorByCode() throws Exception {
        try (DynamoDbClient down = downStore()) {
            Object handler = TestStack.env().newHandler("ChipSpecFunction", down);
            LocalContext context = LocalContext.capturing("ChipSpecFunction");
            APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) Invoker.invoke(handler, TestStack.event("get-chip.json"), context);
            assertEquals(503, response.getStatusCode());
            Logged logged = logged(context);
            JsonNode doc = logged.only();
            assertEquals(1, doc.path("ServerErrors").asInt());
            assertEquals("STORE_UNAVAILABLE", doc.path("code").asText());
            assertEquals(1, doc.path("StoreCalls").asInt(), "the one call that found the store down");
            assertTrue(logged.lines().get(0).startsWith("WARN "), logged.lines().toString());
        }
    }

    @Test
    void aRecalculationPublishesItsCountsAndItsSuccessAndLogsNoCopyOfItsAnswer() throws Exception {
        String function = fresh("RecalculationFunction");
        LocalContext context = LocalContext.capturing(function);
        Invoker.invoke(TestStack.handler("RecalculationFunction"), TestStack.read("events/scheduled-recalculation.json"), context);
        Logged logged = logged(context);
        assertEquals(List.of(), logged.lines(), "a successful run logs no copy of the summary it answers");
        JsonNode doc = logged.only();
        Map<String, List<List<String>>> byMetric = directives(doc);
        for (String name : List.of(RecalculationHandler.COMPUTED, RecalculationHandler.WRITTEN, RecalculationHandler.UNCHANGED,
                RecalculationHandler.FAILED, RecalculationHandler.DURATION, RecalculationHandler.SUCCEEDED, Metrics.COLD_START)) {
            assertEquals(List.of(List.of("function")), byMetric.get(name), name + " in " + doc);
        }
        assertEquals(1, doc.path(RecalculationHandler.SUCCEEDED).asInt());
        assertEquals(0, doc.path(RecalculationHandler.FAILED).asInt());
        assertTrue(doc.path(RecalculationHandler.COMPUTED).asInt() > 0, doc.toString());
        assertEquals(doc.path(RecalculationHandler.COMPUTED).asInt(),
                doc.path(RecalculationHandler.WRITTEN).asInt() + doc.path(RecalculationHandler.UNCHANGED).asInt(), doc.toString());
        assertEquals("schedule", doc.path("trigger").asText());
    }

    @Test
    void aFailedRecalculationPublishesZeroSuccessesAndLogsTheFailure() throws Exception {
        try (DynamoDbClient down = downStore()) {
            Object handler = TestStack.env().newHandler("RecalculationFunction", down);
            LocalContext context = LocalContext.capturing("RecalculationFunction");
            assertThrows(IllegalStateException.class, () -> Invoker.invokeRaw(handler,
                    Invoker.bytes(TestStack.read("events/scheduled-recalculation.json")), context));
            Logged logged = logged(context);
            JsonNode doc = logged.only();
            assertEquals(0, doc.path(RecalculationHandler.SUCCEEDED).asInt());
            assertTrue(doc.path(RecalculationHandler.COMPUTED).isMissingNode(), "no summary, no counts: " + doc);
            assertTrue(logged.lines().stream().allMatch(l -> l.startsWith("ERROR ")), logged.lines().toString());
            assertFalse(logged.lines().isEmpty());
        }
    }

    @Test
    void aLoadPublishesItsItemsPerTable() throws Exception {
        Map<String, String> env = DatasetLoaderTest.freshTables();
        LocalContext context = LocalContext.capturing("DataLoaderFunction");
        Object handler = new DataLoaderHandler(TestStack.env().dynamo(), env);
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) Invoker.invoke(handler, TestStack.read("events/dataset-load.json"), context);
        Logged logged = logged(context);
        assertEquals(List.of(), logged.lines(), "the answer is not logged again");
        Map<String, Object> items = new TreeMap<>();
        for (JsonNode doc : logged.emf()) {
            assertEquals(List.of(List.of("function", "table")), directives(doc).get(DataLoaderHandler.ITEMS), doc.toString());
            items.put(doc.path("table").asText(), doc.path(DataLoaderHandler.ITEMS).asInt());
        }
        assertEquals(new TreeMap<>(Map.of("benchmarks", 0, "chips", 0, "forecasts", 0, "fxRates", 0, "scenarios", 0)).keySet(), items.keySet());
        assertEquals(new TreeMap<>(asIntegers(answer.get("written"))), items);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asIntegers(Object written) {
        return (Map<String, Object>) written;
    }

    @Test
    void aQuietContextPrintsNothing() {
        // The tests' contexts are quiet: a green build prints no metrics (and no request lines).
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err));
        try {
            TestStack.invoke("ChipSpecFunction", TestStack.event("get-chip.json"));
        } finally {
            System.setErr(before);
        }
        assertEquals("", err.toString());
    }
}
