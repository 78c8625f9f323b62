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
