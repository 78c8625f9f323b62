package chipcast.core.cfn;

import chipcast.core.json.Json;
import chipcast.core.log.Log;
import chipcast.core.retry.Backoff;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Answers a CloudFormation custom resource request on its pre-signed S3 URL. An answer that does not land
 * leaves the stack waiting an hour, so the PUT's status is checked and a failed PUT (an error status, a
 * refused connection, no answer in time) is retried with the project's backoff, then logged as an error.
 */
public final class CustomResourceResponse {
    /** Four tries over about ten seconds: S3 answers a pre-signed PUT at once or is briefly unavailable. */
    public static final CustomResourceResponse DEFAULT = new CustomResourceResponse(
            new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), 4, Backoff.Sleeper.REAL),
            Duration.ofSeconds(5), Duration.ofSeconds(10));

    private final Backoff backoff;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public CustomResourceResponse(Backoff backoff, Duration connectTimeout, Duration readTimeout) {
        this.backoff = backoff;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** The answer's body as CloudFormation reads it. */
    record Answer(@JsonProperty("Status") String status, @JsonProperty("Reason") String reason,
                  @JsonProperty("PhysicalResourceId") String physicalResourceId, @JsonProperty("StackId") String stackId,
                  @JsonProperty("RequestId") String requestId, @JsonProperty("LogicalResourceId") String logicalResourceId,
                  @JsonProperty("Data") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> data) {
    }

    /** What became of an answer, for the function's log. */
    record Delivery(String event, String status, String logicalResourceId, int attempts, Integer httpStatus,
                    String problem) {
    }

    /**
     * Answers the request with the fields CloudFormation sent: the resource keeps the physical id it has (on
     * Update and Delete) and gets {@code newPhysicalId} on Create. A request without a response URL (a local
     * invocation) is not answered.
     *
     * @return whether CloudFormation got the answer (true when nobody waits for one)
     */
    public boolean answer(CustomResourceRequest request, String status, String reason, String newPhysicalId,
                          Map<String, String> data, Log log) {
        if (request.responseUrl() == null || request.responseUrl().isBlank()) {
            return true;
        }
        String physicalId = request.physicalResourceId() != null ? request.physicalResourceId() : newPhysicalId;
        byte[] body = Json.write(new Answer(status, reason, physicalId, request.stackId(), request.requestId(),
                request.logicalResourceId(), data)).getBytes(StandardCharsets.UTF_8);
        Integer lastStatus = null;
        String problem = null;
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            if (attempt > 1) {
                backoff.before(attempt - 1);
            }
            try {
                lastStatus = put(request.responseUrl(), body);
                if (lastStatus >= 200 && lastStatus < 300) {
                    return true;
                }
                problem = "HTTP " + lastStatus;
            } catch (IOException | IllegalArgumentException e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        log.error(new Delivery("custom resource answer not delivered", status, request.logicalResourceId(),
                backoff.attempts(), lastStatus, problem));
        return false;
    }

    private int put(String url, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            // The pre-signed URL is signed for an empty content type.
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
