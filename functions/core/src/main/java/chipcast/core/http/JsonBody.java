package chipcast.core.http;

import chipcast.core.json.Json;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.RequestException;
import chipcast.core.request.Text;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request body bound to its record by the project's one mapper, strictly: an object, only known fields,
 * numbers that are numbers, no repeated keys. Every failure is a 400 naming the field the way the body
 * spells it, taken from the mapper's own path information ({@code options[0].cout}, {@code points[2].value}).
 */
public final class JsonBody {
    private JsonBody() {
    }

    /** The body as {@code type}; 415 for a non-JSON content type, 400 for anything else that is wrong. */
    public static <T> T read(ApiRequest request, Class<T> type) {
        return read(request, type, Set.of(), false);
    }

    /**
     * The body as {@code type}, when some of its top-level fields belong to another record read from the same
     * body: those are skipped here (and named among the allowed ones in an unknown-field error).
     */
    public static <T> T read(ApiRequest request, Class<T> type, Set<String> belongElsewhere) {
        return read(request, type, belongElsewhere, false);
    }

    /** Only {@code type}'s own top-level fields of the body; every other top-level field is another record's. */
    public static <T> T readPart(ApiRequest request, Class<T> type) {
        return read(request, type, Set.of(), true);
    }

    private static <T> T read(ApiRequest request, Class<T> type, Set<String> skipped, boolean skipAllOthers) {
        String contentType = request.header("content-type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new RequestException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
        }
        String body = request.body();
        if (body == null || body.isBlank()) {
            throw invalidBody("a JSON object body is required");
        }
        ObjectReader reader = Json.MAPPER.readerFor(type);
        if (skipAllOthers || !skipped.isEmpty()) {
            reader = reader.withHandler(new SkipTopLevel(type, skipped, skipAllOthers));
        }
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalidBody("the body must be a JSON object");
            }
            T value = reader.readValue(parser);
            if (parser.nextToken() != null) {
                throw invalidBody("the body is not valid JSON");
            }
            return value;
        } catch (IOException e) {
            throw problem(e, type, skipped);
        }
    }

    /** What the mapper found wrong, as the caller's 400. */
    static RequestException problem(IOException e, Class<?> type, Set<String> skipped) {
        JsonProcessingException read = readProblem(e);
        if (read instanceof StreamConstraintsException) {
            return invalidBody("the body nests too deeply or holds an over-long value");
        }
        if (read instanceof InputCoercionException && e instanceof JsonMappingException d && !d.getPath().isEmpty()) {
            return RequestException.invalidField(path(d.getPath()), "is out of range");
        }
        if (read != null) {
            String detail = read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field")
                    ? "the body repeats a field" : "the body is not valid JSON";
            return invalidBody(detail);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<JsonMappingException.Reference> path = u.getPath();
            String parent = path(path.subList(0, Math.max(0, path.size() - 1)));
            Set<String> allowed = new TreeSet<>();
            for (Object known : known(u.getKnownPropertyIds())) {
                allowed.add(String.valueOf(known));
            }
            if (parent.isEmpty()) {
                allowed.addAll(skipped);
                JsonTypeInfo typeInfo = type.getAnnotation(JsonTypeInfo.class);
                if (typeInfo != null) {
                    allowed.add(typeInfo.property());
                }
            }
            String name = u.getPropertyName();
            return new RequestException(ErrorCode.UNKNOWN_FIELD, "unknown field(s) " + Text.quoteList(List.of(name))
                    + (parent.isEmpty() ? "" : " in " + parent) + "; allowed: " + Text.quoteList(allowed),
                    join(parent, Text.printable(name)));
        }
        if (e instanceof InvalidTypeIdException t) {
            String field = join(path(t.getPath()), typeProperty(type));
            return t.getTypeId() == null
                    ? RequestException.invalidField(field, "is required")
                    : RequestException.invalidField(field, "must be one of " + String.join(", ", typeNames(type)));
        }
        if (e instanceof JsonMappingException d) {
            String field = path(d.getPath());
            if (field.isEmpty()) {
                return invalidBody("the body must be a JSON object");
            }
            Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            return RequestException.invalidField(field, expected(target));
        }
        return invalidBody("the body is not valid JSON");
    }

    private static Collection<Object> known(Collection<Object> ids) {
        return ids == null ? List.of() : ids;
    }

    /** The parse failure behind a mapping failure: the mapper wraps one met inside an object with its path. */
    private static JsonProcessingException readProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException || t instanceof StreamConstraintsException) {
                return (JsonProcessingException) t;
            }
        }
        return null;
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has a value of the wrong type";
        }
        if (target == Double.class || target == double.class || target == Float.class || target == float.class) {
            return "must be a number";
        }
        if (target == Long.class || target == long.class || target == Integer.class || target == int.class) {
            return "must be an integer";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    /** A field path as the body spells it: {@code options[0].chipId}. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(Text.printable(r.getFieldName()));
            }
        }
        return out.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String typeProperty(Class<?> type) {
        JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
        return info == null ? "type" : info.property();
    }

    private static List<String> typeNames(Class<?> type) {
        JsonSubTypes subtypes = type.getAnnotation(JsonSubTypes.class);
        return subtypes == null ? List.of() : Arrays.stream(subtypes.value()).map(JsonSubTypes.Type::name).toList();
    }

    private static RequestException invalidBody(String message) {
        return new RequestException(ErrorCode.INVALID_BODY, message, "body");
    }

    /** Skips top-level fields that another record of the same body binds (a saved scenario's name and claim). */
    private static final class SkipTopLevel extends DeserializationProblemHandler {
        private final Class<?> root;
        private final Set<String> names;
        private final boolean all;

        SkipTopLevel(Class<?> root, Set<String> names, boolean all) {
            this.root = root;
            this.names = names;
            this.all = all;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            Class<?> owner = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (root.isAssignableFrom(owner) && (all || names.contains(propertyName))) {
                p.skipChildren();
                return true;
            }
            return false;
        }
    }
}
