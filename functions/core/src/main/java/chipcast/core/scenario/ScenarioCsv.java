package chipcast.core.scenario;

import chipcast.core.chip.Chip;
import chipcast.core.csv.Csv;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.FxApplied;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario comparisons as CSV (POST /scenarios/compare, GET /scenarios/{scenarioId}/comparison): a training or
 * inference comparison one option a row, a market comparison one forecast-year a row. Every row names its
 * scenario (empty for an ad-hoc comparison), repeats the inputs as used (defaults filled in) and carries the
 * sources of its figures: the chip's for an option, the forecast's for a market value. A claim check stays in
 * the JSON answer.
 */
public final class ScenarioCsv {
    private ScenarioCsv() {
    }

    /** One training cluster: its figures, each ratio to the baseline's (the first option), the chip's sources. */
    public record TrainingRow(String scenarioId, String mode, String precision, double utilization, Double days,
                              Double totalFlop, double pue, double serverOverhead, double electricityUsdPerKWh,
                              String option, String chipId, String chipName, long count, double denseTFLOPSPerChip,
                              double peakPFLOPS, double effectivePFLOPS, double optionDays, double optionTotalFlop,
                              double daysForBaselineFlop, double itPowerMW, double facilityPowerMW, double energyMWh,
                              double energyCostUsd, double energyMWhForBaselineFlop,
                              double energyCostUsdForBaselineFlop, Double capexUsd,
                              @JsonUnwrapped(prefix = "ratioToBaseline.") TrainingResult.Ratios ratios,
                              String confidence, String source, String sourceUrl, String asOf) {
    }

    /** One inference option: its roofline bounds, the fleet it needs, energy per token, and the chip's sources. */
    public record InferenceRow(String scenarioId, String precision, double utilization, double pue,
                               double electricityUsdPerKWh, int batchSize, double targetTokensPerSecond,
                               double parametersB, double activeParametersB, double bytesPerParameter,
                               double weightBytes, double bytesPerDecodeStep, String option, String chipId,
                               String chipName, double denseTFLOPSPerChip, double memoryBandwidthTBs, double memoryGB,
                               double tdpWatts, double memoryBoundTokensPerSecond, double computeBoundTokensPerSecond,
                               double tokensPerSecondPerChip, String bound, long chipsToFitWeights,
                               long chipsForThroughput, long chipsNeeded, double itPowerKW, double facilityPowerKW,
                               double energyPerMillionTokensKWh, double energyCostPerMillionTokensUsd,
                               @JsonUnwrapped(prefix = "ratioToBaseline.") InferenceResult.Ratios ratios,
                               String confidence, String source, String sourceUrl, String asOf) {
    }

    /** One forecast's value for one year, against the first forecast's, with the forecast's source. */
    public record MarketRow(String scenarioId, String currency, String unit, int year, String forecastId,
                            String publisher, Double value, Double gapToFirst, Double ratioToFirst, boolean extrapolated,
                            Double cagr, Double cumulative, String fxPair, Double fxRate, String fxAsOf, String source,
                            String sourceUrl, String asOf) {
    }

    /** POST /scenarios/compare: the rows of an ad-hoc comparison. */
    public static Csv.Table<?> of(ScenarioComparison comparison) {
        return of(comparison, null);
    }

    /** GET /scenarios/{scenarioId}/comparison: the rows of a stored scenario's comparison, its id in each. */
    public static Csv.Table<?> stored(ScenarioComparison.Stored stored) {
        return of(stored.comparison(), stored.scenario().scenarioId());
    }

    private static Csv.Table<?> of(ScenarioComparison comparison, String scenarioId) {
        if (comparison instanceof ScenarioComparison.Fleet<?> fleet) {
            Map<String, ScenarioComparison.ChipProvenance> chips = new LinkedHashMap<>();
            fleet.chips().forEach(c -> chips.put(c.id(), c));
            if (fleet.result() instanceof TrainingResult training) {
                return training(scenarioId, training, chips);
            }
            if (fleet.result() instanceof InferenceResult inference) {
                return inference(scenarioId, inference, chips);
            }
        } else if (comparison instanceof ScenarioComparison.Market market) {
            return market(scenarioId, market);
        }
        throw new IllegalStateException("no CSV rows for " + comparison.getClass().getSimpleName());
    }

