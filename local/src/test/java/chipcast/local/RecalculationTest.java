package chipcast.local;

import chipcast.core.store.dynamodb.DynamoForecastStore;
import chipcast.core.store.dynamodb.DynamoFxRateStore;
import chipcast.core.store.dynamodb.DynamoSeriesStore;
import chipcast.core.series.SeriesStore;
import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.recalc.Recalculation;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduled recalculation against dynalite: idempotent, convergent after a failure, never overwritten by an older run. */
class RecalculationTest {
    private static final String FN = "RecalculationFunction";

    static Recalculation recalculation(DynamoDbClient dynamo, String seriesTable) {
        return new Recalculation(new DynamoForecastStore(dynamo, "ForecastsTable"), new DynamoFxRateStore(dynamo, "FxRatesTable"),
                new DynamoSeriesStore(dynamo, seriesTable));
    }

    /** A fresh, empty copy of the template's series table, so a test can start from nothing. */
    static String freshSeriesTable(String name) {
        LocalEnvironment.createTable(TestStack.env().dynamo(), LocalEnvironment.createTableRequest(name,
                TestStack.env().template().properties("SeriesTable")));
        return name;
    }

    static Map<String, String> docs(String table) {
        Map<String, String> docs = new HashMap<>();
        for (Map<String, AttributeValue> item : TestStack.env().dynamo().scan(r -> r.tableName(table)).items()) {
            docs.put(item.get("seriesId").s(), item.get("doc").s());
        }
        return docs;
    }

    @Test
    void theHandlerReturnsASummaryAndASecondRunWritesNothing() throws Exception {
        Object handler = TestStack.handler(FN);
        Object event = TestStack.read("events/scheduled-recalculation.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) Invoker.invoke(handler, event, new LocalContext(FN, true));
        assertEquals("SUCCESS", result.get("status"));
        // The answer as the runtime returns it: JSON, read back here as maps.
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) result.get("summary");
        // every forecast and every market, in USD and KRW
        assertEquals(DatasetCounts.series(), summary.get("computed"));
        assertEquals(0, summary.get("written"), "the start-up run already wrote every series; nothing changed since");
        assertEquals(DatasetCounts.series(), summary.get("unchanged"));
        assertEquals(0, summary.get("failed"));
        assertEquals("schedule", result.get("trigger"), "the schedule's Input, read from the event bytes");
    }

    @Test
    void aRunStoppedHalfWayThenRerunLeavesEverySeriesCorrect() {
        String table = freshSeriesTable("SeriesHalfWay");
        AtomicInteger puts = new AtomicInteger();
        ExecutionInterceptor failAfterTen = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                SdkRequest request = context.request();
                if (request instanceof PutItemRequest && puts.incrementAndGet() > 10) {
                    throw SdkClientException.create("injected: the store went away after 10 writes");
                }
            }
        };
        Map<String, String> env = Map.of("DYNAMODB_ENDPOINT", TestStack.env().endpoint(), "AWS_REGION", "us-east-1");
        try (DynamoDbClient failing = DynamoClients.builder(env, failAfterTen).build()) {
            Recalculation.Summary broken = recalculation(failing, table).run(1_000);
            assertEquals(10, broken.written());
            assertEquals(DatasetCounts.series() - 10, broken.failed());
            assertEquals(DatasetCounts.series() - 10, broken.failedSeries().size());
        }
        Recalculation.Summary rerun = recalculation(TestStack.env().dynamo(), table).run(2_000);
        assertEquals(DatasetCounts.series() - 10, rerun.written(), "only what failed is written");
        assertEquals(10, rerun.unchanged());
        assertEquals(0, rerun.failed());
        assertEquals(docs("SeriesTable"), docs(table), "every series equals a clean run's");
    }

    @Test
    void anOlderRunNeverOverwritesANewerOne() {
        String table = freshSeriesTable("SeriesOrdering");
        DynamoSeriesStore series = new DynamoSeriesStore(TestStack.env().dynamo(), table);
        String id = SeriesStore.forecastId("kb-2024-inference-chips", "USD");
        long newer = 5_000_000;
        assertEquals(SeriesStore.WriteOutcome.WRITTEN,
                series.putIfNewer(new SeriesStore.Series(id, "hash-of-newer-inputs", newer, "later", "{\"newer\":true}")));
        Recalculation.Summary older = recalculation(TestStack.env().dynamo(), table).run(newer - 1);
        assertEquals(1, older.skippedNewer());
        assertEquals(DatasetCounts.series() - 1, older.written());
        assertEquals("{\"newer\":true}", series.find(id).orElseThrow().doc(), "the newer run's series stands");
        // the same run replayed is not newer than itself either
        assertEquals(SeriesStore.WriteOutcome.NEWER_EXISTS,
                series.putIfNewer(new SeriesStore.Series(id, "other", newer, "later", "{}")));
        Recalculation.Summary later = recalculation(TestStack.env().dynamo(), table).run(newer + 1);
        assertEquals(1, later.written(), "a later run replaces it");
        assertEquals(docs("SeriesTable").get(id), series.find(id).orElseThrow().doc());
    }

    @Test
    void aFailedScheduledRunFailsTheInvocationSoTheDeadLetterQueueSeesIt() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (DynamoDbClient down = DynamoClients.builder(Map.of("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + port,
                "AWS_REGION", "us-east-1")).build()) {
            Object handler = TestStack.env().newHandler(FN, down);
            Object event = TestStack.read("events/scheduled-recalculation.json");
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> Invoker.invoke(handler, event, new LocalContext(FN, true)));
            assertTrue(failure.getMessage().contains("FAILED"), failure.getMessage());
        }
    }

    @Test
    void everyDocumentOfTheRunIsServedByTheForecastFunction() {
        List<String> ids = List.copyOf(docs("SeriesTable").keySet());
        assertEquals(DatasetCounts.series(), ids.size());
        assertTrue(ids.contains(SeriesStore.consensusId("ai-inference-chips", "KRW")));
        assertTrue(ids.contains(SeriesStore.forecastId("marketsandmarkets-ai-inference", "USD")),
                "a forecast quoted in KRW trillions is converted to USD too");
    }

    @Test
    void aPreviewCountsWhatARunWouldRecomputeAndWritesNothing() {
        String table = freshSeriesTable("SeriesPreview");
        Recalculation recalculation = recalculation(TestStack.env().dynamo(), table);
        assertEquals(new Recalculation.Preview(DatasetCounts.series(), DatasetCounts.series()), recalculation.preview(),
                "nothing materialised yet");
        assertEquals(0, docs(table).size(), "a preview writes nothing");
        recalculation.run(1_000);
        assertEquals(new Recalculation.Preview(DatasetCounts.series(), 0), recalculation.preview(),
                "after a run, nothing to recompute");
    }
}
