package chipcast.recalc;

import chipcast.core.cfn.CustomResourceResponse;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.json.Json;
import chipcast.core.series.SeriesRepository;
import chipcast.core.snapstart.Priming;
import chipcast.core.store.DynamoClients;
import chipcast.core.store.Environment;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RecalculationFunction: invoked daily by an EventBridge schedule (explicit Input), once on deploy as a
 * custom resource after the dataset load, and locally at start-up. Returns and logs the run's summary.
 * A stream handler: the event is a small JSON object, read without the runtime's serialiser.
 */
public final class RecalculationHandler implements RequestStreamHandler {
    private final Recalculation recalculation;

    public RecalculationHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
        // SnapStart: the schedule invokes the published alias, and every daily run is a cold start. Prime with
        // the run's reads (Query, BatchGetItem, hashing) and its summary's JSON; never its writes.
        Priming.register(primingPath());
    }

    public RecalculationHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this.recalculation = new Recalculation(
                new ForecastRepository(dynamo, Environment.require(env, ForecastRepository.TABLE_ENV)),
                new FxRateRepository(dynamo, Environment.require(env, FxRateRepository.TABLE_ENV)),
                new SeriesRepository(dynamo, Environment.require(env, SeriesRepository.TABLE_ENV)));
    }

    /** What SnapStart priming runs: a preview of the run (reads only) and its JSON. */
    public Priming.RequestPath primingPath() {
        return () -> Json.write(recalculation.preview());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, run(Json.readEvent(input), context));
    }

    Map<String, Object> run(Map<String, Object> event, Context context) {
        boolean customResource = event.containsKey("RequestType") && event.containsKey("ResponseURL");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("trigger", customResource ? "deploy" : event.getOrDefault("trigger", "invoke"));
        String status = "SUCCESS";
        try {
            if (!customResource || !"Delete".equals(event.get("RequestType"))) {
                Recalculation.Summary summary = recalculation.run(System.currentTimeMillis());
                result.put("summary", summary);
                if (summary.failed() > 0) {
                    status = "FAILED";
                }
            }
        } catch (RuntimeException e) {
            status = "FAILED";
            result.put("error", e.getClass().getSimpleName());
            e.printStackTrace();
        }
        result.put("status", status);
        log(context, result);
        if (customResource) {
            CustomResourceResponse.answer(event, status, "recalculation " + status.toLowerCase(),
                    "chipcast-recalculation", Map.of());
        } else if (!"SUCCESS".equals(status)) {
            // A failed scheduled run must fail the invocation, so the schedule's retry and dead-letter queue see it.
            throw new IllegalStateException("recalculation failed: " + Json.write(result));
        }
        return result;
    }

    private static void log(Context context, Map<String, Object> result) {
        String line = Json.write(result);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line + "\n");
        } else {
            System.out.println(line);
        }
    }
}
