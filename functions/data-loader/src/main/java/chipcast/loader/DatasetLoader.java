package chipcast.loader;

import chipcast.core.chip.ChipRepository;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.scenario.ScenarioRepository;
import chipcast.core.store.BatchWriter;
import chipcast.core.store.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the bundled dataset into the tables named by the environment; the same code seeds AWS and dynalite. */
public final class DatasetLoader {
    private final BatchWriter writer;
    private final ChipRepository chips;
    private final ForecastRepository forecasts;
    private final FxRateRepository fxRates;
    private final ScenarioRepository scenarios;

    public DatasetLoader(DynamoDbClient dynamo, Map<String, String> env) {
        this.writer = new BatchWriter(dynamo);
        this.chips = new ChipRepository(dynamo, Environment.require(env, ChipRepository.TABLE_ENV));
        this.forecasts = new ForecastRepository(dynamo, Environment.require(env, ForecastRepository.TABLE_ENV));
        this.fxRates = new FxRateRepository(dynamo, Environment.require(env, FxRateRepository.TABLE_ENV));
        this.scenarios = new ScenarioRepository(dynamo, Environment.require(env, ScenarioRepository.TABLE_ENV));
    }

    /** @return items written per table, by the dataset's names for them */
    public Map<String, Integer> load() {
        Dataset.ForecastFile forecastFile = Dataset.forecastFile();
        Map<String, BatchWriter.Puts> puts = new LinkedHashMap<>();
        puts.put("chips", chips.puts(Dataset.chips()));
        puts.put("forecasts", forecasts.puts(forecastFile.forecasts()));
        puts.put("fxRates", fxRates.puts(forecastFile.fxRates()));
        // Claims are not written: the scenario function reads them from its own jar (see docs/scenarios.md).
        puts.put("scenarios", scenarios.puts(Dataset.scenarios()));
        // One writer for all four tables: its calls carry 25 items whatever their table (2 calls, not 4).
        Map<String, Integer> byTable = writer.putAll(List.copyOf(puts.values()));
        Map<String, Integer> written = new LinkedHashMap<>();
        puts.forEach((name, p) -> written.put(name, byTable.get(p.table())));
        return written;
    }
}
