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

    /**
     * One training cluster: the inputs as used, its figures (power and energy empty for a chip without TDP), each
     * ratio to the baseline's (the first option), and the chip's sources.
     */
    public record TrainingRow(String scenarioId, String mode, String precision, Double days, Double totalFlop,
                              Double tokens, Double parametersB, String model, String flopFormula, double pue,
                              Double serverOverhead, double averagePowerFraction, double electricityUsdPerKWh,
                              String buyerType, String option, String chipId, String chipName, long count,
                              double utilization, String utilizationFrom, double denseTFLOPSPerChip,
                              double peakPFLOPS, double effectivePFLOPS, double optionDays, double optionTotalFlop,
                              double daysForBaselineFlop, Double tdpWatts, double serverPowerFactor, Double itPowerMW,
                              Double facilityPowerMW, Double energyMWh, Double energyCostUsd,
                              Double energyMWhForBaselineFlop, Double energyCostUsdForBaselineFlop,
                              Double usdPerChipHour, String rentalBasis, Double rentalUsd, Double capexUsd,
                              String capexBasis,
                              @JsonUnwrapped(prefix = "ratioToBaseline.") TrainingResult.Ratios ratios,
                              String confidence, String source, String sourceUrl, String asOf) {
    }

    /**
     * One inference option: the model, workload and load as used, the chip figures, the roofline bound and the
     * calibrated estimate at the answer's concurrency, the fleet (empty without a throughput target), power and
     * cost, and the chip's sources. The concurrency sweep ({@code curve}) stays in the JSON answer.
     */
    public record InferenceRow(String scenarioId, String model, String modelPreset, double parametersB,
                               double activeParametersB, boolean kvCacheModelled, String workloadPreset,
                               double inputTokens, double outputTokens, String loadMode, Long batchSize,
                               Double targetTokensPerSecondPerUser, Double targetTokensPerSecond,
                               double bandwidthEfficiency, double computeEfficiency, double stepOverheadMs,
                               String calibration, double pue, double electricityUsdPerKWh, String buyerType,
                               String option, String chipId, String chipName, int chipsPerReplica, String precision,
                               String weightPrecision, String kvCachePrecision,
                               @JsonUnwrapped(prefix = "figures.") InferenceResult.Figures figures,
                               double maxConcurrency, double concurrency, boolean concurrencyCapped,
                               Boolean interactivityTargetMet,
                               @JsonUnwrapped(prefix = "bound.") InferenceResult.Performance bound,
                               @JsonUnwrapped(prefix = "estimate.") InferenceResult.Performance estimate,
                               Long replicas, Long chips, Double facilityKW, Double tokensPerSecondPerMW,
                               Double energyPerMillionTokensKWh, Double electricityCostPerMillionTokensUsd,
                               Double usdPerChipHour, String costKind, String costSource, Double usdPerMillionTokens,
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
            rows.add(new TrainingRow(scenarioId, t.mode(), t.precision(), t.days(), t.totalFlop(), t.tokens(),
                    t.parametersB(), t.model(), t.flopFormula(), t.pue(), t.serverOverhead(), t.averagePowerFraction(),
                    t.electricityUsdPerKWh(), t.buyerType(), o.name(), o.chipId(), c.name(), o.count(), o.utilization(),
                    o.utilizationFrom(), o.denseTFLOPSPerChip(), o.peakPFLOPS(), o.effectivePFLOPS(), o.days(),
                    o.totalFlop(), o.daysForBaselineFlop(), o.tdpWatts(), o.serverPowerFactor(), o.itPowerMW(),
                    o.facilityPowerMW(), o.energyMWh(), o.energyCostUsd(), o.energyMWhForBaselineFlop(),
                    o.energyCostUsdForBaselineFlop(), o.usdPerChipHour(), o.rentalBasis(), o.rentalUsd(), o.capexUsd(),
                    o.capexBasis(), o.ratiosToBaseline(), c.confidence(), c.source(), c.sourceUrl(), c.asOf()));
        }
        return new Csv.Table<>(TrainingRow.class, rows);
    }

    private static Csv.Table<InferenceRow> inference(String scenarioId, InferenceResult r,
                                                     Map<String, ScenarioComparison.ChipProvenance> chips) {
        List<InferenceRow> rows = new ArrayList<>();
        InferenceResult.ModelView m = r.model();
        InferenceResult.Efficiencies e = r.efficiencies();
        for (InferenceResult.OptionResult o : r.options()) {
            ChipCells c = ChipCells.of(chips.get(o.chipId()));
            InferenceResult.Power p = o.power();
            InferenceResult.Cost cost = o.cost();
            rows.add(new InferenceRow(scenarioId, m.name(), m.preset(), m.parametersB(), m.activeParametersB(),
                    m.kvCacheModelled(), r.workload().preset(), r.workload().inputTokens(), r.workload().outputTokens(),
                    r.load().mode(), r.load().batchSize(), r.load().targetTokensPerSecondPerUser(),
                    r.targetTokensPerSecond(), e.bandwidth(), e.compute(), e.stepOverheadMs(), e.calibration(),
                    r.power().pue(), r.power().electricityUsdPerKWh(), r.cost().buyerType(), o.name(), o.chipId(),
                    c.name(), o.chipsPerReplica(), o.precision(), o.weightPrecision(), o.kvCachePrecision(),
                    o.figures(), o.memory().maxConcurrency(), o.concurrency(), o.concurrencyCapped(),
                    o.interactivityTargetMet(), o.bound(), o.estimate(), o.sizing() == null ? null : o.sizing().replicas(),
                    o.sizing() == null ? null : o.sizing().chips(),
                    p.facilityKW(), p.tokensPerSecondPerMW(), p.energyPerMillionTokensKWh(),
                    p.electricityCostPerMillionTokensUsd(), cost.usdPerChipHour(), cost.kind(), cost.source(),
                    cost.usdPerMillionTokens(), o.ratiosToBaseline(), c.confidence(), c.source(), c.sourceUrl(),
                    c.asOf()));
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
