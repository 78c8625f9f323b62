package chipcast.dataset.benchmarks;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.json.Mapper;
import chipcast.dataset.json.PyJson;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * data/sources/benchmarks.json and models.json (optional, extended build): arrays whose schema belongs to the
 * benchmark work; the generator checks what links them to the rest (ids unique, each benchmark's model in
 * models.json, each benchmark's chipId a chip) and writes them unchanged to data/benchmarks.json and data/models.json.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /** data/{name} -> text for the files present; empty when neither input exists. */
    public static Map<String, String> build(Layout layout, Set<String> chipIds) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean hasModels = layout.exists(Layout.MODELS);
        boolean hasBenchmarks = layout.exists(Layout.BENCHMARKS);
        if (hasBenchmarks && !hasModels) {
            throw new DatasetException(Layout.BENCHMARKS + " needs " + Layout.MODELS + " (each benchmark names its model)");
        }
        if (!hasModels) {
            return out;
        }
        JsonNode models = array(layout, Layout.MODELS);
        Set<String> modelIds = ids(models, Layout.MODELS);
        out.put("models.json", PyJson.write(models));
        if (hasBenchmarks) {
            JsonNode benchmarks = array(layout, Layout.BENCHMARKS);
            ids(benchmarks, Layout.BENCHMARKS);
            for (int i = 0; i < benchmarks.size(); i++) {
                JsonNode b = benchmarks.get(i);
                String at = Layout.BENCHMARKS + "[" + i + "] (" + b.path("id").asText() + ")";
                if (!modelIds.contains(b.path("model").asText(null))) {
                    throw new DatasetException(at + ": model " + b.path("model") + " is not an id of " + Layout.MODELS);
                }
                if (!chipIds.contains(b.path("chipId").asText(null))) {
                    throw new DatasetException(at + ": chipId " + b.path("chipId") + " is not a chip");
                }
            }
            out.put("benchmarks.json", PyJson.write(benchmarks));
        }
        return out;
    }

    private static JsonNode array(Layout layout, String name) {
        JsonNode node = Mapper.readTree(layout.path(name), name);
        if (!node.isArray()) {
            throw new DatasetException(name + ": must be an array");
        }
        return node;
    }

    private static Set<String> ids(JsonNode items, String name) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String id = item.path("id").isTextual() ? item.path("id").asText() : null;
            if (id == null || id.isBlank()) {
                throw new DatasetException(name + "[" + i + "]: needs a string id");
            }
            if (!ids.add(id)) {
                throw new DatasetException(name + ": id " + id + " is used twice");
            }
        }
        return ids;
    }
}
