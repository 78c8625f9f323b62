package chipcast.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BatchGetItem in calls of 100 keys, retrying UnprocessedKeys with backoff (DynamoDB returns them under load). */
public final class BatchReader {
    private static final int CHUNK = 100;
    private final DynamoDbClient dynamo;

    public BatchReader(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Every item found for the keys, in no particular order; projection null reads whole items. */
    public List<Map<String, AttributeValue>> getAll(String table, List<Map<String, AttributeValue>> keys, String projection) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            KeysAndAttributes.Builder chunk = KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
            if (projection != null) {
                chunk.projectionExpression(projection);
            }
            Map<String, KeysAndAttributes> request = Map.of(table, chunk.build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt >= BatchWriter.MAX_ATTEMPTS) {
                    throw new StoreUnavailableException("batch get from " + table + ": keys left unprocessed after "
                            + BatchWriter.MAX_ATTEMPTS + " attempts", null);
                }
                if (attempt > 0) {
                    BatchWriter.backoff(attempt);
                }
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = StoreCalls.call("batch get " + table,
                        () -> dynamo.batchGetItem(r -> r.requestItems(current)));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }
}
