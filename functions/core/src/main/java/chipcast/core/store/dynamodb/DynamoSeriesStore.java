package chipcast.core.store.dynamodb;

import chipcast.core.retry.Backoff;
import chipcast.core.series.SeriesStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static chipcast.core.store.dynamodb.Items.s;

/** The series table, written by the recalculation with conditional PutItems, read by the forecast routes. */
public final class DynamoSeriesStore implements SeriesStore {
    public static final String TABLE_ENV = "SERIES_TABLE";
    public static final String PARTITION_KEY = "seriesId";

    private final DynamoDbClient dynamo;
    private final String table;
    private final BatchReader batches;

    public DynamoSeriesStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DynamoClients.BATCH_BACKOFF);
    }

    public DynamoSeriesStore(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.batches = new BatchReader(dynamo, backoff);
    }

    @Override
    public Optional<Series> find(String seriesId) {
        Map<String, AttributeValue> item = StoreCalls.call("get series",
                () -> dynamo.getItem(r -> r.tableName(table).key(Map.of(PARTITION_KEY, s(seriesId))))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Series(seriesId, item.get("inputHash").s(), Long.parseLong(item.get("runStartedAt").n()),
                item.get("computedAt").s(), item.get(Items.DOC).s()));
    }

    /** Versions of the given series, read with BatchGetItem (unprocessed keys retried). */
    @Override
    public Map<String, Version> versions(List<String> seriesIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : seriesIds) {
            keys.add(Map.of(PARTITION_KEY, s(id)));
        }
        Map<String, Version> versions = new HashMap<>();
        for (Map<String, AttributeValue> item : batches.getAll(table, keys, "seriesId, inputHash, runStartedAt")) {
            versions.put(item.get(PARTITION_KEY).s(), new Version(item.get("inputHash").s(),
                    Long.parseLong(item.get("runStartedAt").n())));
        }
        return versions;
    }

    /**
     * One conditional PutItem: BatchWriteItem cannot carry conditions, and the store has no transactions.
     */
    @Override
    public WriteOutcome putIfNewer(Series series) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PARTITION_KEY, s(series.seriesId()));
        item.put("inputHash", s(series.inputHash()));
        item.put("runStartedAt", Items.n(series.runStartedAt()));
        item.put("computedAt", s(series.computedAt()));
        item.put(Items.DOC, s(series.doc()));
        try {
            StoreCalls.call("put series", () -> dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#id) OR #run < :run")
                    .expressionAttributeNames(Map.of("#id", PARTITION_KEY, "#run", "runStartedAt"))
                    .expressionAttributeValues(Map.of(":run", item.get("runStartedAt")))));
            return WriteOutcome.WRITTEN;
        } catch (ConditionalCheckFailedException e) {
            return WriteOutcome.NEWER_EXISTS;
        }
    }
}
