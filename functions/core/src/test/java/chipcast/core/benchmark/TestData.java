package chipcast.core.benchmark;

import chipcast.core.chip.Chip;
import chipcast.core.json.Json;
import chipcast.core.scenario.ChipFigures;
import chipcast.core.scenario.ChipHourPrice;
import chipcast.core.scenario.ModelPreset;
import chipcast.core.scenario.ReferenceData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The committed dataset (data/*.json at the repository root), read as the loader reads it. */
public final class TestData {
    public static final Path DATA = Path.of(System.getProperty("chipcast.root", "../..")).toAbsolutePath().normalize()
            .resolve("data");

    private TestData() {
    }

    static byte[] bytes(String file) {
        Path path = DATA.resolve(file);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Benchmark> benchmarks() {
        return Arrays.asList(Json.readBundled(bytes("benchmarks.json"), Benchmark[].class));
    }

    public static List<ModelPreset> models() {
        return Arrays.asList(Json.readBundled(bytes("models.json"), ModelPreset[].class));
    }

    public static List<ChipHourPrice> prices() {
        return Arrays.asList(Json.readBundled(bytes("chip-hour-prices.json"), ChipHourPrice[].class));
    }

    public static ReferenceData reference() {
        return ReferenceData.of(models(), prices());
    }

    public static List<Chip> chips() {
        return Arrays.asList(Json.readBundled(bytes("chips.json"), Chip[].class));
    }

    public static Map<String, ChipFigures> figures() {
        Map<String, ChipFigures> out = new LinkedHashMap<>();
        for (Chip c : chips()) {
            out.put(c.id(), ChipFigures.of(c));
        }
        return out;
    }
}
