package chipcast.core.chip;

import chipcast.core.csv.Csv;
import chipcast.core.store.Listing;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chip routes as CSV: the catalogue one chip a row, a comparison one figure of one chip a row. */
public final class ChipCsv {
    private ChipCsv() {
    }

    /**
     * GET /chips: a chip's stored figures (dense TFLOPS per precision as columns), its flags and its sources: the
     * titles, URLs and as-of dates of every source, in the same order, separated by " | ". Prices stay in the
     * JSON answer, where each carries its own source and date.
     */
    public record ChipRow(String id, String vendor, String vendorKey, String name, String architecture,
                          String launchDate, String launchDateNote, String processNode, String memoryType,
                          Double memoryGB, Double memoryBandwidthTBs, Double tdpWatts,
                          @JsonUnwrapped(prefix = "denseTFLOPS.") DenseTflops denseTFLOPS,
                          Boolean sourceGivesOnlySparse, String sparseNote, String interconnect, Double interconnectGBs,
                          String formFactor, String workload, String deviceKind, String tier,
                          Double memoryPhysicalGB, String fp64Kind, Integer measuredResults, String confidence,
                          String source, String sourceUrl, String asOf, String notes) {

        static ChipRow of(Chip c) {
            Sources s = Sources.of(c.sources());
            return new ChipRow(c.id(), c.vendor(), c.vendorKey(), c.name(), c.architecture(), c.launchDate(),
                    c.launchDateNote(), c.processNode(), c.memoryType(), c.memoryGB(), c.memoryBandwidthTBs(),
                    c.tdpWatts(), c.denseTFLOPS(), c.sourceGivesOnlySparse(), c.sparseNote(),
                    c.interconnect() == null ? null : c.interconnect().name(),
                    c.interconnect() == null ? null : c.interconnect().GBs(), c.formFactor(), c.workload(),
                    c.deviceKind(), c.tier(), c.memoryPhysicalGB(), c.fp64Kind(),
                    c.measured() == null ? null : c.measured().results(), c.confidence(), s.titles(), s.urls(),
                    s.asOf(), c.notes());
        }
    }

    /**
     * GET /chips/compare: one figure of one chip (the comparison's figure names, e.g. {@code denseTFLOPS.bf16},
     * {@code tflopsPerWatt.fp8}), its ratio to the baseline's, and the chip's sources.
     */
    public record CompareRow(String baseline, String chipId, String name, String vendor, String figure, Double value,
                             Double ratioToBaseline, String source, String sourceUrl, String asOf) {
    }

    /** The chip's sources as three cells. */
    record Sources(String titles, String urls, String asOf) {
        static Sources of(List<Chip.Source> sources) {
            if (sources == null) {
                return new Sources(null, null, null);
            }
            return new Sources(Csv.join(sources.stream().map(Chip.Source::title).toList()),
                    Csv.join(sources.stream().map(Chip.Source::url).toList()),
                    Csv.join(sources.stream().map(Chip.Source::asOf).toList()));
        }
    }

    public static Csv.Table<ChipRow> page(Listing<ChipView> page) {
        return new Csv.Table<>(ChipRow.class, page.items().stream().map(v -> ChipRow.of(v.chip())).toList(),
                page.nextToken());
    }

    public static Csv.Table<CompareRow> comparison(ChipComparison.Result result) {
        List<CompareRow> rows = new ArrayList<>();
        for (ChipComparison.Entry chip : result.chips()) {
            Sources s = Sources.of(chip.sources());
            for (Map.Entry<String, Double> figure : chip.figures().entrySet()) {
                rows.add(new CompareRow(result.baseline(), chip.id(), chip.name(), chip.vendor(), figure.getKey(),
                        figure.getValue(), chip.ratioToBaseline().get(figure.getKey()), s.titles(), s.urls(), s.asOf()));
            }
        }
        return new Csv.Table<>(CompareRow.class, rows);
    }
}
