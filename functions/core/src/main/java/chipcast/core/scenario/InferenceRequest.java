package chipcast.core.scenario;

import java.util.List;

/**
 * An inference comparison as the calculator takes it: the model's architecture, the workload, how busy each
 * replica is, and the options with their chips and prices. Null optional values take the defaults of
 * {@link InferenceCalculator}; each is named in errors as the compare body names it.
 *
 * @param batchSize                    sequences in flight per replica; with {@code targetTokensPerSecondPerUser}
 *                                     null both means "as many as fit in memory"
 * @param targetTokensPerSecond        aggregate generated tokens per second to serve; null: no sizing
 * @param precision                    compute precision of every option unless it gives its own
 * @param computeEfficiency            overrides the calibrated compute efficiency (the body's {@code utilization})
 * @param bytesPerParameter            the first version's weight size: must agree with each option's weight precision
 * @param maxContext                   the model's context window, when the preset states it
 */
public record InferenceRequest(Architecture model, ModelSource modelSource, Workload workload, Long batchSize,
                               Double targetTokensPerSecondPerUser, Double targetTokensPerSecond, List<Option> options,
                               String precision, String kvCachePrecision, Double computeEfficiency,
                               Double bandwidthEfficiency, Double stepOverheadMs, Double pue, Double serverPowerFactor,
                               Double electricityUsdPerKWh, String buyerType, Double amortizationYears,
                               Integer curvePoints, Double bytesPerParameter, Integer maxContext) {

    /** Where the architecture comes from: a preset's source, or the request. */
    public record ModelSource(String preset, String title, String url) {
    }

    /** Prompt and generated tokens per request; {@code preset} and {@code source} say where they come from. */
    public record Workload(String preset, double inputTokens, double outputTokens, String source) {
    }

    /**
     * One option. {@code prices}: the sourced dollars per chip-hour of this chip (data/chip-hour-prices.json), any
     * buyer type; the calculator picks the request's. {@code purchase}: the catalogue's latest purchase price,
     * amortised when the chip has no chip-hour price of that buyer type.
     */
    public record Option(String name, ChipFigures chip, Integer chipsPerReplica, String precision,
                         String weightPrecision, String kvCachePrecision, Double usdPerChipHour, Double chipPriceUsd,
                         List<ChipHourPrice> prices, SourcedPrice purchase) {
    }
}
