package chipcast.loader;

import chipcast.core.chip.Chip;
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
