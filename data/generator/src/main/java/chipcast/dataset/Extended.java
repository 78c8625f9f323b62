package chipcast.dataset;

import chipcast.dataset.chips.Chip;
import chipcast.dataset.chips.SourceCatalogue;
import chipcast.dataset.epoch.EpochData;
import chipcast.dataset.forecasts.Forecast;

import java.util.List;
import java.util.Map;

/** The extended build: placeholder until the Epoch import and the curated inputs land. */
final class Extended {
    record Built(List<Chip> chips, Forecast.File forecasts, Map<String, String> extraFiles) {
    }

    private Extended() {
    }

    static Built build(Layout layout, SourceCatalogue catalogue, EpochData epoch, List<Chip> chips,
                       Forecast.File forecasts, List<String> report) {
        return new Built(chips, forecasts, Map.of());
    }
}
