package chipcast.dataset.chips;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One accelerator as written to data/chips.json, fields in output order (functions/core's Chip record reads
 * them by name). Numbers are kept as read ({@code Integer} or {@code Double}), so {@code 80} and {@code 80.0} are
 * written back as they came.
 */
public record Chip(
        String id,
        String vendor,
        String vendorKey,
        String name,
        String architecture,
        String launchDate,
        String launchDateNote,
        String processNode,
        String memoryType,
        Number memoryGB,
        Number memoryPhysicalGB,
        Number memoryBandwidthTBs,
        Number tdpWatts,
        Map<String, Number> denseTFLOPS,
        String fp64Kind,
        Boolean sourceGivesOnlySparse,
        String sparseNote,
        Interconnect interconnect,
        String formFactor,
        String deviceKind,
        String perDeviceNote,
        String workload,
        String tier,
        String epochName,
        String confidence,
        List<Price> prices,
        List<ChipHourPrice> chipHourPrices,
        List<Source> sources,
        String notes) {

    /** The denseTFLOPS keys, always all ten, in this order. TFLOPS for floating point, TOPS for int8/int4. */
    public static final List<String> PRECISIONS =
            List.of("fp64", "fp32", "tf32", "bf16", "fp16", "fp8", "fp6", "fp4", "int8", "int4");

    /** Fields a chip of data/sources/chips-added.json may leave out (they have defaults or come from elsewhere). */
    public static final Set<String> OPTIONAL_IN_ADDED = Set.of(
            "memoryPhysicalGB", "fp64Kind", "deviceKind", "perDeviceNote", "tier", "epochName", "prices", "chipHourPrices");

    public static final String TIER_CURATED = "curated";
    public static final String TIER_EPOCH_ONLY = "epoch-only";

    /** Chip-to-chip interconnect: its name and bandwidth in GB/s. */
    public record Interconnect(String name, Number GBs) {
    }

    /** A dated price with its source: kind list, street, estimate or derived-from-system. */
    public record Price(String kind, Number usd, String date, PriceSource source, String note) {
    }

    public record PriceSource(String title, String url, String asOf) {
    }

    /** Dollars per chip-hour for one buyer type, from data/sources/chip-hour-prices.json (its fields the API serves). */
    public record ChipHourPrice(String buyerType, Number usdPerChipHour, String kind, String asOf, HourPriceSource source,
                                String notes) {
    }

    public record HourPriceSource(String title, String url, String attribution) {
    }

    public Chip withSources(List<Source> newSources) {
        return new Chip(id, vendor, vendorKey, name, architecture, launchDate, launchDateNote, processNode,
                memoryType, memoryGB, memoryPhysicalGB, memoryBandwidthTBs, tdpWatts, denseTFLOPS, fp64Kind,
                sourceGivesOnlySparse, sparseNote, interconnect, formFactor, deviceKind, perDeviceNote, workload,
                tier, epochName, confidence, prices, chipHourPrices, newSources, notes);
    }

    public Chip withNotes(String newNotes) {
        return new Chip(id, vendor, vendorKey, name, architecture, launchDate, launchDateNote, processNode,
                memoryType, memoryGB, memoryPhysicalGB, memoryBandwidthTBs, tdpWatts, denseTFLOPS, fp64Kind,
                sourceGivesOnlySparse, sparseNote, interconnect, formFactor, deviceKind, perDeviceNote, workload,
                tier, epochName, confidence, prices, chipHourPrices, sources, newNotes);
    }

    public Chip withChipHourPrices(List<ChipHourPrice> newChipHourPrices) {
        return new Chip(id, vendor, vendorKey, name, architecture, launchDate, launchDateNote, processNode,
                memoryType, memoryGB, memoryPhysicalGB, memoryBandwidthTBs, tdpWatts, denseTFLOPS, fp64Kind,
                sourceGivesOnlySparse, sparseNote, interconnect, formFactor, deviceKind, perDeviceNote, workload,
                tier, epochName, confidence, prices, newChipHourPrices, sources, notes);
    }

    public Chip withPrices(List<Price> newPrices) {
        return new Chip(id, vendor, vendorKey, name, architecture, launchDate, launchDateNote, processNode,
                memoryType, memoryGB, memoryPhysicalGB, memoryBandwidthTBs, tdpWatts, denseTFLOPS, fp64Kind,
                sourceGivesOnlySparse, sparseNote, interconnect, formFactor, deviceKind, perDeviceNote, workload,
                tier, epochName, confidence, newPrices, chipHourPrices, sources, notes);
    }
}
