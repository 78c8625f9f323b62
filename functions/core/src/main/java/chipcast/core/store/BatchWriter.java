package chipcast.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BatchWriteItem in chunks of 25, retrying UnprocessedItems with exponential backoff and jitter. */
public final class BatchWriter {
    public static final int MAX_ATTEMPTS = 8;
    private static final int CHUNK = 25;
    private final DynamoDbClient dynamo;

    public BatchWriter(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Puts every item; returns how many were written, or throws once retries are exhausted. */
    public int putAll(String table, List<Map<String, AttributeValue>> items) {
        int written = 0;
        for (int from = 0; from < items.size(); from += CHUNK) {
            List<WriteRequest> chunk = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + CHUNK))) {
                chunk.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, chunk);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new StoreUnavailableException("batch write to " + table + ": "
                            + pending.get(table).size() + " items left unprocessed after " + MAX_ATTEMPTS + " attempts", null);
                }
                if (attempt > 0) {
                    backoff(attempt);
                }
                Map<String, List<WriteRequest>> current = pending;
                BatchWriteItemResponse response = StoreCalls.call("batch write " + table,
                        () -> dynamo.batchWriteItem(r -> r.requestItems(current)));
                int unprocessed = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(table, List.of()).size() : 0;
                written += current.get(table).size() - unprocessed;
                pending = unprocessed == 0 ? Map.of() : response.unprocessedItems();
            }
        }
        return written;
    }

    /** Sleeps 50 ms x 2^attempt (capped at 2 s) with full jitter. */
    public static void backoff(int attempt) {
        long cap = Math.min(2_000L, 50L << Math.min(attempt, 10));
        try {
            Thread.sleep((long) (Math.random() * cap) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while backing off", e);
        }
    }
}
