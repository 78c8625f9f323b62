package chipcast.dataset.benchmarks;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.check.Checks;
import chipcast.dataset.chips.Chip;
import chipcast.dataset.json.Mapper;
import chipcast.dataset.json.PyJson;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * data/sources/benchmarks.json, models.json and chip-hour-prices.json: arrays whose schema belongs to the benchmark
 * and scenario-model work. The generator checks what links them to the rest (ids unique, each benchmark's model in
 * models.json, each benchmark's and each price's chipId a chip; a price positive, dated and sourced, one per chip,
 * buyer type and kind) and writes them unchanged to data/benchmarks.json, data/models.json and
 * data/chip-hour-prices.json.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /**
     * Each chip's $/chip-hour prices (the fields the chip record serves: buyer type, amount, kind, date, source title,
     * url and attribution, notes), in file order; chips without one are absent.
     */
    public static Map<String, List<Chip.ChipHourPrice>> chipHourPricesByChip(Layout layout, Set<String> chipIds) {
        Map<String, List<Chip.ChipHourPrice>> out = new LinkedHashMap<>();
        for (JsonNode p : chipHourPrices(layout, chipIds)) {
            JsonNode s = p.path("source");
            out.computeIfAbsent(p.path("chipId").asText(), k -> new ArrayList<>()).add(new Chip.ChipHourPrice(
                    p.path("buyerType").asText(), p.path("usdPerChipHour").numberValue(), p.path("kind").asText(),
                    p.path("asOf").asText(), new Chip.HourPriceSource(s.path("title").asText(), s.path("url").asText(),
                    s.path("attribution").isTextual() ? s.path("attribution").asText() : null),
                    p.path("notes").isTextual() ? p.path("notes").asText() : null));
        }
        return out;
    }

    /** data/{name} -> text: models.json, benchmarks.json, chip-hour-prices.json. */
    public static Map<String, String> build(Layout layout, Set<String> chipIds) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode benchmarks = array(layout, Layout.BENCHMARKS);
        JsonNode models = array(layout, Layout.MODELS);
        Set<String> modelIds = ids(models, Layout.MODELS);
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
        out.put("models.json", PyJson.write(models));
        out.put("chip-hour-prices.json", PyJson.write(chipHourPrices(layout, chipIds)));
        return out;
    }

    private static JsonNode chipHourPrices(Layout layout, Set<String> chipIds) {
        JsonNode prices = array(layout, Layout.CHIP_HOUR_PRICES);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < prices.size(); i++) {
            JsonNode p = prices.get(i);
            String at = Layout.CHIP_HOUR_PRICES + "[" + i + "] (" + p.path("chipId").asText() + " " + p.path("buyerType").asText() + ")";
            if (!chipIds.contains(p.path("chipId").asText(null))) {
                throw new DatasetException(at + ": chipId " + p.path("chipId") + " is not a chip");
            }
            if (!p.path("buyerType").isTextual() || !p.path("kind").isTextual()) {
                throw new DatasetException(at + ": buyerType and kind are required");
            }
            if (!p.path("usdPerChipHour").isNumber() || p.path("usdPerChipHour").doubleValue() <= 0) {
                throw new DatasetException(at + ": usdPerChipHour must be a positive number");
            }
            if (!Checks.DATE.matcher(p.path("asOf").asText("")).matches()) {
                throw new DatasetException(at + ": asOf must be YYYY, YYYY-MM or YYYY-MM-DD");
            }
            JsonNode s = p.path("source");
            if (!s.path("title").isTextual() || s.path("title").asText().isBlank() || !s.path("url").isTextual()) {
                throw new DatasetException(at + ": a price needs its source {title, url}: none is invented");
            }
            String key = p.path("chipId").asText() + " " + p.path("buyerType").asText() + " " + p.path("kind").asText();
            if (!keys.add(key)) {
                throw new DatasetException(at + ": a second price for " + key);
            }
        }
        return prices;
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
