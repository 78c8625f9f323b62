package chipcast.core.store.dynamodb;

import chipcast.core.retry.Backoff;
import chipcast.core.store.StoreUnavailableException;
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
 * BatchWriteItem in calls of 25 puts, retrying UnprocessedItems with the project's backoff. Puts for several
 * tables share calls (one BatchWriteItem may name up to 25 requests over any tables): the dataset load
 * takes as few round trips as its item count allows, not one or more per table.
 */
final class BatchWriter {
    /** DynamoDB's limit of write requests per BatchWriteItem call, over all its tables. */
    static final int CHUNK = 25;
    private final DynamoDbClient dynamo;
    private final Backoff backoff;

    /** Items to put into one table. */
    record Puts(String table, List<Map<String, AttributeValue>> items) {
        Puts {
            items = List.copyOf(items);
        }
    }

    BatchWriter(DynamoDbClient dynamo, Backoff backoff) {
        this.dynamo = dynamo;
        this.backoff = backoff;
    }

    /**
     * Puts every item of every table, in the order given, 25 to a call; returns how many were written per
     * table, or throws once retries of a call's unprocessed items are exhausted.
     */
    Map<String, Integer> putAll(List<Puts> puts) {
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
            if (attempt >= backoff.attempts()) {
                throw new StoreUnavailableException("batch write to " + String.join(", ", pending.keySet()) + ": "
                        + pending.values().stream().mapToInt(List::size).sum() + " items left unprocessed after "
                        + backoff.attempts() + " attempts", null);
            }
            if (attempt > 0) {
                backoff.before(attempt);
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
}
