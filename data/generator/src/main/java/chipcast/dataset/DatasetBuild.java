package chipcast.dataset;

import chipcast.dataset.benchmarks.Benchmarks;
import chipcast.dataset.check.Checks;
import chipcast.dataset.chips.Chip;
import chipcast.dataset.chips.ChipAudit;
import chipcast.dataset.chips.ChipCuration;
import chipcast.dataset.chips.ChipPrices;
import chipcast.dataset.chips.ChipsAdded;
import chipcast.dataset.chips.ReferenceChips;
import chipcast.dataset.chips.SourceCatalogue;
import chipcast.dataset.chips.Vendors;
import chipcast.dataset.claims.Claim;
import chipcast.dataset.claims.ReferenceClaims;
import chipcast.dataset.epoch.CrossCheck;
import chipcast.dataset.epoch.EpochData;
import chipcast.dataset.epoch.EpochImport;
import chipcast.dataset.forecasts.Forecast;
import chipcast.dataset.forecasts.Markets;
import chipcast.dataset.forecasts.SourcedForecasts;
import chipcast.dataset.json.Mapper;
import chipcast.dataset.json.Output;
import chipcast.dataset.json.PyJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the dataset in memory from data/sources: the files of data/ by name, and a short report. Chips: the
 * reference's 23 plus chips-added.json, corrected by chips-audit.json and cross-checked against Epoch, then the
 * Epoch import of curation/epoch-import.json, each with its prices from chip-prices.json. Forecasts and FX rates:
 * forecasts.json with its editions linked. Claims from the reference. Benchmarks, models and $/chip-hour prices
 * checked against the chips and written as they are. Every input is required: a missing file fails the build.
 */
public final class DatasetBuild {
    public static final List<String> FILES = List.of("chips.json", "forecasts.json", "claims.json", "benchmarks.json",
            "models.json", "chip-hour-prices.json", "markets.json", "vendors.json");

    /** The built files (data/{name} -> text) and what was built, one line per item. */
    public record Result(Map<String, String> files, List<String> report) {
    }

    private DatasetBuild() {
    }

    public static Result run(Layout layout) {
        List<String> report = new ArrayList<>();
        SourceCatalogue catalogue = SourceCatalogue.read(layout);
        EpochData epoch = EpochData.read(layout);
        List<Chip> curated = new ArrayList<>(
                ReferenceChips.build(ReferenceChips.read(layout), ChipCuration.read(layout), catalogue));
        List<Chip> added = ChipsAdded.read(layout);
        curated.addAll(added);
        report.add(Layout.CHIPS_ADDED + ": " + added.size() + " curated chips added to the reference's "
                + (curated.size() - added.size()));

        EpochImport.File importFile = EpochImport.read(layout);
        List<ChipAudit.Entry> audit = ChipAudit.read(layout);
        Set<String> importIds = importFile.imported().stream().map(EpochImport.Imported::id).collect(Collectors.toSet());
        curated = ChipAudit.apply(curated, audit, importIds);
        long fixes = audit.stream().filter(e -> ChipAudit.FIX.equals(e.action())).count();
        report.add(Layout.CHIPS_AUDIT + ": " + fixes + " corrections applied, " + (audit.size() - fixes) + " values checked and kept");
        CrossCheck.check(curated, epoch, CrossCheck.read(layout));

        EpochImport.Result imported = EpochImport.run(epoch, importFile, catalogue.epoch(), curated);
        report.add("Epoch import: " + imported.candidates() + " rows released 2016 or later with memory, bandwidth and a"
                + " dense tensor figure; " + imported.chips().size() + " imported (tier epoch-only), "
                + imported.covered() + " covered by curated chips, " + imported.excluded().size() + " excluded");
        for (EpochImport.Excluded x : imported.excluded()) {
            report.add("  excluded '" + x.epochName() + "': " + x.reason());
        }
        report.addAll(imported.unused());
        List<Chip> chips = new ArrayList<>(curated);
        chips.addAll(imported.chips());
        List<ChipPrices.Entry> prices = ChipPrices.read(layout);
        chips = ChipPrices.attach(chips, prices);
        report.add(Layout.CHIP_PRICES + ": " + prices.size() + " prices");
        Map<String, List<Chip.ChipHourPrice>> hourly = Benchmarks.chipHourPricesByChip(layout,
                chips.stream().map(Chip::id).collect(Collectors.toSet()));
        chips = chips.stream().map(c -> c.withChipHourPrices(hourly.getOrDefault(c.id(), List.of()))).toList();

        Forecast.File forecasts = SourcedForecasts.read(layout);
        long linked = forecasts.forecasts().stream().filter(f -> f.supersedes() != null || f.supersededBy() != null).count();
        report.add(Layout.FORECASTS + ": " + forecasts.forecasts().size() + " forecasts, " + linked
                + " linked to another edition");

        Set<String> chipIds = chips.stream().map(Chip::id).collect(Collectors.toSet());
        List<Claim> claims = ReferenceClaims.build(layout, catalogue, chipIds);
        Checks.all(chips, forecasts, claims, catalogue.checkedDate());

        Map<String, String> out = new LinkedHashMap<>();
        out.put("chips.json", Output.list(chips));
        out.put("forecasts.json", forecasts(forecasts));
        out.put("claims.json", Output.list(claims));
        out.putAll(Benchmarks.build(layout, chipIds));
        out.put("markets.json", Output.list(Markets.build(Markets.read(layout), forecasts.forecasts())));
        out.put("vendors.json", Output.list(Vendors.build(chips)));
        report.add(0, chips.size() + " chips (" + (chips.size() - imported.chips().size()) + " curated, "
                + imported.chips().size() + " epoch-only), " + forecasts.forecasts().size() + " forecasts, "
                + forecasts.fxRates().size() + " FX rates, " + claims.size() + " claims");
        return new Result(out, report);
    }

    private static String forecasts(Forecast.File file) {
        return PyJson.write(Mapper.tree(file));
    }
}