    private static Csv.Table<TrainingRow> training(String scenarioId, TrainingResult t,
                                                   Map<String, ScenarioComparison.ChipProvenance> chips) {
        List<TrainingRow> rows = new ArrayList<>();
        for (TrainingResult.OptionResult o : t.options()) {
            ChipCells c = ChipCells.of(chips.get(o.chipId()));
            rows.add(new TrainingRow(scenarioId, t.mode(), t.precision(), t.utilization(), t.days(), t.totalFlop(),
                    t.pue(), t.serverOverhead(), t.electricityUsdPerKWh(), o.name(), o.chipId(), c.name(), o.count(),
                    o.denseTFLOPSPerChip(), o.peakPFLOPS(), o.effectivePFLOPS(), o.days(), o.totalFlop(),
                    o.daysForBaselineFlop(), o.itPowerMW(), o.facilityPowerMW(), o.energyMWh(), o.energyCostUsd(),
                    o.energyMWhForBaselineFlop(), o.energyCostUsdForBaselineFlop(), o.capexUsd(), o.ratiosToBaseline(),
                    c.confidence(), c.source(), c.sourceUrl(), c.asOf()));
        }
        return new Csv.Table<>(TrainingRow.class, rows);
    }

    private static Csv.Table<InferenceRow> inference(String scenarioId, InferenceResult r,
                                                     Map<String, ScenarioComparison.ChipProvenance> chips) {
        List<InferenceRow> rows = new ArrayList<>();
        for (InferenceResult.OptionResult o : r.options()) {
            ChipCells c = ChipCells.of(chips.get(o.chipId()));
            rows.add(new InferenceRow(scenarioId, r.precision(), r.utilization(), r.pue(), r.electricityUsdPerKWh(),
                    r.batchSize(), r.targetTokensPerSecond(), r.parametersB(), r.activeParametersB(),
                    r.bytesPerParameter(), r.weightBytes(), r.bytesPerDecodeStep(), o.name(), o.chipId(), c.name(),
                    o.denseTFLOPSPerChip(), o.memoryBandwidthTBs(), o.memoryGB(), o.tdpWatts(),
                    o.memoryBoundTokensPerSecond(), o.computeBoundTokensPerSecond(), o.tokensPerSecondPerChip(),
                    o.bound(), o.chipsToFitWeights(), o.chipsForThroughput(), o.chipsNeeded(), o.itPowerKW(),
                    o.facilityPowerKW(), o.energyPerMillionTokensKWh(), o.energyCostPerMillionTokensUsd(),
                    o.ratiosToBaseline(), c.confidence(), c.source(), c.sourceUrl(), c.asOf()));
        }
        return new Csv.Table<>(InferenceRow.class, rows);
    }

    private static Csv.Table<MarketRow> market(String scenarioId, ScenarioComparison.Market m) {
        Map<String, ScenarioComparison.MarketSource> sources = new LinkedHashMap<>();
        m.sources().forEach(s -> sources.put(s.id(), s));
        Map<String, MarketComparisonResult.SourceSummary> summaries = new LinkedHashMap<>();
        m.result().sources().forEach(s -> summaries.put(s.forecastId(), s));
        List<MarketRow> rows = new ArrayList<>();
        for (MarketComparisonResult.YearRow year : m.result().years()) {
            for (MarketComparisonResult.Cell cell : year.values()) {
                ScenarioComparison.MarketSource s = sources.get(cell.forecastId());
                MarketComparisonResult.SourceSummary summary = summaries.get(cell.forecastId());
                Forecast.SourceRef ref = s == null || s.source() == null ? new Forecast.SourceRef(null, null, null) : s.source();
                FxApplied fx = s == null ? null : s.fx();
                rows.add(new MarketRow(scenarioId, m.currency(), m.unit(), year.year(), cell.forecastId(),
                        s == null ? null : s.publisher(), cell.value(), cell.gapToFirst(), cell.ratioToFirst(),
                        s != null && s.extrapolatedYears() != null && s.extrapolatedYears().contains(year.year()),
                        summary == null ? null : summary.cagr(), summary == null ? null : summary.cumulative(),
                        fx == null ? null : fx.pair(), fx == null ? null : fx.rate(), fx == null ? null : fx.asOf(),
                        ref.title(), ref.url(), ref.asOf()));
            }
        }
        return new Csv.Table<>(MarketRow.class, rows);
    }

    /** A chip's name, confidence and sources as cells (" | " between several sources). */
    record ChipCells(String name, String confidence, String source, String sourceUrl, String asOf) {
        static ChipCells of(ScenarioComparison.ChipProvenance chip) {
            if (chip == null) {
                return new ChipCells(null, null, null, null, null);
            }
            List<Chip.Source> s = chip.sources() == null ? List.of() : chip.sources();
            return new ChipCells(chip.name(), chip.confidence(), Csv.join(s.stream().map(Chip.Source::title).toList()),
                    Csv.join(s.stream().map(Chip.Source::url).toList()), Csv.join(s.stream().map(Chip.Source::asOf).toList()));
        }
    }
}
