package chipcast.core.store.dynamodb;

import chipcast.core.json.Json;
import chipcast.core.scenario.ScenarioStore;
import chipcast.core.scenario.StoredScenario;
import chipcast.core.store.Page;
import chipcast.core.store.WriteConflictException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static chipcast.core.store.dynamodb.Items.s;

/**
 * The scenarios table: each item the scenario as a JSON doc plus the attributes conditions and the
 * catalog index need. Reads are strongly consistent: a client that just saved reads its own write.
 */
public final class DynamoScenarioStore implements ScenarioStore {
    public static final String TABLE_ENV = "SCENARIOS_TABLE";
    public static final String PARTITION_KEY = "scenarioId";
    /** Every scenario under one partition, sorted by id: listing is a Query, never a Scan. */
    public static final String CATALOG_INDEX = "byCatalog";
    static final String CATALOG = "scenario";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoScenarioStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<StoredScenario> find(String id) {
        return Items.find(dynamo, table, PARTITION_KEY, id, StoredScenario.class, true, "get scenario");
    }

    @Override
    public Page<StoredScenario> list(int limit, Map<String, String> startKey) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(CATALOG_INDEX)
                .keyConditionExpression("#k = :k").expressionAttributeNames(Map.of("#k", "catalog", "#d", Items.DOC))
                .expressionAttributeValues(Map.of(":k", s(CATALOG))).projectionExpression("#d").build();
        Items.QueryPage<StoredScenario> page = Items.page(dynamo, "list scenarios", query, limit,
                Items.startKey(startKey, Set.of(PARTITION_KEY, "catalog"), "listing"),
                item -> Items.doc(item, StoredScenario.class));
        if (!page.more()) {
            return new Page<>(page.items(), null);
        }
        Map<String, String> key = new LinkedHashMap<>();
        key.put(PARTITION_KEY, page.items().get(page.items().size() - 1).scenarioId());
        key.put("catalog", CATALOG);
        return new Page<>(page.items(), key);
    }

    @Override
    public void create(StoredScenario scenario) {
        put(scenario, "attribute_not_exists(#pk)", Map.of("#pk", PARTITION_KEY), Map.of());
    }

    @Override
    public void update(StoredScenario scenario, long expectedVersion) {
        put(scenario, "#v = :v AND #o = :user", Map.of("#v", "version", "#o", "origin"),
                Map.of(":v", Items.n(expectedVersion), ":user", s(StoredScenario.USER)));
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
            throw new WriteConflictException();
        }
    }

    /** A scenario as its item: keys, what its listing and conditional writes read, the scenario as the JSON doc. */
    public static Map<String, AttributeValue> toItem(StoredScenario scenario) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, s(scenario.scenarioId()));
        item.put("catalog", s(CATALOG));
        item.put("origin", s(scenario.origin()));
        item.put("version", Items.n(scenario.version()));
        item.put(Items.DOC, s(Json.write(scenario)));
        return item;
    }
}
