package chipcast.loader;

import chipcast.core.cfn.CustomResourceResponse;
import chipcast.core.json.Json;
import chipcast.core.store.DynamoClients;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DataLoaderFunction: the CloudFormation custom resource that loads the bundled dataset into the
 * deployed tables on Create and Update (a new dataset is a new function version, so an Update).
 */
public final class DataLoaderHandler implements RequestHandler<CloudFormationCustomResourceEvent, Map<String, Object>> {
    private final DatasetLoader loader;

    public DataLoaderHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
    }

    public DataLoaderHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this.loader = new DatasetLoader(dynamo, env);
    }

    @Override
    public Map<String, Object> handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        Map<String, Object> result = new LinkedHashMap<>();
        String status = "SUCCESS";
        String reason = "dataset loaded";
        try {
            if (!"Delete".equals(event.getRequestType())) {
                result.put("written", loader.load());
            }
        } catch (RuntimeException e) {
            // The stack must hear of the failure, or CloudFormation waits an hour for the response.
            status = "FAILED";
            reason = "dataset load failed: " + e.getClass().getSimpleName() + " (see the function's log)";
            e.printStackTrace();
        }
        result.put("status", status);
        result.put("reason", reason);
        CustomResourceResponse.send(event.getResponseUrl(), status, reason,
                event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : "chipcast-dataset",
                event.getStackId(), event.getRequestId(), event.getLogicalResourceId(), loaded(event));
        System.out.println(Json.write(result));
        return result;
    }

    /** Echoes the dataset hash, so resources that read it (InitialRecalculation) run after the load. */
    private static Map<String, String> loaded(CloudFormationCustomResourceEvent event) {
        Object hash = event.getResourceProperties() == null ? null : event.getResourceProperties().get("DatasetSha256");
        return Map.of("DatasetSha256Loaded", hash == null ? "" : String.valueOf(hash));
    }
}
