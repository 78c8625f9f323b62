package chipcast.core.http;

import chipcast.core.request.ErrorCode;
import chipcast.core.request.RequestException;
import chipcast.core.request.Text;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of an API Gateway HTTP API (payload 2.0) event a route reads, with validation that turns
 * every bad value into a 400 naming the parameter.
 */
public final class ApiRequest {
    /** Bodies above this are refused with 413 before any parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final String routeKey;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final String body;
    private final boolean base64;

    /** What {@link ApiEvents#read} takes from an event; null maps and a null route key mean none. */
    public ApiRequest(String routeKey, Map<String, String> pathParameters, Map<String, String> query,
                      Map<String, String> headers, String body, boolean base64) {
        this.routeKey = routeKey == null ? "$default" : routeKey;
        this.pathParameters = present(pathParameters);
        this.query = present(query);
        this.headers = present(headers);
        this.body = body;
        this.base64 = base64;
    }

    /** The entries that have a value: API Gateway sends none without one, and null means absent. */
    private static Map<String, String> present(Map<String, String> values) {
        if (values == null) {
            return Map.of();
        }
        Map<String, String> present = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                present.put(k, v);
            }
        });
        return present;
    }

    public String routeKey() {
        return routeKey;
    }

    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isEmpty()) {
            throw RequestException.invalidParameter(name, "path parameter '" + name + "' is required");
        }
        return value;
    }

    /** Rejects query parameters the route does not know, so a typo never falls back to a default silently. */
    public void allowOnlyQuery(Set<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        for (String key : query.keySet()) {
            if (!allowed.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw RequestException.invalidParameter(Text.printable(first), "unknown query parameter(s) "
                    + Text.quoteList(unknown) + "; this route accepts " + Text.quoteList(new TreeSet<>(allowed)));
        }
    }

    /** A query value, or null when absent; an empty value counts as absent only for optional filters. */
    public String query(String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    public int queryInt(String name, int min, int max, int fallback) {
        String raw = query.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw RequestException.invalidParameter(name, "'" + name + "' must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw RequestException.invalidParameter(name, "'" + name + "' must be an integer between " + min + " and " + max);
        }
    }

    public Double queryDouble(String name, double min, double max) {
        String raw = query.get(name);
        if (raw == null) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw RequestException.invalidParameter(name, "'" + name + "' must be a number");
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw RequestException.invalidParameter(name, "'" + name + "' must be a finite number between "
                    + Text.number(min) + " and " + Text.number(max));
        }
        return value;
    }

    /** The body as text, decoded from base64 when API Gateway sent it so; bounded to {@link #MAX_BODY_BYTES}. */
    public String body() {
        if (body == null || body.isEmpty()) {
            return null;
        }
        byte[] bytes;
        if (base64) {
            if (body.length() > MAX_BODY_BYTES * 4 / 3 + 4) {
                throw tooLarge();
            }
            try {
                bytes = Base64.getDecoder().decode(body.trim());
            } catch (IllegalArgumentException e) {
                throw new RequestException(ErrorCode.INVALID_BODY, "body is marked base64 but is not valid base64");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static RequestException tooLarge() {
        return new RequestException(ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
}
