package chipcast.loader;

import chipcast.core.chip.ChipRepository;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.scenario.ScenarioRepository;
import chipcast.core.store.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the bundled dataset into the tables named by the environment; the same code seeds AWS and dynalite. */
public final class DatasetLoader {
    private final ChipRepository chips;
    private final ForecastRepository forecasts;
    private final FxRateRepository fxRates;
    private final ScenarioRepository scenarios;

    public DatasetLoader(DynamoDbClient dynamo, Map<String, String> env) {
        this.chips = new ChipRepository(dynamo, Environment.require(env, ChipRepository.TABLE_ENV));
        this.forecasts = new ForecastRepository(dynamo, Environment.require(env, ForecastRepository.TABLE_ENV));
        this.fxRates = new FxRateRepository(dynamo, Environment.require(env, FxRateRepository.TABLE_ENV));
        this.scenarios = new ScenarioRepository(dynamo, Environment.require(env, ScenarioRepository.TABLE_ENV));
    }

    /** @return items written per table */
    public Map<String, Integer> load() {
        Map<String, Integer> written = new LinkedHashMap<>();
        written.put("chips", chips.putAll(Dataset.chips()));
        written.put("forecasts", forecasts.putAll(Dataset.forecasts()));
        written.put("fxRates", fxRates.putAll(Dataset.fxRates()));
        // Claims are not written: the scenario function reads them from its own jar (see docs/scenarios.md).
        written.put("scenarios", scenarios.putAll(Dataset.scenarios()));
        return written;
    }
}
