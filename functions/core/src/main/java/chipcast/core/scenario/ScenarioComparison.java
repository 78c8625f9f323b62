package chipcast.core.scenario;

import chipcast.core.chip.Chip;
import chipcast.core.chip.DenseTflops;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastReport;
import chipcast.core.forecast.FxApplied;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** The answer of a comparison: a training or inference fleet, or a market, each with its sources. */
public sealed interface ScenarioComparison {

    /**
     * Training or inference options side by side, the figures of every chip used with their sources, and,
     * for a scenario tied to a vendor claim, the claim check.
     */
    record Fleet<R>(String kind, R result, List<ChipProvenance> chips,
                    @JsonInclude(JsonInclude.Include.NON_NULL) ClaimCheckView claimCheck, String method)
            implements ScenarioComparison {
    }

    /** Forecasts side by side, with each forecast's source. */
    /** {@code warnings}: what the numbers do not show (different market definitions, superseded editions). */
    record Market(String kind, String currency, String unit, List<String> warnings, MarketComparisonResult result,
                  List<MarketSource> sources, String method) implements ScenarioComparison {
    }

    /** The figures a scenario may use of one chip, with the sources that give them. */
    record ChipProvenance(String id, String name, Double tdpWatts, Double memoryGB, Double memoryBandwidthTBs,
                          DenseTflops denseTFLOPS, String confidence, List<Chip.Source> sources) {
        public static ChipProvenance of(Chip chip) {
            return new ChipProvenance(chip.id(), chip.name(), chip.tdpWatts(), chip.memoryGB(),
                    chip.memoryBandwidthTBs(), chip.denseTFLOPS(), chip.confidence(), chip.sources());
        }
    }

    /**
     * A vendor claim, how the scenario maps onto it, what the datasheets alone support and, for an inference claim,
     * every measured per-chip ratio between an option's chip and the baseline's (with the conditions that differ
     * from the claim's).
     */
    record ClaimCheckView(VendorClaim claim, ClaimBinding mapping, double claimedRatio, List<SpecRatio> specRatios,
                          double bestSpecRatio, double unexplainedFactor, List<String> assumptionsToCloseGap,
                          String scope, @JsonInclude(JsonInclude.Include.NON_NULL) List<MeasuredRatio> measuredRatios,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String measuredSummary) {
    }

    /** One forecast of a market comparison: where it comes from and which of its years are extrapolated. */
    record MarketSource(String id, String publisher, String market, String marketDefinition, Forecast.SourceRef source,
                        String publicationDate, String retrievedVia, String confidence, String notes, FxApplied fx,
                        List<ForecastReport.ReportedPoint> knownPoints, String cagrBasis,
                        List<Integer> extrapolatedYears, String scope, String edition, String supersededBy,
                        List<Integer> backcastYears) {
    }

    /** GET /scenarios/{scenarioId}/comparison: the stored scenario's summary, then its comparison. */
    record Stored(ScenarioSummary scenario, @JsonUnwrapped ScenarioComparison comparison) {
    }

    /** A stored scenario as GET /scenarios lists it. */
    record ScenarioSummary(String scenarioId, String name, String description, String kind, String origin,
                           long version, String updatedAt, String claimId) {
        public static ScenarioSummary of(StoredScenario s) {
            return new ScenarioSummary(s.scenarioId(), s.name(), s.description(), s.kind(), s.origin(), s.version(),
                    s.updatedAt(), s.claim() == null ? null : s.claim().claimId());
        }
    }
}
