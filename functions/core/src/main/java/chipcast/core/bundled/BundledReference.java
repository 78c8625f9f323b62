package chipcast.core.bundled;

import chipcast.core.json.Json;
import chipcast.core.scenario.ChipHourPrice;
import chipcast.core.scenario.ModelPreset;
import chipcast.core.scenario.ReferenceData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The model presets (data/models.json) and dollars per chip-hour (data/chip-hour-prices.json) bundled in a
 * function's jar as dataset/*.json: published tables that change only with a release, so they travel with the
 * code like the vendor claims (no table read, no IAM permission). Read once, on first use.
 */
public final class BundledReference implements ReferenceData {
    public static final BundledReference INSTANCE = new BundledReference();

    /** The JVM initialises a holder class on first use, once and thread-safely. */
    private static final class Bundled {
        static final List<ModelPreset> MODELS = List.of(read("models.json", ModelPreset[].class));
        static final List<ChipHourPrice> PRICES = List.of(read("chip-hour-prices.json", ChipHourPrice[].class));
    }

    private BundledReference() {
    }

    @Override
    public Optional<ModelPreset> model(String id) {
        return Bundled.MODELS.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public List<ModelPreset> models() {
        return Bundled.MODELS;
    }

    @Override
    public List<ChipHourPrice> prices(String chipId) {
        return Bundled.PRICES.stream().filter(p -> chipId.equals(p.chipId())).toList();
    }

    static <T> T[] read(String file, Class<T[]> type) {
        try (InputStream in = BundledReference.class.getResourceAsStream("/dataset/" + file)) {
            if (in == null) {
                throw new IllegalStateException("dataset/" + file + " is not on the classpath");
            }
            return Json.readBundled(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset/" + file, e);
        }
    }
}
