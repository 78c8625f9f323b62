package chipcast.dataset;

import chipcast.dataset.chips.Chip;
import chipcast.dataset.chips.SourceCatalogue;
import chipcast.dataset.epoch.EpochData;
import chipcast.dataset.epoch.EpochImport;
import chipcast.dataset.forecasts.Forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The extended build (--extended): the curated chips, then the Epoch import of curation/epoch-import.json. */
final class Extended {
    record Built(List<Chip> chips, Forecast.File forecasts, Map<String, String> extraFiles) {
    }

    private Extended() {
    }

    static Built build(Layout layout, SourceCatalogue catalogue, EpochData epoch, List<Chip> referenceChips,
                       Forecast.File referenceForecasts, List<String> report) {
        List<Chip> curated = new ArrayList<>(referenceChips);
        EpochImport.Result imported = EpochImport.run(epoch, EpochImport.read(layout), catalogue.epoch(), curated);
        report.add("Epoch import: " + imported.candidates() + " rows released 2016 or later with memory, bandwidth and a"
                + " dense tensor figure; " + imported.chips().size() + " imported (tier epoch-only), "
                + imported.covered() + " covered by curated chips, " + imported.excluded().size() + " excluded");
        for (EpochImport.Excluded x : imported.excluded()) {
            report.add("  excluded '" + x.epochName() + "': " + x.reason());
        }
        report.addAll(imported.unused());
        List<Chip> chips = new ArrayList<>(curated);
        chips.addAll(imported.chips());
        return new Built(chips, referenceForecasts, Map.of());
    }
}
