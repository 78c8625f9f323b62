package chipcast.dataset.json;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.List;

/** Records to data/*.json text: a tree in record order, written as Python wrote. */
public final class Output {
    private Output() {
    }

    public static String list(List<?> items) {
        ArrayNode array = Mapper.MAPPER.createArrayNode();
        for (Object item : items) {
            array.add(Mapper.tree(item));
        }
        return PyJson.write(array);
    }
}
