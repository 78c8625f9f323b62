package chipcast.bench.jmh;

import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.local.Invoker;
import chipcast.local.LocalContext;
import chipcast.local.LocalEnvironment;
import chipcast.local.Log;
import com.amazonaws.services.lambda.runtime.Context;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Warm invocations of each route against dynalite: handlers built once (a warm container), events
 * parsed once with the Lambda runtime's own serialiser and reused. bareGetItem is the floor: the same
 * client doing the one GetItem a chip lookup needs, with nothing around it; bareGetItemProjected is that
 * GetItem exactly as the repository sends it, so chipById minus it is ChipCast's own code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmRoutes {
    private LocalEnvironment stack;
    private DynamoDbClient dynamo;
    private GetItemRequest chipGet;
    private GetItemRequest chipGetProjected;
    private Object chips;
    private Object forecasts;
    private byte[] getChip;
    private byte[] compareChips;
    private byte[] listChips;
    private byte[] getForecast;
    private byte[] forecastConsensus;
    private byte[] calculateForecast;
    private byte[] listForecasts;
    private Context chipContext;
    private Context forecastContext;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path root = Path.of(System.getProperty("chipcast.root", ".")).toAbsolutePath().normalize();
        stack = LocalEnvironment.start(root, Log.QUIET);
        // The handlers' own client configuration (timeouts, retries), as the deployed functions build it.
        dynamo = DynamoClients.fromEnvironment(stack.environment("ChipSpecFunction"));
        chips = stack.newHandler("ChipSpecFunction", dynamo);
        forecasts = stack.newHandler("ForecastFunction", dynamo);
        chipGet = GetItemRequest.builder().tableName(stack.environment("ChipSpecFunction").get("CHIPS_TABLE"))
                .key(Map.of("id", AttributeValue.fromS("nvidia-h100-sxm"))).build();
        chipGetProjected = chipGet.toBuilder().projectionExpression("doc").build();
        getChip = event(root, chips, "get-chip.json");
        compareChips = event(root, chips, "compare-chips.json");
        listChips = event(root, chips, "list-chips.json");
        getForecast = event(root, forecasts, "get-forecast.json");
        forecastConsensus = event(root, forecasts, "forecast-consensus.json");
        calculateForecast = event(root, forecasts, "calculate-forecast-points.json");
        listForecasts = event(root, forecasts, "list-forecasts.json");
        chipContext = new LocalContext("ChipSpecFunction", true);
        forecastContext = new LocalContext("ForecastFunction", true);
    }

    /** The event's bytes, as the runtime hands them to a stream handler; the answer's bytes are what it returns. */
    private static byte[] event(Path root, Object handler, String file) throws Exception {
        return Files.readAllBytes(root.resolve("events").resolve(file));
    }

    @TearDown(Level.Trial)
    public void stop() {
        dynamo.close();
        stack.close();
    }

    @Benchmark
    public Object bareGetItem() {
        return dynamo.getItem(chipGet);
    }

    /** The exact request ChipRepository.find sends (projection on the document): the store's share of a lookup. */
    @Benchmark
    public Object bareGetItemProjected() {
        return dynamo.getItem(chipGetProjected);
    }

    @Benchmark
    public Object chipById() {
        return Invoker.invokeRaw(chips, getChip, chipContext);
    }

    @Benchmark
    public Object compareChips() {
        return Invoker.invokeRaw(chips, compareChips, chipContext);
    }

    @Benchmark
    public Object listChips() {
        return Invoker.invokeRaw(chips, listChips, chipContext);
    }

    @Benchmark
    public Object forecastById() {
        return Invoker.invokeRaw(forecasts, getForecast, forecastContext);
    }

    @Benchmark
    public Object forecastConsensus() {
        return Invoker.invokeRaw(forecasts, forecastConsensus, forecastContext);
    }

    @Benchmark
    public Object calculateForecast() {
        return Invoker.invokeRaw(forecasts, calculateForecast, forecastContext);
    }

    @Benchmark
    public Object listForecasts() {
        return Invoker.invokeRaw(forecasts, listForecasts, forecastContext);
    }
}
