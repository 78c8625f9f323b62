package chipcast.local;

import chipcast.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** Counts the tests assert, read from the bundled data/*.json, so a data change does not need a test change. */
public final class DatasetCounts {
    private DatasetCounts() {
    }

    public static int chips() {
        return tree("data/chips.json").size();
    }

    public static int forecasts() {
        return tree("data/forecasts.json").path("forecasts").size();
    }

    /** Distinct market keys of the forecasts. */
    public static int markets() {
        Set<String> markets = new HashSet<>();
        tree("data/forecasts.json").path("forecasts").forEach(f -> markets.add(f.path("market").asText()));
        return markets.size();
    }

    /** The series a recalculation materialises: every forecast and every market's consensus, in USD and KRW. */
    public static int series() {
        return (forecasts() + markets()) * 2;
    }

    static JsonNode tree(String relative) {
        try {
            return Json.MAPPER.readTree(TestStack.read(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
