package chipcast.recalc;

import chipcast.core.Environment;
import chipcast.core.cfn.CustomResourceRequest;
import chipcast.core.cfn.CustomResourceResponse;
import chipcast.core.json.Json;
import chipcast.core.log.Log;
import chipcast.core.metrics.Emf;
import chipcast.core.metrics.Metrics;
import chipcast.core.retry.Deadline;
import chipcast.core.snapstart.Priming;
import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.core.store.dynamodb.DynamoForecastStore;
import chipcast.core.store.dynamodb.DynamoFxRateStore;
import chipcast.core.store.dynamodb.DynamoSeriesStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * RecalculationFunction: invoked daily by an EventBridge schedule (explicit Input), once on deploy as a
 * custom resource after the dataset load, and locally at start-up. Returns the run's summary, publishes its counts as
 * metrics (one EMF line a run) and logs a failed run with its failed series.
 */
public final class RecalculationHandler implements RequestStreamHandler {
    /** A preview is three store calls; a few rounds compile its path (an API function's priming runs more). */
    public static final int PRIMING_ROUNDS = 10;

    /** A run's store time at most; the invocation's remaining time (the function's timeout is 300 s) bounds it too. */
    static final Duration RUN_BUDGET = Duration.ofMinutes(4);

    /** The metrics of a run, by function: series computed, written, unchanged and failed, the run's time, and 1/0. */
    public static final String COMPUTED = "RecalculationComputed";
    public static final String WRITTEN = "RecalculationWritten";
    public static final String UNCHANGED = "RecalculationUnchanged";
    public static final String FAILED = "RecalculationFailed";
    public static final String DURATION = "RecalculationDuration";
    /** 1 for a run that succeeded, 0 for one that failed: the staleness alarm counts the 1s, the failure alarm the 0s. */
    public static final String SUCCEEDED = "RecalculationSucceeded";

    private final Recalculation recalculation;
    private final CustomResourceResponse cloudFormation;

    public RecalculationHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
        // SnapStart: the schedule invokes the published alias, and every daily run is a cold start. Prime with
        // the run's reads (Query, BatchGetItem, hashing) and its summary's JSON; never its writes.
        Priming.register(primingPath(), PRIMING_ROUNDS);
    }

    public RecalculationHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this(dynamo, env, CustomResourceResponse.DEFAULT);
    }

    public RecalculationHandler(DynamoDbClient dynamo, Map<String, String> env, CustomResourceResponse cloudFormation) {
        this.recalculation = new Recalculation(
                new DynamoForecastStore(dynamo, Environment.require(env, DynamoForecastStore.TABLE_ENV)),
                new DynamoFxRateStore(dynamo, Environment.require(env, DynamoFxRateStore.TABLE_ENV)),
                new DynamoSeriesStore(dynamo, Environment.require(env, DynamoSeriesStore.TABLE_ENV)));
        this.cloudFormation = cloudFormation;
    }

    /** What SnapStart priming runs: a preview of the run (reads only) and its JSON. */
    public Priming.RequestPath primingPath() {
        return () -> Json.write(recalculation.preview());
    }

    /** A schedule's Input: {"trigger":"schedule",...}; anything else in it is the schedule's own business. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScheduleInput(String trigger) {
        static final ScheduleInput NONE = new ScheduleInput(null);
    }

    /** What an invocation answers and logs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String trigger, Recalculation.Summary summary, String error, String status) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        Json.write(output, run(Json.readEvent(event, ScheduleInput.class, ScheduleInput.NONE),
                Json.readEvent(event, CustomResourceRequest.class, null), context));
    }

    Result run(ScheduleInput schedule, CustomResourceRequest request, Context context) {
        boolean customResource = request != null && request.fromCloudFormation();
        String trigger = customResource ? "deploy" : schedule.trigger() != null ? schedule.trigger() : "invoke";
        Recalculation.Summary summary = null;
        String error = null;
        String status = "SUCCESS";
        Log log = Log.of(context);
        try {
            if (!customResource || !request.isDelete()) {
                Deadline.start(RUN_BUDGET, context == null ? -1 : context.getRemainingTimeInMillis());
                summary = recalculation.run(System.currentTimeMillis());
                if (summary.failed() > 0) {
                    status = "FAILED";
                }
            }
        } catch (RuntimeException e) {
            status = "FAILED";
            error = e.getClass().getSimpleName();
            log.error(new Failed("recalculation failed", Log.Failure.of(e)));
        } finally {
            Deadline.clear();
        }
        Result result = new Result(trigger, summary, error, status);
        if (!"SUCCESS".equals(status)) {
            log.error(result); // the failed series by name; a success is the answer and its metrics, not a log line
        }
        Metrics.emit(context, metrics(context, trigger, summary, status));
        if (customResource) {
            cloudFormation.answer(request, status, "recalculation " + status.toLowerCase(java.util.Locale.ROOT),
                    "chipcast-recalculation", Map.of(), log);
        } else if (!"SUCCESS".equals(status)) {
            // A failed scheduled run must fail the invocation, so the schedule's retry and dead-letter queue see it.
            throw new IllegalStateException("recalculation failed: " + Json.write(result));
        }
        return result;
    }

    record Failed(String event, Log.Failure failure) {
    }

    static Emf metrics(Context context, String trigger, Recalculation.Summary summary, String status) {
        Emf doc = Metrics.invocation(context).property("trigger", trigger);
        if (summary != null) {
            doc.metrics(Metrics.BY_FUNCTION, Emf.Metric.count(COMPUTED, summary.computed()),
                    Emf.Metric.count(WRITTEN, summary.written()), Emf.Metric.count(UNCHANGED, summary.unchanged()),
                    Emf.Metric.count(FAILED, summary.failed()), Emf.Metric.millis(DURATION, summary.durationMs()));
        }
        return doc.metrics(Metrics.BY_FUNCTION, Emf.Metric.count(SUCCEEDED, "SUCCESS".equals(status) ? 1 : 0));
    }
}
