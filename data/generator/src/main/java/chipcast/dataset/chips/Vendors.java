package chipcast.dataset.chips;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * data/vendors.json, which GET /vendors serves: per vendor key, its name, how many chips the catalogue has (curated
 * and Epoch-only), their ids, the workloads they serve and the span of their launch dates. Derived from the chips
 * alone: each chip's figures cite their own sources (GET /chips?vendor={key}).
 */
public final class Vendors {
    /**
     * One vendor of the catalogue: its key, the name most of its chips give and every name they give (the reference
     * writes "Intel (Habana)" for Gaudi parts), counts, workloads, launch span and chip ids.
     */
    public record Vendor(String vendorKey, String vendor, List<String> names, int chipCount, int curatedCount,
                         int epochOnlyCount, List<String> workloads, String firstLaunch, String lastLaunch,
                         List<String> chipIds, String chipsListing, String source) {
    }

    static final String SOURCE = "derived from the catalogue (data/chips.json): each chip cites the sources of its own"
            + " figures; the listing serves them";

    private Vendors() {
    }

    public static List<Vendor> build(List<Chip> chips) {
        Map<String, List<Chip>> byKey = new LinkedHashMap<>();
        for (Chip c : chips) {
            byKey.computeIfAbsent(c.vendorKey(), k -> new ArrayList<>()).add(c);
        }
        List<Vendor> out = new ArrayList<>();
        for (String key : byKey.keySet().stream().sorted().toList()) {
            List<Chip> list = byKey.get(key).stream().sorted(Comparator.comparing(Chip::id)).toList();
            Map<String, Integer> names = new TreeMap<>();
            TreeSet<String> workloads = new TreeSet<>();
            TreeSet<String> launches = new TreeSet<>();
            int curated = 0;
            for (Chip c : list) {
                names.merge(c.vendor(), 1, Integer::sum);
                workloads.add(c.workload());
                launches.add(c.launchDate());
                curated += Chip.TIER_CURATED.equals(c.tier()) ? 1 : 0;
            }
            String name = names.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            out.add(new Vendor(key, name, List.copyOf(names.keySet()), list.size(), curated, list.size() - curated,
                    List.copyOf(workloads),
                    launches.first(), launches.last(), list.stream().map(Chip::id).toList(), "/chips?vendor=" + key, SOURCE));
        }
        return out;
    }
}
