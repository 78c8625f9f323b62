package chipcast.core.scenario;

import chipcast.core.http.ApiException;
import chipcast.core.json.Json;
import chipcast.core.store.Items;
import chipcast.core.store.StoreCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static chipcast.core.store.Items.s;

/**
 * The scenarios table: seeded scenarios and users' saved ones, each item the scenario as a JSON doc
 * plus the attributes conditions and the catalog index need. Writes of user scenarios are
 * conditional, so an id is never overwritten silently.
 */
public final class ScenarioRepository {
    public static final String TABLE_ENV = "SCENARIOS_TABLE";
    public static final String PARTITION_KEY = "scenarioId";
    /** Every scenario under one partition, sorted by id: listing is a Query, never a Scan. */
    public static final String CATALOG_INDEX = "byCatalog";
    static final String CATALOG = "scenario";

    private final DynamoDbClient dynamo;
    private final String table;

    public ScenarioRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public record Page(List<StoredScenario> items, Map<String, String> lastKey) {
    }

    /** A conditional write lost: the id exists (create) or the version moved on (update). */
    public static final class WriteConflict extends RuntimeException {
        public WriteConflict() {
            super(null, null, false, false);
        }
    }

    public Optional<StoredScenario> find(String id) {
        Map<String, AttributeValue> item = StoreCalls.call("get scenario", () -> dynamo.getItem(r -> r.tableName(table)
                .key(Map.of(PARTITION_KEY, s(id))).projectionExpression(Items.DOC).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.doc(item, StoredScenario.class));
    }

    /** One page in id order; {@code startKey} is the previous page's lastKey. */
    public Page list(int limit, Map<String, String> startKey) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(CATALOG_INDEX)
                .keyConditionExpression("#k = :k").expressionAttributeNames(Map.of("#k", "catalog", "#d", Items.DOC))
                .expressionAttributeValues(Map.of(":k", s(CATALOG))).projectionExpression("#d").build();
        Items.Page<StoredScenario> page = Items.page(dynamo, "list scenarios", query, limit,
                startKey == null ? null : toKey(startKey), item -> Items.doc(item, StoredScenario.class));
        if (!page.more()) {
            return new Page(page.items(), null);
        }
        Map<String, String> key = new LinkedHashMap<>();
        key.put(PARTITION_KEY, page.items().get(page.items().size() - 1).scenarioId());
        key.put("catalog", CATALOG);
        return new Page(page.items(), key);
    }

    /** Saves a new scenario; throws {@link WriteConflict} when the id exists. */
    public void create(StoredScenario scenario) {
        put(scenario, "attribute_not_exists(#pk)", Map.of("#pk", PARTITION_KEY), Map.of());
    }

    /**
     * Replaces a user scenario at {@code expectedVersion}; throws {@link WriteConflict} when the stored
     * version is another (a concurrent update won) or the item is seeded or gone.
     */
    public void update(StoredScenario scenario, long expectedVersion) {
        put(scenario, "#v = :v AND #o = :user", Map.of("#v", "version", "#o", "origin"),
                Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)), ":user", s(StoredScenario.USER)));
    }

    private void put(StoredScenario scenario, String condition, Map<String, String> names,
                     Map<String, AttributeValue> values) {
        PutItemRequest.Builder request = PutItemRequest.builder().tableName(table).item(toItem(scenario))
                .conditionExpression(condition).expressionAttributeNames(names);
        if (!values.isEmpty()) {
            request.expressionAttributeValues(values);
        }
        PutItemRequest built = request.build();
        try {
            StoreCalls.call("save scenario", () -> dynamo.putItem(built));
        } catch (ConditionalCheckFailedException e) {
            throw new WriteConflict();
        }
    }

    /** A scenario as its item: keys, what its listing and conditional writes read, the scenario as the JSON doc. */
    public static Map<String, AttributeValue> toItem(StoredScenario scenario) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, s(scenario.scenarioId()));
        item.put("catalog", s(CATALOG));
        item.put("origin", s(scenario.origin()));
        item.put("version", AttributeValue.fromN(Long.toString(scenario.version())));
        item.put(Items.DOC, s(Json.write(scenario)));
        return item;
    }

    private static Map<String, AttributeValue> toKey(Map<String, String> token) {
        if (token.size() != 2 || !token.containsKey(PARTITION_KEY) || !CATALOG.equals(token.get("catalog"))) {
            throw ApiException.invalidParameter("nextToken", "nextToken does not fit this listing");
        }
        Map<String, AttributeValue> key = new HashMap<>();
        token.forEach((k, v) -> key.put(k, s(v)));
        return key;
    }
}
