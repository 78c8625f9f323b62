package chipcast.loader;

import chipcast.core.chip.Chip;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.FxRate;
import chipcast.core.json.Json;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** The bundled dataset (data/*.json in the repository, dataset/*.json on the classpath). */
public final class Dataset {
    private Dataset() {
    }

    public static List<Chip> chips() {
        return Arrays.asList(read("chips.json", Chip[].class));
    }

    public static List<Forecast> forecasts() {
        return Arrays.asList(read("forecasts.json", ForecastFile.class).forecasts());
    }

    public static List<FxRate> fxRates() {
        return Arrays.asList(read("forecasts.json", ForecastFile.class).fxRates());
    }

    /** data/forecasts.json: the forecasts and the dated FX rates that convert them. */
    record ForecastFile(FxRate[] fxRates, Forecast[] forecasts) {
    }

    static <T> T read(String file, Class<T> type) {
        // The dataset may carry documentation fields the API does not serve; ignore those, keep everything else strict.
        ObjectReader reader = Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Dataset.class.getResourceAsStream("/dataset/" + file)) {
            if (in == null) {
                throw new IllegalStateException("dataset/" + file + " is not on the classpath");
            }
            return reader.readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset/" + file, e);
        }
    }
}
