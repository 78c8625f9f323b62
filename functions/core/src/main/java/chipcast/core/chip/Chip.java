package chipcast.core.chip;

import java.util.List;

/**
 * One accelerator as served by GET /chips/{chipId}. Compute figures are dense (no structured
 * sparsity); null means no source gave the figure. fp64 is the vector (non-tensor) figure unless
 * fp64Kind says matrix; memoryGB is the usable capacity, memoryPhysicalGB the physical one where a
 * source gives a different figure. tier: "curated" (checked sources) or "epoch-only" (Epoch AI's
 * dataset alone, not cross-checked; epochName is its row).
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
        Double memoryGB,
        Double memoryBandwidthTBs,
        Double tdpWatts,
        DenseTflops denseTFLOPS,
        Boolean sourceGivesOnlySparse,
        String sparseNote,
        Interconnect interconnect,
        String formFactor,
        String workload,
        String confidence,
        List<Source> sources,
        String notes,
        Double memoryPhysicalGB,
        String fp64Kind,
        String deviceKind,
        String perDeviceNote,
        String tier,
        String epochName,
        List<Price> prices,
        List<ChipHourPrice> chipHourPrices,
        Measured measured) {

    /** This chip with the link to its measured results (set when the dataset is loaded). */
    public Chip withMeasured(Measured link) {
        return new Chip(id, vendor, vendorKey, name, architecture, launchDate, launchDateNote, processNode, memoryType,
                memoryGB, memoryBandwidthTBs, tdpWatts, denseTFLOPS, sourceGivesOnlySparse, sparseNote, interconnect,
                formFactor, workload, confidence, sources, notes, memoryPhysicalGB, fp64Kind, deviceKind, perDeviceNote,
                tier, epochName, prices, chipHourPrices, link);
    }

    /**
     * The measured results of this chip in the benchmarks table: how many, and the listing that serves them. Filled
     * when the dataset is loaded, so a chip's answer links them without another read.
     */
    public record Measured(int results, String href) {
    }

    public record Interconnect(String name, Double GBs) {
    }

    /**
     * A dated price with its source, never invented: kind list (vendor list price), street (a reported selling
     * price), estimate (an analyst's estimate) or derived-from-system (a system price divided by its accelerators).
     */
    public record Price(String kind, Double usd, String date, PriceSource source, String note) {
    }

    public record PriceSource(String title, String url, String asOf) {
    }

    /**
     * Dollars per chip-hour for one buyer type (hyperscaler or neocloud owning TCO, 3-year rental, on-demand cloud),
     * with its kind (e.g. tco-all-in, rental, or a placeholder the source marks as temporary), date and source.
     */
    public record ChipHourPrice(String buyerType, Double usdPerChipHour, String kind, String asOf, HourPriceSource source,
                                String notes) {
    }

    public record HourPriceSource(String title, String url, String attribution) {
    }

    /** Where a figure comes from: a title or url, what it supports, and the date it speaks for. */
    public record Source(String title, String url, String supports, String asOf, String asOfKind) {
    }
}
