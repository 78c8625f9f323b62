package chipcast.dataset;

import java.nio.file.Path;

/**
 * Where the generator reads and writes, relative to the repository root: inputs under data/sources, outputs
 * data/*.json. Names are repository-relative so that error messages say which file to edit.
 */
public record Layout(Path root) {
    public static final String REFERENCE = "data/sources/reference/";
    public static final String CURATION = "data/sources/curation/";

    // Reference facts (copied from the project's shared reference, see data/sources/README.md).
    public static final String REF_CHIPS = REFERENCE + "chips.json";
    public static final String REF_FORECASTS = REFERENCE + "forecasts.json";
    public static final String REF_CLAIMS = REFERENCE + "claims.json";
    public static final String EPOCH_CSV = REFERENCE + "epoch_ml_hardware.csv";

    // Curated edits of the reference (the tables that used to live in data/tools/build_data.py).
    public static final String SOURCES = CURATION + "sources.json";
    public static final String CHIP_CURATION = CURATION + "chips.json";
    public static final String CROSS_CHECK = CURATION + "epoch-crosscheck.json";
    public static final String CLAIM_CURATION = CURATION + "claims.json";
    public static final String EPOCH_IMPORT = CURATION + "epoch-import.json";

    // Curated inputs (docs/data.md), each required.
    public static final String CHIPS_ADDED = "data/sources/chips-added.json";
    public static final String CHIPS_AUDIT = "data/sources/chips-audit.json";
    public static final String CHIP_PRICES = "data/sources/chip-prices.json";
    public static final String FORECASTS = "data/sources/forecasts.json";
    public static final String BENCHMARKS = "data/sources/benchmarks.json";
    public static final String MODELS = "data/sources/models.json";
    public static final String CHIP_HOUR_PRICES = "data/sources/chip-hour-prices.json";
    public static final String MARKETS = "data/sources/markets.json";

    public Layout {
        root = root.toAbsolutePath().normalize();
    }

    public Path path(String name) {
        return root.resolve(name);
    }

    /** The output file data/{name}. */
    public Path output(String name) {
        return root.resolve("data").resolve(name);
    }
}
