package chipcast.core.store.dynamodb;

import chipcast.core.retry.Backoff;
import chipcast.core.store.StoreUnavailableException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BatchGetItem in calls of 100 keys, retrying UnprocessedKeys with backoff (DynamoDB returns them under load). */
final class BatchReader {
    private static final int CHUNK = 100;
    private final DynamoDbClient dynamo;
    private final Backoff backoff;

    BatchReader(DynamoDbClient dynamo, Backoff backoff) {
        this.dynamo = dynamo;
        this.backoff = backoff;
    }

    /** Every item found for the keys, in no particular order; projection null reads whole items. */
    List<Map<String, AttributeValue>> getAll(String table, List<Map<String, AttributeValue>> keys, String projection) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            KeysAndAttributes.Builder chunk = KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
            if (projection != null) {
                chunk.projectionExpression(projection);
            }
            Map<String, KeysAndAttributes> request = Map.of(table, chunk.build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt >= backoff.attempts()) {
                    throw new StoreUnavailableException("batch get from " + table + ": keys left unprocessed after "
                            + backoff.attempts() + " attempts", null);
                }
                if (attempt > 0) {
                    backoff.before(attempt);
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
