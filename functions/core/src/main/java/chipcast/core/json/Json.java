package chipcast.core.json;

import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParseException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadConstraints;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;
import software.amazon.awssdk.thirdparty.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON for the functions on jackson-core's streaming parser and generator only. Databind's ObjectMapper
 * is never built in a function: on a cold start it cost ~230 ms (600 classes) against ~30 ms for the
 * streaming core (docs/performance.md). The streaming core is the copy the AWS SDK shades for its JSON
 * protocol ({@code software.amazon.awssdk.thirdparty.jackson.core}, the same API): the SDK loads it for
 * every DynamoDB call anyway, so a second jackson-core would only be loaded beside it. Records map by
 * component name ({@link Records}); trees are databind's node classes ({@link Trees}), loaded only by
 * the code that uses a tree, never written by {@code JsonNode.toString()}, which would build an ObjectMapper.
 */
public final class Json {
    // Request bodies are capped at 64 KB before parsing; these limits stop pathological nesting too.
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64).maxNumberLength(64).maxStringLength(65_536).build();

    /** The factory of a container: thread-safe, and its buffers are recycled across requests. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(LIMITS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // the caller (the Lambda runtime) owns its streams
            .build();

    /**
     * For whole Lambda events: a body may be longer than the request limit here, and ApiRequest answers that
     * with a 413 naming the limit rather than a parse error; Lambda caps an event at 6 MB anyway.
     */
    public static final JsonFactory EVENTS = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxNumberLength(64).maxStringLength(6 * 1024 * 1024).build())
            .build();

    private Json() {
    }

    /** Serialises a response or stored document: records, maps, collections, arrays, scalars and trees. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            Records.write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does no I/O
        }
        return out.toString();
    }

    /** Reads a document this project stored itself (not user input): unknown fields are an error. */
    public static <T> T readStored(String json, Class<T> type) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return readValue(parser, type, true);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("stored document is not a valid " + type.getSimpleName(), e);
        }
    }

    /** Reads bundled data files whose entries may carry fields the functions do not use (notes, extra sources). */
    public static <T> T readLenient(InputStream in, Class<T> type) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return readValue(parser, type, false);
        }
    }

    /** One whole JSON value as {@code type}; no content reads as null, trailing tokens are an error. */
    static <T> T readValue(JsonParser parser, Class<T> type, boolean strict) throws IOException {
        if (parser.nextToken() == null) {
            return null;
        }
        T value = type.cast(Records.read(parser, type, strict, "$"));
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new JsonParseException(parser, "trailing token " + trailing + " after the JSON value");
        }
        return value;
    }

    /**
     * A non-API event (a schedule's Input, a CloudFormation custom resource request) as a map: JSON null
     * or no bytes at all read as an empty map, anything but an object is an error.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readEvent(InputStream in) throws IOException {
        try (JsonParser parser = EVENTS.createParser(in)) {
            Object event = readValue(parser, Object.class, false);
            if (event == null) {
                return Map.of();
            }
            if (!(event instanceof Map<?, ?>)) {
                throw new JsonParseException(parser, "the event is not a JSON object");
            }
            return (Map<String, Object>) event;
        }
    }

    /** Writes a result to the runtime's output stream. */
    public static void write(OutputStream out, Object value) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            Records.write(generator, value);
        }
    }

    /**
     * Parses JSON into a tree, as strictly as request bodies need: duplicate keys, trailing tokens and
     * the nesting and length limits are errors (JsonProcessingException and its subclasses). Integers
     * become int, long or big-integer nodes by size and decimals double nodes, as Jackson's own readTree.
     */
    public static JsonNode readTree(String json) throws JsonProcessingException {
        return Trees.readTree(json);
    }

    /**
     * A record, map or list as a tree (what ObjectMapper.valueToTree gave), to add fields before writing.
     * Built directly, not written and read back: it sits on the chip lookup's cold path.
     */
    public static JsonNode toTree(Object value) {
        return Trees.toTree(value);
    }

    public static ObjectNode object() {
        return Trees.object();
    }
}
