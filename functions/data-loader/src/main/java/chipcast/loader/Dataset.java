package chipcast.loader;

import chipcast.core.benchmark.Benchmark;
import chipcast.core.chip.Chip;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.FxRate;
import chipcast.core.json.Json;
import chipcast.core.scenario.ClaimMapping;
import chipcast.core.scenario.CompareRequest;
import chipcast.core.scenario.StoredScenario;
import chipcast.core.scenario.VendorClaim;
import chipcast.core.store.dynamodb.DynamoDatasetWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bundled dataset (data/*.json in the repository, dataset/*.json on the classpath), read into the
 * records. {@link #main} runs in the build, so a bad figure, a missing source or an unknown field fails
 * the build, not the deploy.
 */
public final class Dataset {
    private Dataset() {
    }

    /** The build step: reads the whole dataset through the records, as the loader will. */
    public static void main(String[] args) {
        DynamoDatasetWriter.Dataset dataset = load();
        claims();
        if (dataset.chips().isEmpty() || dataset.forecasts().isEmpty()) {
            throw new IllegalStateException("the dataset has no chips or no forecasts");
        }
        Set<String> chipIds = new HashSet<>();
        dataset.chips().forEach(c -> chipIds.add(c.id()));
        Set<String> ids = new HashSet<>();
        for (Benchmark b : dataset.benchmarks()) {
            if (!ids.add(b.id())) {
                throw new IllegalStateException("benchmarks.json repeats id " + b.id());
            }
            if (!chipIds.contains(b.chipId())) {
                throw new IllegalStateException("benchmark " + b.id() + " names chip " + b.chipId()
                        + ", which is not in chips.json");
            }
            if (b.source() == null || b.source().url() == null) {
                throw new IllegalStateException("benchmark " + b.id() + " has no source url");
            }
        }
    }

    public static DynamoDatasetWriter.Dataset load() {
        ForecastFile forecasts = read("forecasts.json", ForecastFile.class);
        List<Benchmark> benchmarks = benchmarks();
        return new DynamoDatasetWriter.Dataset(withMeasured(chips(), benchmarks), forecasts.forecasts(),
                forecasts.fxRates(), scenarios(), benchmarks);
    }

    public static List<Benchmark> benchmarks() {
        return Arrays.asList(read("benchmarks.json", Benchmark[].class));
    }

    /**
     * Each chip with the link to its measured results (count and listing), so GET /chips/{chipId} links them with
     * its one GetItem.
     */
    static List<Chip> withMeasured(List<Chip> chips, List<Benchmark> benchmarks) {
        Map<String, Integer> counts = new TreeMap<>();
        benchmarks.forEach(b -> counts.merge(b.chipId(), 1, Integer::sum));
        return chips.stream().map(c -> c.withMeasured(new Chip.Measured(counts.getOrDefault(c.id(), 0),
                "/benchmarks?chipId=" + c.id()))).toList();
    }

    public static List<Chip> chips() {
        return Arrays.asList(read("chips.json", Chip[].class));
    }

    public static List<VendorClaim> claims() {
        return Arrays.asList(read("claims.json", VendorClaim[].class));
    }

    /** A data/scenarios.json entry's own fields; every other field of the entry is its compare body. */
    record SeedScenario(String scenarioId, String name, String description, ClaimMapping claim) {
    }

    /** data/scenarios.json: each entry a PUT body with its scenarioId; seeded scenarios are read-only at version 1. */
    public static List<StoredScenario> scenarios() {
        byte[] file = bytes("scenarios.json");
        SeedScenario[] seeds = Json.readBundled(file, SeedScenario[].class);
        CompareRequest[] requests = Json.readBundled(file, CompareRequest[].class);
        List<StoredScenario> out = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            SeedScenario s = seeds[i];
            out.add(new StoredScenario(s.scenarioId(), s.name(), s.description(), StoredScenario.SEED, 1, null,
                    s.claim(), requests[i]));
        }
        return out;
    }

    /** data/forecasts.json: the forecasts and the dated FX rates that convert them. */
    record ForecastFile(List<FxRate> fxRates, List<Forecast> forecasts) {
    }

    static <T> T read(String file, Class<T> type) {
        return Json.readBundled(bytes(file), type);
    }

    private static byte[] bytes(String file) {
        try (InputStream in = Dataset.class.getResourceAsStream("/dataset/" + file)) {
            if (in == null) {
                throw new IllegalStateException("dataset/" + file + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset/" + file, e);
        }
    }
}
