package chipcast.core.http;

import chipcast.core.json.Json;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of JSON request bodies: an object, only known fields, numbers that are numbers and
 * finite, each failure a 400 naming the field (e.g. {@code points[2].value}).
 */
public final class JsonBody {
    private JsonBody() {
    }

    /** The body as a JSON object; 415 for a non-JSON content type, 400 for anything that is not one object. */
    public static ObjectNode object(ApiRequest request) {
        String contentType = request.header("content-type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
        }
        String body = request.body();
        if (body == null || body.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_BODY, "a JSON object body is required", "body");
        }
        JsonNode node;
        try {
            node = Json.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new ApiException(ErrorCode.INVALID_BODY, "the body nests too deeply or holds an over-long value", "body");
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "the body repeats a field" : "the body is not valid JSON";
            throw new ApiException(ErrorCode.INVALID_BODY, detail, "body");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ApiException(ErrorCode.INVALID_BODY, "the body must be a JSON object", "body");
        }
        return object;
    }

    /** Rejects fields the route does not know: a typo must never fall back to a default silently. */
    public static void allowOnly(ObjectNode node, String path, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new ApiException(ErrorCode.UNKNOWN_FIELD, "unknown field(s) " + Text.quoteList(unknown)
                    + (path.isEmpty() ? "" : " in " + path) + "; allowed: " + Text.quoteList(new TreeSet<>(allowed)),
                    join(path, Text.printable(first)));
        }
    }

    public static boolean has(ObjectNode node, String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public static ObjectNode objectField(ObjectNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (!(value instanceof ObjectNode object)) {
            throw invalid(join(path, field), "must be an object");
        }
        return object;
    }

    public static List<JsonNode> array(ObjectNode node, String path, String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw invalid(join(path, field), "must be an array");
        }
        if (value.size() < min || value.size() > max) {
            throw invalid(join(path, field), "must hold " + min + " to " + max + " entries");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    public static ObjectNode element(JsonNode item, String path) {
        if (!(item instanceof ObjectNode object)) {
            throw invalid(path, "must be an object");
        }
        return object;
    }

    /** A finite number in [min, max]; null when absent and not required. */
    public static Double number(ObjectNode node, String path, String field, double min, double max, boolean required) {
        String name = join(path, field);
        JsonNode value = present(node, name, field, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw invalid(name, "must be a number");
        }
        double d = value.asDouble();
        if (!Double.isFinite(d) || d < min || d > max) {
            throw invalid(name, "must be a finite number between " + Text.number(min) + " and " + Text.number(max));
        }
        return d;
    }

    /** An exclusive lower bound: value in (min, max]. */
    public static Double positive(ObjectNode node, String path, String field, double max, boolean required) {
        Double d = number(node, path, field, -Double.MAX_VALUE, max, required);
        if (d != null && d <= 0) {
            throw invalid(join(path, field), "must be greater than 0 and at most " + Text.number(max));
        }
        return d;
    }

    public static Long integer(ObjectNode node, String path, String field, long min, long max, boolean required) {
        String name = join(path, field);
        JsonNode value = present(node, name, field, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            throw invalid(name, "must be an integer");
        }
        if (!value.canConvertToLong() && value.isIntegralNumber()) {
            throw invalid(name, "must be between " + min + " and " + max);
        }
        double d = value.asDouble();
        if (d < min || d > max) {
            throw invalid(name, "must be between " + min + " and " + max);
        }
        return (long) d;
    }

    public static String string(ObjectNode node, String path, String field, int maxLength, boolean required) {
        String name = join(path, field);
        JsonNode value = present(node, name, field, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(name, "must be a string");
        }
        String text = value.asText();
        if (text.isEmpty() || text.length() > maxLength) {
            throw invalid(name, "must be 1 to " + maxLength + " characters");
        }
        return text;
    }

    /** The field's value, or null when it is absent or JSON null and not required. */
    private static JsonNode present(ObjectNode node, String name, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(name, "is required");
            }
            return null;
        }
        return value;
    }

    public static ApiException invalid(String field, String problem) {
        return new ApiException(ErrorCode.INVALID_BODY, "'" + field + "' " + problem, field);
    }

    public static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
