package chipcast.core.store.dynamodb;

import chipcast.core.benchmark.Benchmark;
import chipcast.core.benchmark.BenchmarkQuery;
import chipcast.core.benchmark.BenchmarkStore;
import chipcast.core.json.Json;
import chipcast.core.store.Page;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static chipcast.core.store.dynamodb.Items.s;

/**
 * The benchmarks table. An item holds the attributes the indexes need (chip, model, scenario or workload, source)
 * and the whole result as a JSON document. Every listing is a Query on the index of its most selective filter, the
 * other filters applied by DynamoDB after reading; never a Scan.
 */
public final class DynamoBenchmarkStore implements BenchmarkStore {
    public static final String TABLE_ENV = "BENCHMARKS_TABLE";
    public static final String PARTITION_KEY = "id";
    public static final String CHIP_INDEX = "byChip";
    public static final String MODEL_INDEX = "byModel";
    public static final String SCENARIO_INDEX = "byScenario";
    public static final String SOURCE_INDEX = "bySource";
    /** Every result under one partition, sorted by id: an unfiltered listing is a Query too. */
    public static final String CATALOG_INDEX = "byCatalog";
    static final String CATALOG = "benchmark";

    /** Filter attribute, its index, in the order an index is chosen. */
    private record Key(String attribute, String index) {
    }

    private static final List<Key> KEYS = List.of(new Key("chipId", CHIP_INDEX), new Key("model", MODEL_INDEX),
            new Key("scenarioKey", SCENARIO_INDEX), new Key("sourceKind", SOURCE_INDEX));

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBenchmarkStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Benchmark> find(String id) {
        return Items.find(dynamo, table, PARTITION_KEY, id, Benchmark.class, false, "get benchmark");
    }

    @Override
    public Page<Benchmark> list(BenchmarkQuery query, int limit, Map<String, String> startKey) {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "chipId", query.chipId());
        put(filters, "model", query.model());
        put(filters, "scenarioKey", query.scenarioKey());
        put(filters, "sourceKind", query.sourceKind());
        Key key = KEYS.stream().filter(k -> filters.containsKey(k.attribute())).findFirst()
                .orElse(new Key("catalog", CATALOG_INDEX));
        String keyValue = filters.getOrDefault(key.attribute(), CATALOG);
        Map<String, String> names = new HashMap<>(Map.of("#k", key.attribute(), "#d", Items.DOC));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":k", s(keyValue)));
        List<String> conditions = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> f : filters.entrySet()) {
            if (!f.getKey().equals(key.attribute())) {
                names.put("#f" + n, f.getKey());
                values.put(":f" + n, s(f.getValue()));
                conditions.add("#f" + n + " = :f" + n);
                n++;
            }
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(key.index())
                .keyConditionExpression("#k = :k").expressionAttributeNames(names).expressionAttributeValues(values)
                .projectionExpression("#d");
        if (!conditions.isEmpty()) {
            request.filterExpression(String.join(" AND ", conditions));
        }
        Items.QueryPage<Benchmark> page = Items.page(dynamo, "list benchmarks", request.build(), limit,
                Items.startKey(startKey, Set.of(PARTITION_KEY, key.attribute()), "query"),
                item -> Items.doc(item, Benchmark.class));
        List<Benchmark> items = page.items();
        if (!page.more()) {
            return new Page<>(items, null);
        }
        Map<String, String> last = new LinkedHashMap<>();
        last.put(PARTITION_KEY, items.get(items.size() - 1).id());
        last.put(key.attribute(), keyValue);
        return new Page<>(items, last);
    }

    @Override
    public List<Benchmark> forChip(String chipId) {
        return query("benchmarks of a chip", CHIP_INDEX, "chipId", chipId);
    }

    @Override
    public List<Benchmark> all() {
        return query("all benchmarks", CATALOG_INDEX, "catalog", CATALOG);
    }

    private List<Benchmark> query(String what, String index, String attribute, String value) {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#k = :k").expressionAttributeNames(Map.of("#k", attribute, "#d", Items.DOC))
                .expressionAttributeValues(Map.of(":k", s(value))).projectionExpression("#d").build();
        List<Benchmark> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Items.queryAll(dynamo, what, request)) {
            out.add(Items.doc(item, Benchmark.class));
        }
        return out;
    }

    private static void put(Map<String, String> filters, String attribute, String value) {
        if (value != null) {
            filters.put(attribute, value);
        }
    }

    /** A result as its item: keys, the attributes its indexes query, and the result itself as the JSON doc. */
    public static Map<String, AttributeValue> toItem(Benchmark b) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PARTITION_KEY, s(b.id()));
        item.put("catalog", s(CATALOG));
        item.put("scenarioKey", s(b.scenarioKey()));
        if (b.chipId() != null) {
            item.put("chipId", s(b.chipId()));
        }
        if (b.model() != null) {
            item.put("model", s(b.model()));
        }
        if (b.sourceKind() != null) {
            item.put("sourceKind", s(b.sourceKind()));
        }
        item.put(Items.DOC, s(Json.write(b)));
        return item;
    }
}
