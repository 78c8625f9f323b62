package chipcast.core.cfn;

import chipcast.core.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers a CloudFormation custom resource request on its pre-signed S3 URL (or CloudFormation waits an hour). */
public final class CustomResourceResponse {
    private CustomResourceResponse() {
    }

    /**
     * Answers the request an event carries, with the fields CloudFormation sent: the resource keeps the
     * physical id it has (on Update and Delete), and gets {@code newPhysicalId} on Create.
     */
    public static void answer(Map<String, Object> event, String status, String reason, String newPhysicalId,
                              Map<String, String> data) {
        String physicalId = text(event, "PhysicalResourceId");
        send(text(event, "ResponseURL"), status, reason, physicalId != null ? physicalId : newPhysicalId,
                text(event, "StackId"), text(event, "RequestId"), text(event, "LogicalResourceId"), data);
    }

    /** A field of the event as text (CloudFormation sends strings; anything else is written as it reads). */
    public static String text(Map<String, Object> event, String field) {
        Object value = event.get(field);
        return value == null ? null : String.valueOf(value);
    }

    public static void send(String responseUrl, String status, String reason, String physicalId, String stackId,
                            String requestId, String logicalId, Map<String, String> data) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return; // a local invocation: nobody is waiting
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Reason", reason);
        body.put("PhysicalResourceId", physicalId);
        body.put("StackId", stackId);
        body.put("RequestId", requestId);
        body.put("LogicalResourceId", logicalId);
        if (data != null && !data.isEmpty()) {
            body.put("Data", data);
        }
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(responseUrl).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            // The pre-signed URL is signed for an empty content type.
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
