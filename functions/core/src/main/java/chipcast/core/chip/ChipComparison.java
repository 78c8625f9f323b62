package chipcast.core.chip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Side-by-side key figures of chips, each as a ratio to the first (the baseline). */
public final class ChipComparison {
    private ChipComparison() {
    }

    public record Entry(String id, String name, String vendor, Map<String, Double> figures,
                        Map<String, Double> ratioToBaseline, List<Chip.Source> sources) {
    }

    public record Result(String baseline, List<Entry> chips, String note) {
    }

    /** Figures compared: datasheet values, dense TFLOPS per precision, and the derived efficiency. */
    public static Map<String, Double> keyFigures(Chip chip) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("memoryGB", chip.memoryGB());
        figures.put("memoryBandwidthTBs", chip.memoryBandwidthTBs());
        figures.put("tdpWatts", chip.tdpWatts());
        figures.put("interconnectGBs", chip.interconnect() == null ? null : chip.interconnect().GBs());
        for (String precision : DenseTflops.PRECISIONS) {
            figures.put("denseTFLOPS." + precision, chip.denseTFLOPS() == null ? null : chip.denseTFLOPS().get(precision));
        }
        ChipMetrics.Derived derived = ChipMetrics.derive(chip);
        for (String precision : DenseTflops.PRECISIONS) {
            figures.put("tflopsPerWatt." + precision, derived.tflopsPerWatt().get(precision));
        }
        return figures;
    }

    /** @param chips in the order asked for; the first is the baseline */
    public static Result compare(List<Chip> chips) {
        Map<String, Double> base = keyFigures(chips.get(0));
        List<Entry> entries = new ArrayList<>();
        for (Chip chip : chips) {
            Map<String, Double> figures = keyFigures(chip);
            Map<String, Double> ratios = new LinkedHashMap<>();
            figures.forEach((name, value) -> {
                Double b = base.get(name);
                ratios.put(name, value == null || b == null || b == 0 ? null : value / b);
            });
            entries.add(new Entry(chip.id(), chip.name(), chip.vendor(), figures, ratios, chip.sources()));
        }
        return new Result(chips.get(0).id(), entries,
                "ratios are each figure divided by the baseline's (the first id); null where either figure is unknown. "
                        + "Compute figures are dense (no structured sparsity); integer precisions are TOPS.");
    }
}
