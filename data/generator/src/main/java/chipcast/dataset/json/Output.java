package chipcast.dataset.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Records to data/*.json text: a tree in record order, fields of a later schema left out, written as Python wrote. */
public final class Output {
    private Output() {
    }

    /** A list of records, each without the given fields. */
    public static String list(List<?> items, Set<String> without) {
        ArrayNode array = Mapper.MAPPER.createArrayNode();
        for (Object item : items) {
            array.add(strip(Mapper.tree(item), without));
        }
        return PyJson.write(array);
    }

    public static ObjectNode strip(JsonNode node, Collection<String> without) {
        ObjectNode object = (ObjectNode) node;
        object.remove(without);
        return object;
    }
}
