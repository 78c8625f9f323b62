package chipcast.core.series;

import chipcast.core.store.BatchWriter;
import chipcast.core.store.StoreCalls;
import chipcast.core.store.StoreUnavailableException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

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
    private static final int BATCH_GET = 100;

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

    /** Versions of the given series in BatchGetItem calls of 100, unprocessed keys retried with backoff. */
    public Map<String, Version> versions(List<String> seriesIds) {
        Map<String, Version> versions = new HashMap<>();
        for (int from = 0; from < seriesIds.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : seriesIds.subList(from, Math.min(seriesIds.size(), from + BATCH_GET))) {
                keys.add(Map.of(PARTITION_KEY, s(id)));
            }
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression("seriesId, inputHash, runStartedAt").build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt >= BatchWriter.MAX_ATTEMPTS) {
                    throw new StoreUnavailableException("series versions: keys left unprocessed", null);
                }
                if (attempt > 0) {
                    BatchWriter.backoff(attempt);
                }
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = StoreCalls.call("get series versions",
                        () -> dynamo.batchGetItem(r -> r.requestItems(current)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    versions.put(item.get(PARTITION_KEY).s(), new Version(item.get("inputHash").s(),
                            Long.parseLong(item.get("runStartedAt").n())));
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
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
