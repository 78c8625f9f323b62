package chipcast.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BatchWriteItem in calls of 25 puts, retrying UnprocessedItems with exponential backoff and jitter. Puts
 * for several tables share calls (one BatchWriteItem may name up to 25 requests over any tables): the data
 * loader's 48 items take 2 round trips, not one or more per table.
 */
public final class BatchWriter {
    public static final int MAX_ATTEMPTS = 8;
    /** DynamoDB's limit of write requests per BatchWriteItem call, over all its tables. */
    public static final int CHUNK = 25;
    private final DynamoDbClient dynamo;

    /** Items to put into one table. */
    public record Puts(String table, List<Map<String, AttributeValue>> items) {
        public Puts {
            items = List.copyOf(items);
        }
    }

    public BatchWriter(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Puts every item; returns how many were written, or throws once retries are exhausted. */
    public int putAll(Puts puts) {
        return putAll(List.of(puts)).get(puts.table());
    }

    /**
     * Puts every item of every table, in the order given, 25 to a call; returns how many were written per
     * table, or throws once retries of a call's unprocessed items are exhausted.
     */
    public Map<String, Integer> putAll(List<Puts> puts) {
        Map<String, Integer> written = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        List<WriteRequest> requests = new ArrayList<>();
        for (Puts p : puts) {
            written.merge(p.table(), 0, Integer::sum);
            for (Map<String, AttributeValue> item : p.items()) {
                tables.add(p.table());
                requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
        }
        for (int from = 0; from < requests.size(); from += CHUNK) {
            Map<String, List<WriteRequest>> chunk = new LinkedHashMap<>();
            for (int i = from; i < Math.min(requests.size(), from + CHUNK); i++) {
                chunk.computeIfAbsent(tables.get(i), t -> new ArrayList<>()).add(requests.get(i));
            }
            writeChunk(chunk, written);
        }
        return written;
    }

    private void writeChunk(Map<String, List<WriteRequest>> chunk, Map<String, Integer> written) {
        Map<String, List<WriteRequest>> pending = chunk;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt >= MAX_ATTEMPTS) {
                throw new StoreUnavailableException("batch write to " + String.join(", ", pending.keySet()) + ": "
                        + pending.values().stream().mapToInt(List::size).sum() + " items left unprocessed after "
                        + MAX_ATTEMPTS + " attempts", null);
            }
            if (attempt > 0) {
                backoff(attempt);
            }
            Map<String, List<WriteRequest>> current = pending;
            BatchWriteItemResponse response = StoreCalls.call("batch write " + String.join(", ", current.keySet()),
                    () -> dynamo.batchWriteItem(r -> r.requestItems(current)));
            Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
            if (response.hasUnprocessedItems()) {
                response.unprocessedItems().forEach((table, left) -> {
                    if (!left.isEmpty()) {
                        unprocessed.put(table, left);
                    }
                });
            }
            current.forEach((table, sent) -> written.merge(table,
                    sent.size() - unprocessed.getOrDefault(table, List.of()).size(), Integer::sum));
            pending = unprocessed;
        }
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
