package chipcast.core.series;

import chipcast.core.store.BatchReader;
import chipcast.core.store.StoreCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static chipcast.core.store.Items.s;

/**
 * The series table: materialised forecast series and market consensus, one item per series id, written
 * by the recalculation with the hash of its inputs and the start time of the run that computed it.
 */
public final class SeriesRepository {
    public static final String TABLE_ENV = "SERIES_TABLE";
    public static final String PARTITION_KEY = "seriesId";

    private final DynamoDbClient dynamo;
    private final String table;

    public SeriesRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A stored series; {@code doc} is the served JSON document. */
    public record Series(String seriesId, String inputHash, long runStartedAt, String computedAt, String doc) {
    }

    /** What is stored of a series without its document: enough to decide whether to rewrite it. */
    public record Version(String inputHash, long runStartedAt) {
    }

    public enum WriteOutcome { WRITTEN, NEWER_EXISTS }

    public static String forecastId(String forecastId, String currency) {
        return "forecast#" + forecastId + "#" + currency;
    }

    public static String consensusId(String market, String currency) {
        return "consensus#" + market + "#" + currency;
    }

    public Optional<Series> find(String seriesId) {
        Map<String, AttributeValue> item = StoreCalls.call("get series",
                () -> dynamo.getItem(r -> r.tableName(table).key(Map.of(PARTITION_KEY, s(seriesId))))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Series(seriesId, item.get("inputHash").s(), Long.parseLong(item.get("runStartedAt").n()),
                item.get("computedAt").s(), item.get("doc").s()));
    }

    /** Versions of the given series, read with BatchGetItem (unprocessed keys retried). */
    public Map<String, Version> versions(List<String> seriesIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : seriesIds) {
            keys.add(Map.of(PARTITION_KEY, s(id)));
        }
        Map<String, Version> versions = new HashMap<>();
        for (Map<String, AttributeValue> item : new BatchReader(dynamo).getAll(table, keys, "seriesId, inputHash, runStartedAt")) {
            versions.put(item.get(PARTITION_KEY).s(), new Version(item.get("inputHash").s(),
                    Long.parseLong(item.get("runStartedAt").n())));
        }
        return versions;
    }

    /**
     * Writes a series unless the stored one comes from a run that started later (or the same run). One
     * conditional PutItem: BatchWriteItem cannot carry conditions, and the store has no transactions.
     */
    public WriteOutcome putIfNewer(Series series) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PARTITION_KEY, s(series.seriesId()));
        item.put("inputHash", s(series.inputHash()));
        item.put("runStartedAt", AttributeValue.fromN(Long.toString(series.runStartedAt())));
        item.put("computedAt", s(series.computedAt()));
        item.put("doc", s(series.doc()));
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
