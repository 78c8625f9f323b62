package chipcast.core.store.dynamodb;

import chipcast.core.benchmark.Benchmark;
import chipcast.core.chip.Chip;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.FxRate;
import chipcast.core.retry.Backoff;
import chipcast.core.scenario.StoredScenario;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the bundled dataset into its five tables with shared BatchWriteItem calls: 25 items a call over
 * all tables, so the load takes as few round trips as its size allows. Each item is the one its table's
 * store writes and reads back.
 */
public final class DynamoDatasetWriter {
    /** The dataset as the loader holds it. */
    public record Dataset(List<Chip> chips, List<Forecast> forecasts, List<FxRate> fxRates,
                          List<StoredScenario> scenarios, List<Benchmark> benchmarks) {
    }

    /** The table names, from the environment the template gives the loader. */
    public record Tables(String chips, String forecasts, String fxRates, String scenarios, String benchmarks) {
    }

    /** DynamoDB's limit of write requests per BatchWriteItem call, over all its tables. */
    public static final int CALL_SIZE = BatchWriter.CHUNK;

    private final BatchWriter writer;
    private final Tables tables;

    public DynamoDatasetWriter(DynamoDbClient dynamo, Tables tables, Backoff backoff) {
        this.writer = new BatchWriter(dynamo, backoff);
        this.tables = tables;
    }

    /** The items each table gets, by the dataset's names for the tables: chips, forecasts, fxRates, scenarios, benchmarks. */
    public static Map<String, List<Map<String, AttributeValue>>> items(Dataset dataset) {
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        items.put("chips", dataset.chips().stream().map(DynamoChipStore::toItem).toList());
        items.put("forecasts", dataset.forecasts().stream().map(DynamoForecastStore::toItem).toList());
        items.put("fxRates", dataset.fxRates().stream().map(DynamoFxRateStore::toItem).toList());
        items.put("scenarios", dataset.scenarios().stream().map(DynamoScenarioStore::toItem).toList());
        items.put("benchmarks", dataset.benchmarks().stream().map(DynamoBenchmarkStore::toItem).toList());
        return items;
    }

    /** @return items written per table, by the dataset's names for them: chips, forecasts, fxRates, scenarios, benchmarks */
    public Map<String, Integer> write(Dataset dataset) {
        Map<String, List<Map<String, AttributeValue>>> items = items(dataset);
        Map<String, Integer> byTable = writer.putAll(List.of(
                new BatchWriter.Puts(tables.chips(), items.get("chips")),
                new BatchWriter.Puts(tables.forecasts(), items.get("forecasts")),
                new BatchWriter.Puts(tables.fxRates(), items.get("fxRates")),
                new BatchWriter.Puts(tables.scenarios(), items.get("scenarios")),
                new BatchWriter.Puts(tables.benchmarks(), items.get("benchmarks"))));
        Map<String, Integer> written = new LinkedHashMap<>();
        written.put("chips", byTable.getOrDefault(tables.chips(), 0));
        written.put("forecasts", byTable.getOrDefault(tables.forecasts(), 0));
        written.put("fxRates", byTable.getOrDefault(tables.fxRates(), 0));
        written.put("scenarios", byTable.getOrDefault(tables.scenarios(), 0));
        written.put("benchmarks", byTable.getOrDefault(tables.benchmarks(), 0));
        return written;
    }
}
