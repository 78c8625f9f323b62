package chipcast.loader;

import chipcast.core.chip.ChipRepository;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.scenario.ScenarioRepository;
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
        tables.put("chips", Environment.require(env, ChipRepository.TABLE_ENV));
        tables.put("forecasts", Environment.require(env, ForecastRepository.TABLE_ENV));
        tables.put("fxRates", Environment.require(env, FxRateRepository.TABLE_ENV));
        tables.put("scenarios", Environment.require(env, ScenarioRepository.TABLE_ENV));
    }

    /** @return items written per table, by the dataset's names for them */
    public Map<String, Integer> load() {
        return load(DatasetItems.load());
    }

    /** Writes items made from the dataset (the jar's, made at build time, or made from the records in a test). */
    public Map<String, Integer> load(Map<String, List<Map<String, AttributeValue>>> items) {
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
