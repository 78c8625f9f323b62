package chipcast.dataset;

import chipcast.dataset.benchmarks.Benchmarks;
import chipcast.dataset.chips.Chip;
import chipcast.dataset.chips.ChipAudit;
import chipcast.dataset.chips.ChipPrices;
import chipcast.dataset.chips.ChipsAdded;
import chipcast.dataset.chips.SourceCatalogue;
import chipcast.dataset.epoch.CrossCheck;
import chipcast.dataset.epoch.EpochData;
import chipcast.dataset.epoch.EpochImport;
import chipcast.dataset.forecasts.Forecast;
import chipcast.dataset.forecasts.SourcedForecasts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The extended build (--extended): the curated chips plus data/sources/chips-added.json, corrected by
 * chips-audit.json and cross-checked against Epoch; the Epoch import of curation/epoch-import.json; prices from
 * chip-prices.json; forecasts from data/sources/forecasts.json with linked editions when that file exists; and
 * data/benchmarks.json, data/models.json from their sources. Each optional input is read only when present.
 */
final class Extended {
    record Built(List<Chip> chips, Forecast.File forecasts, Map<String, String> extraFiles) {
    }

    private Extended() {
    }

    static Built build(Layout layout, SourceCatalogue catalogue, EpochData epoch, List<Chip> referenceChips,
                       Forecast.File referenceForecasts, List<String> report) {
        List<Chip> curated = new ArrayList<>(referenceChips);
        if (layout.exists(Layout.CHIPS_ADDED)) {
            List<Chip> added = ChipsAdded.read(layout);
            curated.addAll(added);
            report.add(Layout.CHIPS_ADDED + ": " + added.size() + " curated chips added");
        }
        EpochImport.File importFile = EpochImport.read(layout);
        if (layout.exists(Layout.CHIPS_AUDIT)) {
            List<ChipAudit.Entry> audit = ChipAudit.read(layout);
            Set<String> importIds = importFile.imported().stream().map(EpochImport.Imported::id).collect(Collectors.toSet());
            curated = ChipAudit.apply(curated, audit, importIds);
            report.add(Layout.CHIPS_AUDIT + ": " + audit.size() + " corrections applied");
        }
        CrossCheck.check(curated, epoch, CrossCheck.read(layout));

        EpochImport.Result imported = EpochImport.run(epoch, importFile, catalogue.epoch(), curated);
        report.add("Epoch import: " + imported.candidates() + " rows released 2016 or later with memory, bandwidth and a"
                + " dense tensor figure; " + imported.chips().size() + " imported (tier epoch-only), "
                + imported.covered() + " covered by curated chips, " + imported.excluded().size() + " excluded");
        for (EpochImport.Excluded x : imported.excluded()) {
            report.add("  excluded '" + x.epochName() + "': " + x.reason());
        }
        report.addAll(imported.unused());
        List<Chip> chips = new ArrayList<>(curated);
        chips.addAll(imported.chips());

        List<ChipPrices.Entry> prices = layout.exists(Layout.CHIP_PRICES) ? ChipPrices.read(layout) : List.of();
        chips = ChipPrices.attach(chips, prices);
        if (!prices.isEmpty()) {
            report.add(Layout.CHIP_PRICES + ": " + prices.size() + " prices");
        }

        Forecast.File forecasts = referenceForecasts;
        if (layout.exists(Layout.FORECASTS)) {
            forecasts = SourcedForecasts.read(layout);
            long linked = forecasts.forecasts().stream().filter(f -> f.supersedes() != null || f.supersededBy() != null).count();
            report.add(Layout.FORECASTS + ": " + forecasts.forecasts().size() + " forecasts (replacing the reference's), "
                    + linked + " linked to another edition");
        }

        Set<String> chipIds = chips.stream().map(Chip::id).collect(Collectors.toSet());
        Map<String, String> extra = Benchmarks.build(layout, chipIds);
        extra.keySet().forEach(name -> report.add("data/" + name + " from data/sources/" + name));
        return new Built(chips, forecasts, extra);
    }
}
