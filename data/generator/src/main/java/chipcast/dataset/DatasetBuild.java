package chipcast.dataset;

import chipcast.dataset.check.Checks;
import chipcast.dataset.chips.Chip;
import chipcast.dataset.chips.ChipCuration;
import chipcast.dataset.chips.ReferenceChips;
import chipcast.dataset.chips.SourceCatalogue;
import chipcast.dataset.claims.Claim;
import chipcast.dataset.claims.ReferenceClaims;
import chipcast.dataset.epoch.CrossCheck;
import chipcast.dataset.epoch.EpochData;
import chipcast.dataset.forecasts.Forecast;
import chipcast.dataset.forecasts.ReferenceForecasts;
import chipcast.dataset.json.Mapper;
import chipcast.dataset.json.Output;
import chipcast.dataset.json.PyJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the dataset in memory from data/sources: the files of data/ by name, and a short report. The default
 * build writes the served schema and reproduces the committed data/*.json byte for byte; the extended build
 * (the Epoch import and the curated inputs of docs/data.md) writes the schema the served records will read next.
 */
public final class DatasetBuild {
    public static final List<String> DEFAULT_FILES = List.of("chips.json", "forecasts.json", "claims.json");

    /** The built files (data/{name} -> text) and what was built, one line per item. */
    public record Result(Map<String, String> files, List<String> report) {
    }

    private DatasetBuild() {
    }

    public static Result run(Layout layout, boolean extended) {
        SourceCatalogue catalogue = SourceCatalogue.read(layout);
        EpochData epoch = EpochData.read(layout);
        List<Chip> chips = ReferenceChips.build(ReferenceChips.read(layout), ChipCuration.read(layout), catalogue);
        CrossCheck.check(chips, epoch, CrossCheck.read(layout));
        Forecast.File forecasts = ReferenceForecasts.build(layout);
        List<String> report = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        if (extended) {
            Extended.Built built = Extended.build(layout, catalogue, epoch, chips, forecasts, report);
            chips = built.chips();
            forecasts = built.forecasts();
            files.putAll(built.extraFiles());
        }
        Set<String> chipIds = chips.stream().map(Chip::id).collect(Collectors.toSet());
        List<Claim> claims = ReferenceClaims.build(layout, catalogue, chipIds);
        Checks.all(chips, forecasts, claims, catalogue.checkedDate());

        Map<String, String> out = new LinkedHashMap<>();
        out.put("chips.json", Output.list(chips, extended ? Set.of() : Chip.EXTENDED_FIELDS));
        out.put("forecasts.json", forecasts(forecasts, extended));
        out.put("claims.json", Output.list(claims, Set.of()));
        out.putAll(files);
        report.add(0, chips.size() + " chips, " + forecasts.forecasts().size() + " forecasts, "
                + forecasts.fxRates().size() + " FX rates, " + claims.size() + " claims"
                + (extended ? " (extended build)" : ""));
        return new Result(out, report);
    }

    private static String forecasts(Forecast.File file, boolean extended) {
        ObjectNode root = Mapper.MAPPER.createObjectNode();
        root.set("fxRates", Mapper.tree(file.fxRates()));
        ArrayNode list = root.putArray("forecasts");
        for (Forecast f : file.forecasts()) {
            list.add(Output.strip(Mapper.tree(f), extended ? Set.of() : Forecast.EXTENDED_FIELDS));
        }
        return PyJson.write(root);
    }
}
