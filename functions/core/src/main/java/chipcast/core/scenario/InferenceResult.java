package chipcast.core.scenario;

import java.util.List;

/**
 * Outcome of an inference comparison, with every input as used (defaults filled in), where each default comes
 * from, and the assumptions and caveats of the answer.
 */
public record InferenceResult(ModelView model, InferenceRequest.Workload workload, Load load,
                              Double targetTokensPerSecond, Efficiencies efficiencies, PowerBasis power,
                              CostBasis cost, List<OptionResult> options, List<String> assumptions,
                              List<String> caveats) {

    /**
     * The model as computed. {@code kvCacheModelled} false: the request gave no architecture, so the KV cache
     * (capacity and reads) is left out.
     */
    public record ModelView(String preset, String name, double parametersB, double activeParametersB, Integer layers,
                            Double kvValuesPerToken, String attention, Integer experts, Integer expertsPerToken,
                            Integer maxContext, boolean kvCacheModelled, InferenceRequest.ModelSource source) {
    }

    /**
     * How busy each replica is: "batchSize" (given), "targetTokensPerSecondPerUser" (the most sequences that keep
     * that rate per user) or "maxFit" (as many sequences as fit in memory).
     */
    public record Load(String mode, Long batchSize, Double targetTokensPerSecondPerUser) {
    }

    /** The estimate's efficiencies and where they come from ("calibration" or "request"). */
    public record Efficiencies(double bandwidth, double compute, double stepOverheadMs, String bandwidthFrom,
                               String computeFrom, String stepOverheadFrom, String calibration) {
    }

    /** All-in power = TDP x server factor x PUE; a null factor means each chip's default (see the option). */
    public record PowerBasis(Double serverPowerFactor, double pue, double electricityUsdPerKWh, String source) {
    }

    /** Which sourced price a chip gets, and the amortisation of a purchase price. */
    public record CostBasis(String buyerType, double amortizationYears, String source) {
    }

    /**
     * One option.
     *
     * @param concurrency       sequences in flight per replica the answer uses
     * @param concurrencyCapped the requested batch did not fit in memory, so the largest that fits is used
     * @param interactivityTargetMet null without a per-user target; false when not even one sequence reaches it
     * @param curve             the estimate over a concurrency sweep, 1 to the most that fit (throughput per chip
     *                          against tokens per second per user)
     */
    public record OptionResult(String name, String chipId, int chipsPerReplica, boolean chipsPerReplicaGiven,
                               String precision, String weightPrecision, String kvCachePrecision, Figures figures,
                               Memory memory, double concurrency, boolean concurrencyCapped,
                               Boolean interactivityTargetMet, Performance bound, Performance estimate,
                               List<CurvePoint> curve, Sizing sizing, Power power, Cost cost, Ratios ratiosToBaseline,
                               List<String> notes) {
    }

    /** The chip figures used: dense TFLOPS at the option's compute precision, bandwidth, memory, TDP. */
    public record Figures(double denseTFLOPS, double memoryBandwidthTBs, double memoryGB, Double tdpWatts) {
    }

    /**
     * @param kvPerSequenceGB KV cache of one sequence at its full context (prompt + generated), over the replica
     * @param maxConcurrency  sequences at full context that fit beside the weights, per replica
     */
    public record Memory(double usablePerChipGB, double weightsPerChipGB, double kvPerSequenceGB,
                         double kvPerChipGB, double maxConcurrency) {
    }

    /** Throughput and latency at the answer's concurrency; {@code limitedBy}: memory, compute or overhead. */
    public record Performance(double tokensPerSecondPerChip, double tokensPerSecondPerReplica,
                              double tokensPerSecondPerUser, double tpotMs, double ttftMs, String limitedBy) {
    }

    public record CurvePoint(double concurrency, double tokensPerSecondPerChip, double tokensPerSecondPerUser,
                             double tpotMs, double ttftMs) {
    }

    /** Replicas and chips that serve {@code targetTokensPerSecond} at the estimate. */
    public record Sizing(long replicas, long chips) {
    }

    /**
     * Power at the estimate. Null figures with {@code unknownReason} when the chip has no TDP.
     *
     * @param tokensPerSecondPerMW generated tokens per second per megawatt of facility power
     */
    public record Power(Double tdpWatts, Double serverPowerFactor, String serverPowerFactorFrom,
                        Double allInWattsPerChip, Double facilityKW, Double tokensPerSecondPerMW,
                        Double energyPerMillionTokensKWh, Double electricityCostPerMillionTokensUsd,
                        String unknownReason) {
    }

    /**
     * Dollars per million generated tokens from dollars per chip-hour: a sourced price of the request's buyer type,
     * the caller's, or a purchase price amortised plus electricity. Null with {@code unknownReason} without one.
     *
     * @param kind "tco-all-in" (owning, power included), "rental", a source's placeholder, or "capex"
     */
    public record Cost(Double usdPerChipHour, String basis, String kind, String buyerType, String asOf,
                       String source, Double usdPerMillionTokens, String unknownReason) {
    }

    /** Each value divided by the baseline's; null where either side is unknown or the baseline is 0. */
    public record Ratios(Double estimateTokensPerSecondPerChip, Double boundTokensPerSecondPerChip, Double chips,
                         Double facilityKW, Double tokensPerSecondPerMW, Double usdPerMillionTokens) {
    }
}
