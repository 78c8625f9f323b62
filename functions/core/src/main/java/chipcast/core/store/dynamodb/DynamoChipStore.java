package chipcast.core.store.dynamodb;

import chipcast.core.chip.Chip;
import chipcast.core.chip.ChipQuery;
import chipcast.core.chip.ChipStore;
import chipcast.core.json.Json;
import chipcast.core.retry.Backoff;
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
 * The chips table. An item holds the key attributes the indexes need plus the whole chip as a JSON
 * document: one GetItem serves a chip, and every listing is a Query on an index, never a Scan.
 */
public final class DynamoChipStore implements ChipStore {
    public static final String TABLE_ENV = "CHIPS_TABLE";
    public static final String PARTITION_KEY = "id";
    public static final String VENDOR_INDEX = "byVendor";
    public static final String WORKLOAD_INDEX = "byWorkload";
    /** Every chip under one partition, sorted by id: an unfiltered listing is a Query too, never a Scan. */
    public static final String CATALOG_INDEX = "byCatalog";
    static final String CATALOG = "chip";

    private final DynamoDbClient dynamo;
    private final String table;
    private final BatchReader batches;

    public DynamoChipStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DynamoClients.BATCH_BACKOFF);
    }

    public DynamoChipStore(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.batches = new BatchReader(dynamo, backoff);
    }

    @Override
    public Optional<Chip> find(String id) {
        return Items.find(dynamo, table, PARTITION_KEY, id, Chip.class, false, "get chip");
    }

    /** Chips by id in one BatchGetItem (unprocessed keys retried); missing ids are absent from the map. */
    @Override
    public Map<String, Chip> findAll(List<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(Map.of(PARTITION_KEY, s(id)));
        }
        Map<String, Chip> found = new HashMap<>();
        for (Map<String, AttributeValue> item : batches.getAll(table, keys, Items.DOC)) {
            Chip chip = Items.doc(item, Chip.class);
            found.put(chip.id(), chip);
        }
        return found;
    }

    /**
     * One page of chips matching the query, in id order. Filters (workload beside vendor, minimum memory)
     * are applied by DynamoDB after reading, so a page may need more than one Query to fill.
     */
    @Override
    public Page<Chip> list(ChipQuery query, int limit, Map<String, String> startKey) {
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
        Map<String, String> names = new HashMap<>(Map.of("#k", keyName, "#d", Items.DOC));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":k", s(keyValue)));
        List<String> filters = new ArrayList<>();
        if (query.vendorKey() != null && query.workload() != null) {
            names.put("#w", "workload");
            values.put(":w", s(query.workload()));
            filters.add("#w = :w");
        }
        if (query.minMemoryGB() != null) {
            names.put("#m", "memoryGB");
            // DynamoDB refuses a number nearer zero than 1E-130; no stored memory is, so the bound means the same.
            double min = query.minMemoryGB();
            values.put(":m", AttributeValue.fromN(min > 0 && min < 1e-130 ? "1E-130" : Double.toString(min)));
            filters.add("#m >= :m");
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#k = :k").expressionAttributeNames(names).expressionAttributeValues(values)
                .projectionExpression("#d");
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        Items.QueryPage<Chip> page = Items.page(dynamo, "list chips", request.build(), limit,
                Items.startKey(startKey, Set.of(PARTITION_KEY, keyName), "query"), item -> Items.doc(item, Chip.class));
        List<Chip> items = page.items();
        return new Page<>(items, page.more() ? lastKey(items.get(items.size() - 1), keyName, keyValue) : null);
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
        item.put(Items.DOC, s(Json.write(chip)));
        return item;
    }

    /** The table and index key of the last chip of a page: what DynamoDB would have returned as LastEvaluatedKey. */
    private static Map<String, String> lastKey(Chip last, String keyName, String keyValue) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put(PARTITION_KEY, last.id());
        key.put(keyName, keyValue);
        return key;
    }
}
