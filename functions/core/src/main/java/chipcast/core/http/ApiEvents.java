package chipcast.core.http;

import chipcast.core.json.Json;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.RequestException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * API Gateway HTTP API (payload format 2.0) events as bytes: the functions are stream handlers, so the
 * Lambda runtime runs no serialiser of its own and the one mapper reads the event. Only the fields the
 * routes read are bound; every other field of the event is skipped.
 */
public final class ApiEvents {
    private ApiEvents() {
    }

    /** The fields of an HTTP API event that a route reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HttpApiEvent(String routeKey, Map<String, String> pathParameters, Map<String, String> queryStringParameters,
                        Map<String, String> headers, String body, Boolean isBase64Encoded) {
    }

    /** The answer as API Gateway reads a payload 2.0 response: status, headers, a text body. */
    record HttpApiResponse(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {
    }

    /** The request an event describes; a 400 INVALID_BODY for bytes that are not an HTTP API event. */
    public static ApiRequest read(InputStream in) {
        HttpApiEvent event;
        try {
            event = Json.MAPPER.readValue(in, HttpApiEvent.class);
        } catch (IOException e) {
            throw invalid();
        }
        if (event == null) {
            throw invalid();
        }
        return new ApiRequest(event.routeKey(), event.pathParameters(), event.queryStringParameters(), event.headers(),
                event.body(), Boolean.TRUE.equals(event.isBase64Encoded()));
    }

    public static void write(OutputStream out, int status, Map<String, String> headers, String body) throws IOException {
        Json.write(out, new HttpApiResponse(status, headers, body, false));
    }

    private static RequestException invalid() {
        return new RequestException(ErrorCode.INVALID_BODY, "the event is not an API Gateway HTTP API (payload 2.0) event");
    }
}
