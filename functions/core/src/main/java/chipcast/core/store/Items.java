package chipcast.core.store;

import chipcast.core.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers shared by the repositories: items that carry their record as a JSON "doc" attribute. */
public final class Items {
    public static final String DOC = "doc";

    private Items() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static <T> T doc(Map<String, AttributeValue> item, Class<T> type) {
        return Json.readStored(item.get(DOC).s(), type);
    }

    /** Every item of a Query, following LastEvaluatedKey (for small, bounded result sets). */
    public static List<Map<String, AttributeValue>> queryAll(DynamoDbClient dynamo, String what, QueryRequest first) {
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
}
