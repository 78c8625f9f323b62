package chipcast.dataset.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotted path into a record's tree, as curated inputs name fields: {@code memoryGB}, {@code denseTFLOPS.fp8},
 * {@code interconnect.GBs}, {@code sources[2].url}. A path names an existing field only: it never adds one.
 */
public final class FieldPath {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)((?:\\[\\d+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

    private final String text;
    private final List<Object> steps; // String field names and Integer indexes

    private FieldPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Parses a path; null when the text is not one. */
    public static FieldPath parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return null;
            }
            steps.add(m.group(1));
            Matcher i = INDEX.matcher(m.group(2));
            while (i.find()) {
                steps.add(Integer.valueOf(i.group(1)));
            }
        }
        return new FieldPath(text, steps);
    }

    /** The value at this path, or null when the path does not exist in the tree. */
    public JsonNode get(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            if (step instanceof String name) {
                node = node.isObject() && node.has(name) ? node.get(name) : null;
            } else {
                int i = (Integer) step;
                node = node.isArray() && i < node.size() ? node.get(i) : null;
            }
        }
        return node;
    }

    /** Replaces the value at this path; false when the path does not exist. */
    public boolean set(JsonNode root, JsonNode value) {
        if (get(root) == null) {
            return false;
        }
        JsonNode parent = root;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof String name) {
            ((ObjectNode) parent).set(name, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
        return true;
    }

    /** Equal JSON values, numbers compared by value (5000 equals 5000.0). */
    public static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    @Override
    public String toString() {
        return text;
    }
}
