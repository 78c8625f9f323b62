package chipcast.core.chip;

import java.util.List;

/**
 * A vendor of the catalogue, as GET /vendors serves it: its key (the chips' vendorKey), the name most of its chips
 * give and every name they give, how many chips it has (curated and resting on Epoch AI alone), the workloads they
 * serve, the span of their launch dates, their ids, the listing that serves them, and where the figures come from.
 */
public record Vendor(String vendorKey, String vendor, List<String> names, int chipCount, int curatedCount,
                     int epochOnlyCount, List<String> workloads, String firstLaunch, String lastLaunch,
                     List<String> chipIds, String chipsListing, String source) {
}
