package chipcast.loader;

import chipcast.core.cfn.CustomResourceRequest;
import chipcast.core.cfn.CustomResourceResponse;
import chipcast.core.json.Json;
import chipcast.core.log.Log;
import chipcast.core.store.dynamodb.DynamoClients;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * DataLoaderFunction: the CloudFormation custom resource that loads the bundled dataset into the
 * deployed tables on Create and Update (a new dataset is a new function version, so an Update).
 */
public final class DataLoaderHandler implements RequestStreamHandler {
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

    /** What the load answers and logs. */
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
        log.info(result);
        // Echoes the dataset hash, so resources that read it (InitialRecalculation) run after the load.
        cloudFormation.answer(request, status, reason, "chipcast-dataset",
                Map.of("DatasetSha256Loaded", request.datasetSha256()), log);
        Json.write(output, result);
    }
}
