package chipcast.core.chip;

import chipcast.core.http.ApiException;
import chipcast.core.json.Json;
import chipcast.core.store.Items;
import chipcast.core.store.StoreCalls;
import chipcast.core.store.BatchReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chips table. An item holds the key attributes the indexes need plus the whole chip as a JSON
 * document: one GetItem serves a chip and no bean schema is built at cold start.
 */
public final class ChipRepository {
    public static final String TABLE_ENV = "CHIPS_TABLE";
    public static final String PARTITION_KEY = "id";
    public static final String VENDOR_INDEX = "byVendor";
    public static final String WORKLOAD_INDEX = "byWorkload";
    /** Every chip under one partition, sorted by id: an unfiltered listing is a Query too, never a Scan. */
    public static final String CATALOG_INDEX = "byCatalog";
    static final String CATALOG = "chip";

    private final DynamoDbClient dynamo;
    private final String table;

    public ChipRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public record Page(List<Chip> items, Map<String, String> lastKey) {
    }

    public Optional<Chip> find(String id) {
        Map<String, AttributeValue> item = StoreCalls.call("get chip", () -> dynamo.getItem(r -> r
                .tableName(table).key(Map.of(PARTITION_KEY, s(id))).projectionExpression("doc"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Chips by id in one BatchGetItem (unprocessed keys retried); missing ids are absent from the map. */
    public Map<String, Chip> findAll(List<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(Map.of(PARTITION_KEY, s(id)));
        }
        Map<String, Chip> found = new HashMap<>();
        for (Map<String, AttributeValue> item : new BatchReader(dynamo).getAll(table, keys, "doc")) {
            Chip chip = fromItem(item);
            found.put(chip.id(), chip);
        }
        return found;
    }

    /**
     * One page of chips matching the query, in id order. Filters (workload beside vendor, minimum memory)
     * are applied by DynamoDB after reading, so a page may need more than one Query to fill.
     */
    public Page list(ChipQuery query, int limit, Map<String, String> startKey) {
        String index;
        String keyName;
        String keyValue;
        if (query.vendorKey() != null) {
            index = VENDOR_INDEX;
            keyName = "vendorKey";
            keyValue = query.vendorKey();
        } else if (query.workload() != null) {
            index = WORKLOAD_INDEX;
            keyName = "workload";
            keyValue = query.workload();
        } else {
            index = CATALOG_INDEX;
            keyName = "catalog";
            keyValue = CATALOG;
        }
        Map<String, String> names = new HashMap<>(Map.of("#k", keyName, "#d", "doc"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":k", s(keyValue)));
        List<String> filters = new ArrayList<>();
        if (query.vendorKey() != null && query.workload() != null) {
            names.put("#w", "workload");
            values.put(":w", s(query.workload()));
            filters.add("#w = :w");
        }
        if (query.minMemoryGB() != null) {
            names.put("#m", "memoryGB");
            values.put(":m", AttributeValue.fromN(Double.toString(query.minMemoryGB())));
            filters.add("#m >= :m");
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#k = :k").expressionAttributeNames(names).expressionAttributeValues(values)
                .projectionExpression("#d");
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        Items.Page<Chip> page = Items.page(dynamo, "list chips", request.build(), limit,
                startKey == null ? null : toKey(startKey, keyName), ChipRepository::fromItem);
        List<Chip> items = page.items();
        return new Page(items, page.more() ? lastKey(items.get(items.size() - 1), keyName, keyValue) : null);
    }

    /** A chip as its item: keys, the attributes its indexes query, and the chip itself as the JSON doc. */
    public static Map<String, AttributeValue> toItem(Chip chip) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PARTITION_KEY, s(chip.id()));
        item.put("vendorKey", s(chip.vendorKey()));
        item.put("workload", s(chip.workload()));
        item.put("catalog", s(CATALOG));
        if (chip.memoryGB() != null) {
            item.put("memoryGB", AttributeValue.fromN(Double.toString(chip.memoryGB())));
        }
        item.put("doc", s(Json.write(chip)));
        return item;
    }

    private static Chip fromItem(Map<String, AttributeValue> item) {
        return Json.readStored(item.get("doc").s(), Chip.class);
    }

    /** The table and index key of the last chip of a page: what DynamoDB would have returned as LastEvaluatedKey. */
    private static Map<String, String> lastKey(Chip last, String keyName, String keyValue) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put(PARTITION_KEY, last.id());
        key.put(keyName, keyValue);
        return key;
    }

    private static Map<String, AttributeValue> toKey(Map<String, String> token, String keyName) {
        if (token.size() != 2 || !token.containsKey(PARTITION_KEY) || !token.containsKey(keyName)) {
            throw ApiException.invalidParameter("nextToken", "nextToken does not fit this query");
        }
        Map<String, AttributeValue> key = new HashMap<>();
        token.forEach((k, v) -> key.put(k, s(v)));
        return key;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
