package chipcast.local;

import chipcast.core.retry.Backoff;
import chipcast.core.store.dynamodb.DynamoDatasetWriter;
import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.core.store.StoreUnavailableException;
import chipcast.loader.Dataset;
import chipcast.loader.DatasetLoader;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data loader against dynalite, into fresh tables made from template.yaml: the dataset's items share
 * BatchWriteItem calls across tables (25 requests at most per call, DynamoDB's limit), and items the store
 * hands back as UnprocessedItems are retried until every one is written.
 */
class DatasetLoaderTest {
    private static final Map<String, String> TABLES = Map.of(
            "CHIPS_TABLE", "ChipsTable", "FORECASTS_TABLE", "ForecastsTable",
            "FX_RATES_TABLE", "FxRatesTable", "SCENARIOS_TABLE", "ScenariosTable", "BENCHMARKS_TABLE", "BenchmarksTable");
    /** The dataset's name for each table and the loader's variable naming it. */
    private static final Map<String, String> VARIABLES = Map.of("chips", "CHIPS_TABLE", "forecasts", "FORECASTS_TABLE",
            "fxRates", "FX_RATES_TABLE", "scenarios", "SCENARIOS_TABLE", "benchmarks", "BENCHMARKS_TABLE");
    private static final AtomicInteger FRESH = new AtomicInteger();
    /** The loader's backoff, with its pauses recorded instead of slept. */
    private final List<java.time.Duration> pauses = new CopyOnWriteArrayList<>();
    private final Backoff noSleep = DynamoClients.BATCH_BACKOFF.withSleeper(pauses::add);

    /** The loader's environment with every table replaced by an empty one of the same definition. */
    static Map<String, String> freshTables() {
        Map<String, String> env = new LinkedHashMap<>(TestStack.env().environment("DataLoaderFunction"));
        int n = FRESH.incrementAndGet();
        TABLES.forEach((variable, resource) -> {
            String name = "Loader" + n + resource;
            LocalEnvironment.createTable(TestStack.env().dynamo(), LocalEnvironment.createTableRequest(name,
                    TestStack.env().template().properties(resource)));
            env.put(variable, name);
        });
        return env;
    }

    /** What data/*.json holds: the counts the loader must report and leave in the tables. */
    private static Map<String, Integer> datasetCounts() throws Exception {
        JsonNode forecasts = LocalJson.MAPPER.readTree(TestStack.read("data/forecasts.json"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("chips", LocalJson.MAPPER.readTree(TestStack.read("data/chips.json")).size());
        counts.put("forecasts", forecasts.get("forecasts").size());
        counts.put("fxRates", forecasts.get("fxRates").size());
        counts.put("scenarios", LocalJson.MAPPER.readTree(TestStack.read("data/scenarios.json")).size());
        counts.put("benchmarks", LocalJson.MAPPER.readTree(TestStack.read("data/benchmarks.json")).size());
        return counts;
    }

    private static Map<String, Integer> itemsIn(Map<String, String> env) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : List.of("chips", "forecasts", "fxRates", "scenarios", "benchmarks")) {
            counts.put(name, TestStack.env().dynamo().scan(r -> r.tableName(env.get(VARIABLES.get(name)))).count());
        }
        return counts;
    }

    private static DynamoDbClient client(ExecutionInterceptor interceptor) {
        return DynamoClients.builder(Map.of("DYNAMODB_ENDPOINT", TestStack.env().endpoint(), "AWS_REGION", "us-east-1"),
                interceptor).build();
    }

    @Test
    void theDatasetSharesBatchWritesAcrossTablesAtMost25ToACall() throws Exception {
        Map<String, String> env = freshTables();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        ExecutionInterceptor sizeOfEachCall = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof BatchWriteItemRequest batch) {
                    sizes.add(batch.requestItems().values().stream().mapToInt(List::size).sum());
                }
            }
        };
        Map<String, Integer> expected = datasetCounts();
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        try (DynamoDbClient dynamo = client(sizeOfEachCall)) {
            assertEquals(expected, new DatasetLoader(dynamo, env).load());
        }
        assertEquals(expected, itemsIn(env));
        assertEquals((total + DynamoDatasetWriter.CALL_SIZE - 1) / DynamoDatasetWriter.CALL_SIZE, sizes.size(), "calls of " + sizes);
        sizes.forEach(size -> assertTrue(size <= DynamoDatasetWriter.CALL_SIZE, "a call of " + size + " requests"));
        // Exactly the items the records of data/*.json make: nothing lost or changed on the way.
        Map<String, List<Map<String, AttributeValue>>> fromRecords = DynamoDatasetWriter.items(Dataset.load());
        fromRecords.forEach((name, items) -> {
            Set<String> expectedItems = new TreeSet<>();
            items.forEach(item -> expectedItems.add(text(item)));
            Set<String> stored = docs(env.get(VARIABLES.get(name)));
            assertTrue(expectedItems.equals(stored), name + ": the stored items differ from the records' items");
        });
    }

    @Test
    void unprocessedItemsAreRetriedUntilEveryItemIsWritten() throws Exception {
        Map<String, String> env = freshTables();
        HoldBack holdBack = new HoldBack(3, false);
        Map<String, Integer> expected = datasetCounts();
        try (DynamoDbClient dynamo = client(holdBack)) {
            assertEquals(expected, new DatasetLoader(dynamo, env, noSleep).load());
        }
        assertEquals(expected, itemsIn(env));
        assertTrue(holdBack.heldBack.get() > 0, "the store handed items back");
        assertEquals(3, holdBack.injected.get());
        assertTrue(holdBack.calls.get() > 3, "the held-back items were sent again: " + holdBack.calls.get() + " calls");
    }

    @Test
    void itemsStillUnprocessedAfterEveryAttemptFailTheLoad() {
        Map<String, String> env = freshTables();
        HoldBack holdBack = new HoldBack(Integer.MAX_VALUE, true);
        try (DynamoDbClient dynamo = client(holdBack)) {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                    () -> new DatasetLoader(dynamo, env, noSleep).load());
            assertTrue(e.getMessage().contains("left unprocessed after " + DynamoClients.BATCH_BACKOFF.attempts() + " attempts"), e.getMessage());
        }
        assertEquals(DynamoClients.BATCH_BACKOFF.attempts(), holdBack.calls.get(), "the first call's retries, then give up");
        assertEquals(DynamoClients.BATCH_BACKOFF.attempts() - 1, pauses.size(), "a backoff before each retry, none slept");
    }

    /** Every item of a table, attributes in name order, as text: equal sets mean equal tables. */
    private static Set<String> docs(String table) {
        Set<String> docs = new TreeSet<>();
        for (Map<String, AttributeValue> item : TestStack.env().dynamo().scan(r -> r.tableName(table)).items()) {
            docs.add(text(item));
        }
        return docs;
    }

    /** An item as text, attributes in name order, numbers as values (the store keeps 80.0 as 80). */
    private static String text(Map<String, AttributeValue> item) {
        Map<String, String> text = new TreeMap<>();
        item.forEach((name, value) -> text.put(name, value.n() != null
                ? "N:" + new java.math.BigDecimal(value.n()).stripTrailingZeros().toPlainString() : "S:" + value.s()));
        return text.toString();
    }

    /**
     * Plays a store under load for the first N BatchWriteItem calls: every other write request of each
     * table is taken out of the call before it is sent and handed back in UnprocessedItems, as DynamoDB
     * does. With {@code refuseAll}, every call is sent whole and all of it is handed back.
     */
    static final class HoldBack implements ExecutionInterceptor {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger injected = new AtomicInteger();
        final AtomicInteger heldBack = new AtomicInteger();
        private final int times;
        private final boolean refuseAll;
        private final ThreadLocal<Map<String, List<WriteRequest>>> held = new ThreadLocal<>();

        HoldBack(int times, boolean refuseAll) {
            this.times = times;
            this.refuseAll = refuseAll;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            held.remove();
            if (!(context.request() instanceof BatchWriteItemRequest batch) || calls.incrementAndGet() > times) {
                return context.request();
            }
            injected.incrementAndGet();
            Map<String, List<WriteRequest>> sent = new LinkedHashMap<>();
            Map<String, List<WriteRequest>> back = new LinkedHashMap<>();
            batch.requestItems().forEach((table, requests) -> {
                for (int i = 0; i < requests.size(); i++) {
                    // The first of each table is always sent, so no call is ever empty.
                    if (refuseAll || i % 2 == 1) {
                        back.computeIfAbsent(table, t -> new ArrayList<>()).add(requests.get(i));
                    }
                    if (refuseAll || i % 2 == 0) {
                        sent.computeIfAbsent(table, t -> new ArrayList<>()).add(requests.get(i));
                    }
                }
            });
            held.set(back);
            heldBack.addAndGet(back.values().stream().mapToInt(List::size).sum());
            return batch.toBuilder().requestItems(sent).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            Map<String, List<WriteRequest>> back = held.get();
            held.remove();
            if (back == null || !(context.response() instanceof BatchWriteItemResponse response)) {
                return context.response();
            }
            return response.toBuilder().unprocessedItems(back).build();
        }
    }
}
