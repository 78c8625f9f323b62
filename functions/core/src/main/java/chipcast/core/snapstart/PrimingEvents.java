package chipcast.core.snapstart;

import chipcast.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway (HTTP API, payload 2.0) events for priming, as the gateway would send them. */
public final class PrimingEvents {
    private PrimingEvents() {
    }

    record Http(String method, String path, String protocol) {
    }

    record RequestContext(String routeKey, String stage, String requestId, Http http) {
    }

    record Event(String version, String routeKey, String rawPath, String rawQueryString, Map<String, String> headers,
                 Map<String, String> queryStringParameters, Map<String, String> pathParameters,
                 RequestContext requestContext, String body, boolean isBase64Encoded) {
    }

    /** A GET of {@code path} with its route key, path parameters and query. */
    public static byte[] get(String routeKey, String path, Map<String, String> pathParameters, Map<String, String> query) {
        return event("GET", routeKey, path, pathParameters, query, Map.of(), null);
    }

    public static byte[] get(String routeKey, String path, Map<String, String> pathParameters) {
        return get(routeKey, path, pathParameters, Map.of());
    }

    /** A request with a JSON body (POST, or a PUT with extra headers such as If-Match). */
    public static byte[] withBody(String method, String routeKey, String path, Map<String, String> pathParameters,
                                  Map<String, String> headers, String body) {
        return event(method, routeKey, path, pathParameters, Map.of(), headers, body);
    }

    private static byte[] event(String method, String routeKey, String path, Map<String, String> pathParameters,
                                Map<String, String> query, Map<String, String> extraHeaders, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put("user-agent", "chipcast-snapstart-priming");
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        headers.putAll(extraHeaders);
        StringBuilder raw = new StringBuilder();
        query.forEach((k, v) -> raw.append(raw.length() == 0 ? "" : "&").append(k).append('=').append(v));
        Event event = new Event("2.0", routeKey, path, raw.toString(), headers, query.isEmpty() ? null : query,
                pathParameters.isEmpty() ? null : pathParameters,
                new RequestContext(routeKey, "$default", "snapstart-priming", new Http(method, path, "HTTP/1.1")),
                body, false);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
