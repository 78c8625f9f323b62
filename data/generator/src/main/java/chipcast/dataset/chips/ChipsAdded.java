package chipcast.dataset.chips;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * data/sources/chips-added.json: curated chips beyond the reference, each a record in the served chip schema
 * (every field present, null where no source gives it; memoryPhysicalGB, fp64Kind, deviceKind, perDeviceNote, tier
 * and epochName may be left out). Prices come from chip-prices.json, not from here. The tier is "curated" (the
 * default): a chip resting on Epoch alone is an Epoch import. A curated chip may lack any figure (memory,
 * bandwidth, every dense figure): null says no checked source gives it.
 */
public final class ChipsAdded {
    private ChipsAdded() {
    }

    public static List<Chip> read(Layout layout) {
        JsonNode root = Mapper.readTree(layout.path(Layout.CHIPS_ADDED), Layout.CHIPS_ADDED);
        if (!root.isArray()) {
            throw new DatasetException(Layout.CHIPS_ADDED + ": must be an array of chip records");
        }
        List<Chip> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            out.add(chip(root.get(i), Layout.CHIPS_ADDED + "[" + i + "]"));
        }
        return out;
    }

    static Chip chip(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new DatasetException(where + ": not an object");
        }
        String id = node.path("id").asText(where);
        String at = where + " (" + id + ")";
        List<String> missing = new ArrayList<>();
        for (RecordComponent c : Chip.class.getRecordComponents()) {
            if (!Chip.OPTIONAL_IN_ADDED.contains(c.getName()) && !node.has(c.getName())) {
                missing.add(c.getName());
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(at + ": missing fields " + missing + " (write null where no source gives a value)");
        }
        if (node.has("prices") || node.has("chipHourPrices")) {
            throw new DatasetException(at + ": prices belong in " + Layout.CHIP_PRICES + " and " + Layout.CHIP_HOUR_PRICES
                    + ", not in the chip record");
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        if (!copy.hasNonNull("tier")) {
            copy.put("tier", Chip.TIER_CURATED);
        }
        Chip chip = Mapper.fromTree(copy, Chip.class, at);
        if (!Chip.TIER_CURATED.equals(chip.tier())) {
            throw new DatasetException(at + ": tier must be \"curated\" (a chip resting on Epoch alone is imported through "
                    + Layout.EPOCH_IMPORT + ")");
        }
        if (chip.denseTFLOPS() == null || !chip.denseTFLOPS().keySet().containsAll(Chip.PRECISIONS)
                || chip.denseTFLOPS().size() != Chip.PRECISIONS.size()) {
            throw new DatasetException(at + ": denseTFLOPS must have exactly the keys " + Chip.PRECISIONS);
        }
        if (chip.sourceGivesOnlySparse() == null || chip.interconnect() == null) {
            throw new DatasetException(at + ": sourceGivesOnlySparse (true/false) and interconnect {name, GBs} are required");
        }
        Map<String, Number> dense = new LinkedHashMap<>();
        for (String p : Chip.PRECISIONS) {
            dense.put(p, chip.denseTFLOPS().get(p));
        }
        return new Chip(chip.id(), chip.vendor(), chip.vendorKey(), chip.name(), chip.architecture(), chip.launchDate(),
                chip.launchDateNote(), chip.processNode(), chip.memoryType(), chip.memoryGB(), chip.memoryPhysicalGB(),
                chip.memoryBandwidthTBs(), chip.tdpWatts(), dense, chip.fp64Kind(), chip.sourceGivesOnlySparse(),
                chip.sparseNote(), chip.interconnect(), chip.formFactor(), chip.deviceKind(), chip.perDeviceNote(),
                chip.workload(), chip.tier(), chip.epochName(), chip.confidence(), List.of(), List.of(), chip.sources(),
                chip.notes());
    }
}
