package chipcast.core.chip;

import java.util.List;

/**
 * One accelerator as served by GET /chips/{chipId}. Compute figures are dense (no structured
 * sparsity); null means no source gave the figure.
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
        Measured measured) {

    /**
     * The measured results of this chip in the benchmarks table: how many, and the listing that serves them. Filled
     * when the dataset is loaded, so a chip's answer links them without another read.
     */
    public record Measured(int results, String href) {
    }

    public record Interconnect(String name, Double GBs) {
    }

    /** Where a figure comes from: a title or url, what it supports, and the date it speaks for. */
    public record Source(String title, String url, String supports, String asOf, String asOfKind) {
    }
}
