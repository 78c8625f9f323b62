package chipcast.loader;

import chipcast.core.cfn.CustomResourceResponse;
import chipcast.core.json.Json;
import chipcast.core.store.DynamoClients;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DataLoaderFunction: the CloudFormation custom resource that loads the bundled dataset into the
 * deployed tables on Create and Update (a new dataset is a new function version, so an Update). A stream
 * handler: the request's fields are read from its JSON as CloudFormation names them.
 */
public final class DataLoaderHandler implements RequestStreamHandler {
    private final DatasetLoader loader;

    public DataLoaderHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
    }

    public DataLoaderHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this.loader = new DatasetLoader(dynamo, env);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> result = load(Json.readEvent(input));
        System.out.println(Json.write(result));
        Json.write(output, result);
    }

    private Map<String, Object> load(Map<String, Object> event) {
        Map<String, Object> result = new LinkedHashMap<>();
        String status = "SUCCESS";
        String reason = "dataset loaded";
        try {
            if (!"Delete".equals(event.get("RequestType"))) {
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
        CustomResourceResponse.answer(event, status, reason, "chipcast-dataset", loaded(event));
        return result;
    }

    /** Echoes the dataset hash, so resources that read it (InitialRecalculation) run after the load. */
    private static Map<String, String> loaded(Map<String, Object> event) {
        Object hash = event.get("ResourceProperties") instanceof Map<?, ?> properties ? properties.get("DatasetSha256") : null;
        return Map.of("DatasetSha256Loaded", hash == null ? "" : String.valueOf(hash));
    }
}
