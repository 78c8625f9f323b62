package chipcast.loader;

import chipcast.core.chip.ChipRepository;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.json.Json;
import chipcast.core.scenario.ScenarioRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataset as the items the loader writes, made at build time: {@code main} reads data/*.json into
 * records (so a bad figure, a missing source or an unknown precision fails the build, not the deploy)
 * and writes each table's items to dataset/items.json in the function's jar. At deploy time the loader
 * reads that file and writes it: no records, reflection or trees on its cold path, which were about
 * 80 ms of it (docs/performance.md). The file is made from data/*.json by every build, so it cannot
 * drift from them; DatasetLoaderTest checks the loaded items against the records.
 */
public final class DatasetItems {
    /** Where the jar carries the items, on the classpath. */
    public static final String RESOURCE = "/dataset/items.json";

    /** The dataset's name for each table, in writing order, and the environment variable that names it. */
    static final Map<String, String> TABLE_VARIABLES = tableVariables();

    private static Map<String, String> tableVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("chips", ChipRepository.TABLE_ENV);
        variables.put("forecasts", ForecastRepository.TABLE_ENV);
        variables.put("fxRates", FxRateRepository.TABLE_ENV);
        // Claims are not written: the scenario function reads them from its own jar (see docs/scenarios.md).
        variables.put("scenarios", ScenarioRepository.TABLE_ENV);
        return variables;
    }

    private DatasetItems() {
    }

    /** The items of each table, by the dataset's names for the tables (chips, forecasts, fxRates, scenarios). */
    public static Map<String, List<Map<String, AttributeValue>>> fromRecords() {
        Dataset.ForecastFile forecastFile = Dataset.forecastFile();
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        items.put("chips", Dataset.chips().stream().map(ChipRepository::toItem).toList());
        items.put("forecasts", forecastFile.forecasts().stream().map(ForecastRepository::toItem).toList());
        items.put("fxRates", forecastFile.fxRates().stream().map(FxRateRepository::toItem).toList());
        items.put("scenarios", Dataset.scenarios().stream().map(ScenarioRepository::toItem).toList());
        if (!items.keySet().equals(TABLE_VARIABLES.keySet())) {
            throw new IllegalStateException("dataset items for " + items.keySet() + ", tables " + TABLE_VARIABLES.keySet());
        }
        return items;
    }

    /** The build step: writes {@link #fromRecords()} to the file given, as DynamoDB's JSON of S and N values. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DatasetItems <output file>");
        }
        Map<String, List<Map<String, AttributeValue>>> items = fromRecords();
        String json = write(items);
        // Read back before it ships: the loader must get exactly these items.
        if (!read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).equals(items)) {
            throw new IllegalStateException("dataset items do not read back as written");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json, StandardCharsets.UTF_8);
    }

    static String write(Map<String, List<Map<String, AttributeValue>>> items) {
        Map<String, List<Map<String, Map<String, String>>>> plain = new LinkedHashMap<>();
        items.forEach((table, list) -> plain.put(table, list.stream().map(DatasetItems::plain).toList()));
        return Json.write(plain);
    }

    private static Map<String, Map<String, String>> plain(Map<String, AttributeValue> item) {
        Map<String, Map<String, String>> plain = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                plain.put(name, Map.of("S", value.s()));
            } else if (value.n() != null) {
                plain.put(name, Map.of("N", value.n()));
            } else {
                throw new IllegalStateException(name + ": only S and N attributes are written by the loader");
            }
        });
        return plain;
    }

    /** The jar's items, as {@link #main} wrote them. */
    public static Map<String, List<Map<String, AttributeValue>>> load() {
        try (InputStream in = DatasetItems.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: the build makes it from data/*.json");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** {"table":[{"attribute":{"S":"text"}|{"N":"number"}}, ...], ...}, read straight from the tokens. */
    static Map<String, List<Map<String, AttributeValue>>> read(InputStream in) throws IOException {
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        try (JsonParser p = Json.FACTORY.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, p);
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String table = p.currentName();
                expect(p.nextToken(), JsonToken.START_ARRAY, p);
                List<Map<String, AttributeValue>> list = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i == JsonToken.START_OBJECT; i = p.nextToken()) {
                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                    for (JsonToken a = p.nextToken(); a == JsonToken.FIELD_NAME; a = p.nextToken()) {
                        String name = p.currentName();
                        expect(p.nextToken(), JsonToken.START_OBJECT, p);
                        expect(p.nextToken(), JsonToken.FIELD_NAME, p);
                        String type = p.currentName();
                        expect(p.nextToken(), JsonToken.VALUE_STRING, p);
                        item.put(name, switch (type) {
                            case "S" -> AttributeValue.fromS(p.getText());
                            case "N" -> AttributeValue.fromN(p.getText());
                            default -> throw new IOException(name + ": attribute type " + type + " is not written by the loader");
                        });
                        expect(p.nextToken(), JsonToken.END_OBJECT, p);
                    }
                    list.add(item);
                }
                expect(p.currentToken(), JsonToken.END_ARRAY, p);
                items.put(table, list);
            }
            if (p.nextToken() != null) {
                throw new IOException("trailing content after the items");
            }
        }
        return items;
    }

    private static void expect(JsonToken actual, JsonToken expected, JsonParser p) throws IOException {
        if (actual != expected) {
            throw new IOException("dataset items: expected " + expected + " but found " + actual + " at " + p.currentLocation());
        }
    }
}
