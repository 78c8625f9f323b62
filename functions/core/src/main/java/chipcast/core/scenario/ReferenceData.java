package chipcast.core.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The published reference tables a scenario reads besides the chips: model presets (data/models.json) and
 * dollars per chip-hour (data/chip-hour-prices.json). They travel with the function's code (bundled), like the
 * vendor claims.
 */
public interface ReferenceData {
    Optional<ModelPreset> model(String id);

    List<ModelPreset> models();

    /** Every price of one chip, in file order. */
    List<ChipHourPrice> prices(String chipId);

    /** A fixed set, for tests and callers that hold the tables already. */
    static ReferenceData of(List<ModelPreset> models, List<ChipHourPrice> prices) {
        return new ReferenceData() {
            @Override
            public Optional<ModelPreset> model(String id) {
                return models.stream().filter(m -> m.id().equals(id)).findFirst();
            }

            @Override
            public List<ModelPreset> models() {
                return models;
            }

            @Override
            public List<ChipHourPrice> prices(String chipId) {
                return prices.stream().filter(p -> chipId.equals(p.chipId())).toList();
            }
        };
    }
}
