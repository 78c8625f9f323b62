package chipcast.core.store.dynamodb;

import chipcast.core.json.Json;
import chipcast.core.store.InvalidPageTokenException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Helpers shared by the stores: items that carry their record as a JSON "doc" attribute. */
final class Items {
    static final String DOC = "doc";

    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static <T> T doc(Map<String, AttributeValue> item, Class<T> type) {
        return Json.readStored(item.get(DOC).s(), type);
    }

    /**
     * The document of the item whose partition key {@code key} is {@code id}: one GetItem of that attribute alone.
     * {@code consistent}: a strongly consistent read, for a document its own route writes.
     */
    static <T> Optional<T> find(DynamoDbClient dynamo, String table, String key, String id, Class<T> type,
                                boolean consistent, String what) {
        Map<String, AttributeValue> item = StoreCalls.call(what, () -> dynamo.getItem(r -> r.tableName(table)
                .key(Map.of(key, s(id))).projectionExpression(DOC).consistentRead(consistent ? Boolean.TRUE : null))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(doc(item, type));
    }

    /** Up to {@code limit} items of a Query, and whether more follow. */
    record QueryPage<T>(List<T> items, boolean more) {
    }

    /**
     * One page of a Query in sort-key order. Asks for one item more than it returns, so "more" is known
     * without an empty last page, and keeps querying while a filter expression leaves the page short.
     */
    static <T> QueryPage<T> page(DynamoDbClient dynamo, String what, QueryRequest query, int limit,
                                 Map<String, AttributeValue> exclusiveStart, Function<Map<String, AttributeValue>, T> read) {
        List<T> items = new ArrayList<>();
        Map<String, AttributeValue> start = exclusiveStart;
        boolean more;
        do {
            QueryRequest.Builder request = query.toBuilder().limit(limit - items.size() + 1);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryRequest built = request.build();
            QueryResponse response = StoreCalls.call(what, () -> dynamo.query(built));
            for (Map<String, AttributeValue> item : response.items()) {
                items.add(read.apply(item));
            }
            more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            start = more ? response.lastEvaluatedKey() : null;
        } while (items.size() <= limit && more);
        return items.size() > limit ? new QueryPage<>(List.copyOf(items.subList(0, limit)), true) : new QueryPage<>(items, false);
    }

    /** Every item of a Query, following LastEvaluatedKey (for small, bounded result sets). */
    static List<Map<String, AttributeValue>> queryAll(DynamoDbClient dynamo, String what, QueryRequest first) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest request = first;
        while (true) {
            QueryRequest current = request;
            QueryResponse response = StoreCalls.call(what, () -> dynamo.query(current));
            items.addAll(response.items());
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return items;
            }
            request = first.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build();
        }
    }

    /** A page token's key as a start key, when it has exactly the attributes of this listing's keys. */
    static Map<String, AttributeValue> startKey(Map<String, String> token, Set<String> attributes, String listing) {
        if (token == null) {
            return null;
        }
        if (!token.keySet().equals(attributes)) {
            throw new InvalidPageTokenException("nextToken does not fit this " + listing);
        }
        Map<String, AttributeValue> key = new HashMap<>();
        token.forEach((k, v) -> key.put(k, s(v)));
        return key;
    }
}
