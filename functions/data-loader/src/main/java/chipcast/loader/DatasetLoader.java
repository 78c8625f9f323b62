package chipcast.loader;

import chipcast.core.store.BatchWriter;
import chipcast.core.store.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the bundled dataset into the tables named by the environment; the same code seeds AWS and dynalite. */
public final class DatasetLoader {
    private final BatchWriter writer;
    /** The dataset's name for each table (as in dataset/items.json) and the table's name here. */
    private final Map<String, String> tables = new LinkedHashMap<>();

    public DatasetLoader(DynamoDbClient dynamo, Map<String, String> env) {
        this.writer = new BatchWriter(dynamo);
        DatasetItems.TABLE_VARIABLES.forEach((name, variable) -> tables.put(name, Environment.require(env, variable)));
    }

    /** @return items written per table, by the dataset's names for them */
    public Map<String, Integer> load() {
        Map<String, List<Map<String, AttributeValue>>> items = DatasetItems.load();
        if (!items.keySet().equals(tables.keySet())) {
            throw new IllegalStateException("dataset items are for tables " + items.keySet() + ", not " + tables.keySet());
        }
        List<BatchWriter.Puts> puts = new ArrayList<>();
        tables.forEach((name, table) -> puts.add(new BatchWriter.Puts(table, items.get(name))));
        // One writer for all four tables: its calls carry 25 items whatever their table (2 calls, not 4).
        Map<String, Integer> byTable = writer.putAll(puts);
        Map<String, Integer> written = new LinkedHashMap<>();
        tables.forEach((name, table) -> written.put(name, byTable.get(table)));
        return written;
    }
}
