package chipcast.core.http;

import chipcast.core.request.ErrorCode;
import chipcast.core.request.RequestException;
import chipcast.core.request.Text;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
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
    /** The query parameter that chooses the representation on a route that serves CSV: {@code csv} or {@code json}. */
    public static final String FORMAT = "format";

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
        rejectUnknownQuery(allowed, Set.of());
    }

    /**
     * As {@link #allowOnlyQuery}, on a route that also answers CSV: {@code format} is accepted beside the route's
     * own parameters (the message of an unknown one lists those alone, as before), and a {@code format} other
     * than json or csv is a 400.
     */
    public void allowOnlyQueryAndFormat(Set<String> allowed) {
        rejectUnknownQuery(allowed, Set.of(FORMAT));
        wantsCsv();
    }

    /**
     * Whether the client asked for CSV: {@code format=csv}, or no {@code format} and an Accept header that ranks
     * text/csv above JSON. Anything else, an Accept naming neither included, is answered JSON. Only the routes that
     * call {@link #allowOnlyQueryAndFormat} ask.
     */
    public boolean wantsCsv() {
        String format = query(FORMAT);
        if (format != null) {
            switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv":
                    return true;
                case "json":
                    return false;
                default:
                    throw RequestException.invalidParameter(FORMAT, "'format' must be json or csv");
            }
        }
        return prefersCsv(header("accept"));
    }

    /**
     * Whether an Accept header (RFC 9110, 12.5.1) gives text/csv a higher quality than application/json, each
     * judged by its most specific matching range (text/csv, text/*, * / *); equal qualities are JSON's.
     */
    static boolean prefersCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double[] csv = {-1, 0};   // {specificity of the range that matched, its q}
        double[] json = {-1, 0};
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.length() > 2 && (p.startsWith("q=") || p.startsWith("Q="))) {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(p.substring(2))));
                    } catch (NumberFormatException e) {
                        q = 0; // a range with a broken weight is not a preference
                    }
                }
            }
            match(csv, type, "text/csv", q);
            match(json, type, "application/json", q);
        }
        return csv[1] > json[1];
    }

    private static void match(double[] best, String range, String type, double q) {
        int specificity = range.equals(type) ? 2 : range.equals(type.substring(0, type.indexOf('/')) + "/*") ? 1
                : range.equals("*/*") ? 0 : -1;
        if (specificity > best[0]) {
            best[0] = specificity;
            best[1] = q;
        }
    }

    private void rejectUnknownQuery(Set<String> allowed, Set<String> alsoAllowed) {
        Set<String> unknown = new TreeSet<>();
        for (String key : query.keySet()) {
            if (!allowed.contains(key) && !alsoAllowed.contains(key)) {
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
