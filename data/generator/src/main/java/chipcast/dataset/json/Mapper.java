package chipcast.dataset.json;

import chipcast.dataset.DatasetException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generator's one ObjectMapper. Source files are read strictly: an unknown field, a duplicate key or a
 * null for a primitive is an error that names the file, the line and the field path, so a typo in a curation
 * file fails the build instead of being ignored. Numbers keep their JSON kind ({@code 80} stays an Integer,
 * {@code 80.0} a Double), which the byte-identical output depends on.
 */
public final class Mapper {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Mapper() {
    }

    public static <T> T read(Path file, String name, Class<T> type) {
        return read(file, name, MAPPER.constructType(type));
    }

    public static <T> T read(Path file, String name, TypeReference<T> type) {
        return read(file, name, MAPPER.constructType(type));
    }

    private static <T> T read(Path file, String name, JavaType type) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(name + ": file not found (" + file + ")");
        }
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw new DatasetException(name + describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A file as a tree (for inputs whose schema belongs to another part of the project). */
    public static JsonNode readTree(Path file, String name) {
        return read(file, name, MAPPER.constructType(JsonNode.class));
    }

    /** A record or collection as a tree, fields in record-component order. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static <T> T fromTree(JsonNode tree, Class<T> type, String what) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new DatasetException(what + ": " + detail);
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        String path = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " (at " + pathOf(m) + ")" : "";
        return where + ": " + e.getOriginalMessage() + path;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
