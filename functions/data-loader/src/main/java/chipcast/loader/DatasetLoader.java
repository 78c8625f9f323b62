package chipcast.loader;

import chipcast.core.Environment;
import chipcast.core.retry.Backoff;
import chipcast.core.store.dynamodb.DynamoBenchmarkStore;
import chipcast.core.store.dynamodb.DynamoChipStore;
import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.core.store.dynamodb.DynamoDatasetWriter;
import chipcast.core.store.dynamodb.DynamoForecastStore;
import chipcast.core.store.dynamodb.DynamoFxRateStore;
import chipcast.core.store.dynamodb.DynamoScenarioStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

/** Writes the bundled dataset into the tables named by the environment; the same code seeds AWS and dynalite. */
public final class DatasetLoader {
    private final DynamoDatasetWriter writer;

    public DatasetLoader(DynamoDbClient dynamo, Map<String, String> env) {
        this(dynamo, env, DynamoClients.BATCH_BACKOFF);
    }

    public DatasetLoader(DynamoDbClient dynamo, Map<String, String> env, Backoff backoff) {
        this.writer = new DynamoDatasetWriter(dynamo, new DynamoDatasetWriter.Tables(
                Environment.require(env, DynamoChipStore.TABLE_ENV), Environment.require(env, DynamoForecastStore.TABLE_ENV),
                Environment.require(env, DynamoFxRateStore.TABLE_ENV), Environment.require(env, DynamoScenarioStore.TABLE_ENV),
                Environment.require(env, DynamoBenchmarkStore.TABLE_ENV)),
                backoff);
    }

    /** @return items written per table: chips, forecasts, fxRates, scenarios, benchmarks */
    public Map<String, Integer> load() {
        return writer.write(Dataset.load());
    }
}
