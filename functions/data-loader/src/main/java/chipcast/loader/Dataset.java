package chipcast.loader;

import chipcast.core.chip.Chip;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.FxRate;
import chipcast.core.json.Json;
import chipcast.core.scenario.StoredScenario;
import chipcast.core.scenario.VendorClaim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The bundled dataset (data/*.json in the repository, dataset/*.json on the classpath). */
public final class Dataset {
    private Dataset() {
    }

    public static List<Chip> chips() {
        return Arrays.asList(read("chips.json", Chip[].class));
    }

    /** data/forecasts.json, read once for both of its lists. */
    static ForecastFile forecastFile() {
        return read("forecasts.json", ForecastFile.class);
    }

    public static List<VendorClaim> claims() {
        return Arrays.asList(read("claims.json", VendorClaim[].class));
    }

    /** Fields of a data/scenarios.json entry that describe the scenario; every other field is the compare body. */
    static final Set<String> SCENARIO_META = Set.of("scenarioId", "name", "description", "claim");

    /**
     * data/scenarios.json: each entry is a PUT body (compare body plus name, description, claim) with its
     * scenarioId; seeded scenarios are read-only at version 1.
     */
    public static List<StoredScenario> scenarios() {
        List<StoredScenario> out = new ArrayList<>();
        for (JsonNode entry : read("scenarios.json", JsonNode.class)) {
            ObjectNode request = ((ObjectNode) entry).deepCopy();
            request.remove(SCENARIO_META);
            out.add(new StoredScenario(entry.path("scenarioId").asText(), entry.path("name").asText(),
                    entry.path("description").asText(null), StoredScenario.SEED, 1, null,
                    entry.hasNonNull("claim") ? (ObjectNode) entry.get("claim") : null, request));
        }
        return out;
    }

    /** data/forecasts.json: the forecasts and the dated FX rates that convert them. */
    record ForecastFile(List<FxRate> fxRates, List<Forecast> forecasts) {
    }

    static <T> T read(String file, Class<T> type) {
        // The dataset may carry documentation fields the API does not serve; ignore those, keep everything else strict.
        try (InputStream in = Dataset.class.getResourceAsStream("/dataset/" + file)) {
            if (in == null) {
                throw new IllegalStateException("dataset/" + file + " is not on the classpath");
            }
            return Json.readLenient(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset/" + file, e);
        }
    }
}
