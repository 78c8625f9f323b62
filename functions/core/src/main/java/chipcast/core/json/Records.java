package chipcast.core.json;

import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParseException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java records to and from JSON by their components, in declaration order, with the same output as
 * Jackson's default ObjectMapper for the types this project uses (nulls written, enums by name, maps
 * in their own order). Plain reflection on records: the JDK's own classes, nothing to introspect.
 * Components are read from the record's fields, not through its accessor methods: on JDK 17 a method
 * called reflectively 15 times gets a bytecode accessor class of its own (loading the dataset made 57 of
 * them, about 40 ms of a cold start), a field does not. Method handles cost more still on a cold JVM
 * (dozens of lambda forms spun). No record here overrides an accessor: JsonTest compares the output with
 * databind's, which calls the accessors.
 */
final class Records {
    private Records() {
    }

    /** A record class's components, their fields and its canonical constructor, looked up once per class. */
    private record Shape(RecordComponent[] components, Field[] fields, Map<String, Integer> index,
                         Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Field[] fields = new Field[components.length];
            Class<?>[] types = new Class<?>[components.length];
            Map<String, Integer> index = new HashMap<>();
            try {
                for (int i = 0; i < components.length; i++) {
                    // A record's component is a private final field of the same name and type.
                    fields[i] = type.getDeclaredField(components[i].getName());
                    fields[i].setAccessible(true);
                    types[i] = components[i].getType();
                    index.put(components[i].getName(), i);
                }
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true); // records nested in package-private classes
                return new Shape(components, fields, index, constructor);
            } catch (NoSuchMethodException | NoSuchFieldException e) {
                throw new IllegalStateException(type + " has no canonical constructor or component field", e);
            }
        }
    };

    // ---- writing ----

    static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Number n) {
            writeNumber(out, n);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeFieldName(key(e.getKey()));
                write(out, e.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value.getClass().isArray()) {
            out.writeStartArray();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                write(out, Array.get(value, i));
            }
            out.writeEndArray();
        } else if (value instanceof Enum<?> e) {
            out.writeString(e.name());
        } else if (value instanceof Character c) {
            out.writeString(c.toString());
        } else if (value.getClass().isRecord()) {
            Shape shape = SHAPES.get(value.getClass());
            out.writeStartObject();
            for (int i = 0; i < shape.components().length; i++) {
                out.writeFieldName(shape.components()[i].getName());
                write(out, get(shape.fields()[i], value));
            }
            out.writeEndObject();
        } else if (value instanceof JsonNode node) {
            // Last: testing for a tree loads databind's node classes, which most functions never need.
            Trees.write(out, node);
        } else {
            throw new IllegalStateException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void writeNumber(JsonGenerator out, Number n) throws IOException {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            out.writeNumber(n.intValue());
        } else if (n instanceof Long l) {
            out.writeNumber(l);
        } else if (n instanceof Double d) {
            out.writeNumber(d);
        } else if (n instanceof Float f) {
            out.writeNumber(f);
        } else if (n instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (n instanceof BigInteger i) {
            out.writeNumber(i);
        } else {
            throw new IllegalStateException("no JSON form for " + n.getClass().getName());
        }
    }

    static String key(Object key) {
        return key instanceof Enum<?> e ? e.name() : String.valueOf(key);
    }

    private static Object get(Field component, Object record) {
        try {
            return component.get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- components, for Trees ----

    static int componentCount(Object record) {
        return SHAPES.get(record.getClass()).fields().length;
    }

    static String componentName(Object record, int i) {
        return SHAPES.get(record.getClass()).components()[i].getName();
    }

    static Object component(Object record, int i) {
        return get(SHAPES.get(record.getClass()).fields()[i], record);
    }

    // ---- reading ----

    /**
     * The JSON value at the parser's current token as the given type, bound straight from the tokens (no
     * tree in between: fewer classes and objects on a cold start). {@code strict}: a field the record does
     * not declare is an error (stored documents); otherwise it is skipped (bundled data with notes).
     */
    static Object read(JsonParser p, Type type, boolean strict, String path) throws IOException {
        Class<?> raw = raw(type);
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return raw.isPrimitive() ? defaultOf(raw) : null;
        }
        if (raw == String.class) {
            if (!token.isScalarValue()) {
                throw mismatch(path, raw);
            }
            return p.getText();
        }
        if (raw == Double.class || raw == double.class) {
            return number(p, path, raw).doubleValue();
        }
        if (raw == Integer.class || raw == int.class) {
            return number(p, path, raw).intValue();
        }
        if (raw == Long.class || raw == long.class) {
            return number(p, path, raw).longValue();
        }
        if (raw == Float.class || raw == float.class) {
            return number(p, path, raw).floatValue();
        }
        if (raw == BigDecimal.class) {
            return token.isNumeric() ? p.getDecimalValue() : new BigDecimal(number(p, path, raw).toString());
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            if (token == JsonToken.VALUE_STRING && (p.getText().equals("true") || p.getText().equals("false"))) {
                return Boolean.parseBoolean(p.getText());
            }
            throw mismatch(path, raw);
        }
        if (raw.isEnum()) {
            if (token != JsonToken.VALUE_STRING) {
                throw mismatch(path, raw);
            }
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(p.getText())) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(path + ": no " + raw.getSimpleName() + " named " + p.getText());
        }
        if (raw.isRecord()) {
            return record(p, raw, strict, path);
        }
        if (raw.isArray()) {
            List<Object> items = list(p, raw.getComponentType(), strict, path);
            Object array = Array.newInstance(raw.getComponentType(), items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(array, i, items.get(i));
            }
            return array;
        }
        if (raw == List.class || raw == Collection.class || raw == ArrayList.class) {
            return list(p, typeArgument(type, 0), strict, path);
        }
        if (raw == Set.class) {
            return new LinkedHashSet<>(list(p, typeArgument(type, 0), strict, path));
        }
        if (raw == Map.class || raw == LinkedHashMap.class) {
            if (token != JsonToken.START_OBJECT) {
                throw mismatch(path, raw);
            }
            Type valueType = typeArgument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                map.put(name, read(p, valueType, strict, path + "." + name));
            }
            return map;
        }
        if (raw == Object.class) {
            return untyped(p, token);
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            // After the common types: naming JsonNode loads databind's node classes.
            Object node = Trees.read(p, token);
            if (!raw.isInstance(node)) {
                throw mismatch(path, raw);
            }
            return node;
        }
        throw new IllegalStateException(path + ": no JSON mapping for " + raw.getName());
    }

    private static Object record(JsonParser p, Class<?> type, boolean strict, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(path, type);
        }
        Shape shape = SHAPES.get(type);
        Object[] args = new Object[shape.components().length];
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Integer i = shape.index().get(name);
            if (i == null) {
                if (strict) {
                    throw new IllegalArgumentException(path + ": unknown field '" + name + "' for " + type.getSimpleName());
                }
                p.skipChildren();
                continue;
            }
            args[i] = read(p, shape.components()[i].getGenericType(), strict, path + "." + name);
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null && shape.components()[i].getType().isPrimitive()) {
                args[i] = defaultOf(shape.components()[i].getType());
            }
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            // A compact constructor's validation: the document does not hold a valid value.
            throw new IllegalArgumentException(path + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> list(JsonParser p, Type elementType, boolean strict, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw mismatch(path, List.class);
        }
        List<Object> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            items.add(read(p, elementType, strict, path + "[" + items.size() + "]"));
        }
        return items;
    }

    /** Jackson's untyped reading: maps, lists, strings, int/long/big integers, doubles, booleans, nulls. */
    private static Object untyped(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, untyped(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(untyped(p, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return token == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(p, "unexpected token " + token);
        }
    }

    private static Number number(JsonParser p, String path, Class<?> type) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
                return Double.valueOf(text); // how write (and Jackson) put a non-finite double: as a string
            }
            // Jackson coerces a numeric string too; the stored documents never rely on it, but stay compatible.
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw mismatch(path, type);
            }
        }
        throw mismatch(path, type);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class; // wildcards and type variables read untyped
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Object defaultOf(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == int.class) {
            return 0;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0.0;
        }
        if (primitive == float.class) {
            return 0.0f;
        }
        throw new IllegalStateException("no default for " + primitive);
    }

    private static IllegalArgumentException mismatch(String path, Class<?> type) {
        return new IllegalArgumentException(path + ": not a " + type.getSimpleName());
    }
}
