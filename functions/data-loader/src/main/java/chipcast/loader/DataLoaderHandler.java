package chipcast.loader;

import chipcast.core.cfn.CustomResourceRequest;
import chipcast.core.cfn.CustomResourceResponse;
import chipcast.core.json.Json;
import chipcast.core.log.Log;
import chipcast.core.metrics.Emf;
import chipcast.core.metrics.Metrics;
import chipcast.core.store.dynamodb.DynamoClients;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * DataLoaderFunction: the CloudFormation custom resource that loads the bundled dataset into the
 * deployed tables on Create and Update (a new dataset is a new function version, so an Update).
 */
public final class DataLoaderHandler implements RequestStreamHandler {
    /** Items written to each table of a load (dimensions function and table), and a failed load (1). */
    public static final String ITEMS = "LoaderItems";
    public static final String FAILED = "LoaderFailed";
    static final String TABLE = "table";

    private static final CustomResourceRequest NO_REQUEST = new CustomResourceRequest(null, null, null, null, null, null, null);

    private final DatasetLoader loader;
    private final CustomResourceResponse cloudFormation;

    public DataLoaderHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
    }

    public DataLoaderHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this(new DatasetLoader(dynamo, env), CustomResourceResponse.DEFAULT);
    }

    public DataLoaderHandler(DatasetLoader loader, CustomResourceResponse cloudFormation) {
        this.loader = loader;
        this.cloudFormation = cloudFormation;
    }

    /** What the load answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(Map<String, Integer> written, String status, String reason) {
    }

    record Failed(String event, Log.Failure failure) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        CustomResourceRequest request = Json.readEvent(input.readAllBytes(), CustomResourceRequest.class, NO_REQUEST);
        Log log = Log.of(context);
        Map<String, Integer> written = null;
        String status = "SUCCESS";
        String reason = "dataset loaded";
        try {
            if (!request.isDelete()) {
                written = loader.load();
            }
        } catch (RuntimeException e) {
            // The stack must hear of the failure, or CloudFormation waits an hour for the response.
            status = "FAILED";
            reason = "dataset load failed: " + e.getClass().getSimpleName() + " (see the function's log)";
            log.error(new Failed("dataset load failed", Log.Failure.of(e)));
        }
        Result result = new Result(written, status, reason);
        metrics(context, written, "FAILED".equals(status));
        // Echoes the dataset hash, so resources that read it (InitialRecalculation) run after the load.
        cloudFormation.answer(request, status, reason, "chipcast-dataset",
                Map.of("DatasetSha256Loaded", request.datasetSha256()), log);
        Json.write(output, result);
    }

    /** One EMF line per table written (the table names are the dataset's four), or one saying the load failed. */
    private static void metrics(Context context, Map<String, Integer> written, boolean failed) {
        if (failed) {
            Metrics.emit(context, Metrics.invocation(context).metrics(Metrics.BY_FUNCTION, Emf.Metric.count(FAILED, 1)));
        } else if (written != null) {
            written.forEach((table, items) -> Metrics.emit(context, Metrics.invocation(context).dimension(TABLE, table)
                    .metrics(List.of(List.of(Metrics.FUNCTION, TABLE)), Emf.Metric.count(ITEMS, items))));
        }
    }
}
