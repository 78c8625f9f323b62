package chipcast.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one JSON mapper of every function: Jackson databind, configured once per container and strictly.
 * Unknown fields, trailing tokens and repeated keys are errors; a number is never read from a string nor a
 * string from a number; a float is never truncated to an integer; nesting and token sizes are bounded.
 * Records map by their components, in declaration order, nulls written. Readers for the few places that
 * must be more lenient are derived from it, so every rule above is stated here once.
 */
public final class Json {
    /**
     * Bounds for every document read: Lambda caps an event at 6 MB, and an event's body is one string in it.
     * Request bodies are capped at 64 KB before they are parsed (ApiRequest), so these bounds only stop
     * pathological nesting and absurd numbers.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64).maxNumberLength(64).maxStringLength(6 * 1024 * 1024).build();

    public static final ObjectMapper MAPPER = mapper();

    /** Documents this project stored itself: as strict as request bodies, but a stored 3.0 still reads as 3. */
    private static final ObjectReader STORED = MAPPER.reader().with(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** Bundled data files: their entries carry documentation fields (notes, extra sources) no record holds. */
    private static final ObjectReader BUNDLED = MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Events of the functions that no caller types by hand (CloudFormation requests, a schedule's Input):
     * fields the function does not read are skipped, and a scalar where text is expected reads as its text,
     * so an answer to CloudFormation never fails on a field's type. In a holder, so only the functions that
     * read such events copy the mapper.
     */
    private static final class Events {
        static final ObjectReader READER = eventMapper().reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private Json() {
    }

    private static ObjectMapper eventMapper() {
        ObjectMapper events = MAPPER.copy();
        events.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        return events;
    }

    private static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(LIMITS)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // the Lambda runtime owns its output stream
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // "12" is not a number and 12 is not a string: a typed body says what it means.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /** A response, a stored document or a log line as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("no JSON form for " + value.getClass().getName(), e);
        }
    }

    /** Writes to a stream the caller keeps open (the Lambda runtime's output). */
    public static void write(OutputStream out, Object value) throws IOException {
        MAPPER.writeValue(out, value);
    }

    /** Reads a document this project stored itself (not user input): an unknown field is an error. */
    public static <T> T readStored(String json, Class<T> type) {
        try {
            return STORED.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored document is not a valid " + type.getSimpleName(), e);
        }
    }

    /**
     * A non-API event as {@code type}: no bytes or JSON null read as {@code empty}; anything but a JSON object
     * is an error, so a broken schedule Input fails the invocation and its retries and dead-letter queue see it.
     */
    public static <T> T readEvent(byte[] event, Class<T> type, T empty) {
        if (new String(event, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return empty;
        }
        try {
            T value = Events.READER.forType(type).readValue(event);
            return value == null ? empty : value;
        } catch (IOException e) {
            throw new UncheckedIOException("the event is not a JSON object of the expected fields", e);
        }
    }

    /** Reads a bundled data file (dataset/*.json on the classpath). */
    public static <T> T readBundled(byte[] data, Class<T> type) {
        try {
            return BUNDLED.readValue(data, type);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled data is not a valid " + type.getSimpleName(), e);
        }
    }
}
