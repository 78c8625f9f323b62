package chipcast.loader;

import chipcast.core.json.Json;
import chipcast.core.store.DynamoClients;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        if (event.getResponseUrl() != null && !event.getResponseUrl().isBlank()) {
            respond(event, status, reason, context);
        }
        System.out.println(Json.write(result));
        return result;
    }

    private static void respond(CloudFormationCustomResourceEvent event, String status, String reason, Context context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Reason", reason);
        body.put("PhysicalResourceId", event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : "chipcast-dataset");
        body.put("StackId", event.getStackId());
        body.put("RequestId", event.getRequestId());
        body.put("LogicalResourceId", event.getLogicalResourceId());
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(event.getResponseUrl()).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            // The pre-signed S3 URL is signed with an empty content type.
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            connection.getResponseCode();
            connection.disconnect();
        } catch (IOException e) {
            e.printStackTrace();
        }
    }
}
