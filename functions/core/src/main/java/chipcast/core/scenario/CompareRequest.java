package chipcast.core.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * The body of POST /scenarios/compare (and of a saved scenario): one of three kinds, named by {@code kind}.
 * Only the JSON shape is fixed here; {@link CompareChecks} holds the bounds, and the calculators the rest,
 * each naming the field as the body does ({@code options[1].count}, {@code model.parametersB}). Written
 * back (a stored scenario's request), fields the caller left out stay out.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CompareRequest.Training.class, name = "training"),
        @JsonSubTypes.Type(value = CompareRequest.Inference.class, name = "inference"),
        @JsonSubTypes.Type(value = CompareRequest.Market.class, name = "market")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface CompareRequest {
    List<String> KINDS = List.of("training", "inference", "market");

    String kind();

    /**
     * A training-cluster comparison. Exactly one of {@code days}, {@code totalFlop} or {@code tokens} (with a
     * {@code model}: 6ND, or 8ND with {@code recompute: "full"}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Training(List<TrainingOption> options, String precision, Double utilization, Double days, Double totalFlop,
                    Double pue, Double serverOverhead, Double electricityUsdPerKWh, TrainingModel model, Double tokens,
                    String recompute, String buyerType) implements CompareRequest {
        @Override
        public String kind() {
            return "training";
        }
    }

    /** {@code utilization}: this option's MFU; {@code usdPerChipHour}: a rental price instead of the sourced one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrainingOption(String name, String chipId, Long count, Double chipPriceUsd, Double utilization,
                          Double usdPerChipHour) {
    }

    /** A preset of data/models.json, or the parameter counts (billions; active for a mixture of experts). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrainingModel(String preset, Double parametersB, Double activeParametersB) {
    }

    /**
     * An inference comparison: one model and workload on every option. {@code batchSize} (sequences in flight per
     * replica) or {@code targetTokensPerSecondPerUser}, or neither (as many sequences as fit).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Inference(Model model, Long batchSize, Double targetTokensPerSecond, List<InferenceOption> options,
                     String precision, Double utilization, Double pue, Double electricityUsdPerKWh, Workload workload,
                     Double targetTokensPerSecondPerUser, String kvCachePrecision, Double bandwidthEfficiency,
                     Double stepOverheadMs, Double serverPowerFactor, String buyerType, Double amortizationYears,
                     Long curvePoints) implements CompareRequest {
        @Override
        public String kind() {
            return "inference";
        }
    }

    /**
     * A preset of data/models.json ({@code preset}), or the numbers: parameter counts in billions (all sit in memory;
     * active per token), and for the KV cache {@code layers}, {@code kvHeads} and {@code headDim} (GQA/MHA) or
     * {@code attention: "mla"} with {@code kvLoraRank} and {@code qkRopeHeadDim}; for a mixture of experts
     * {@code experts} and {@code expertsPerToken}. {@code bytesPerParameter} is the first version's weight size: it
     * must agree with each option's weight precision.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Model(Double parametersB, Double activeParametersB, Double bytesPerParameter, String preset, Long layers,
                 Long heads, Long kvHeads, Long headDim, String attention, Long kvLoraRank, Long qkRopeHeadDim,
                 Long experts, Long expertsPerToken) {
    }

    /** A preset ("1k/1k", "1k/8k", "8k/1k", MLPerf's) or prompt and generated tokens per request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Workload(String preset, Long inputTokens, Long outputTokens) {
    }

    /**
     * {@code chipsPerReplica}: tensor-parallel group holding one copy of the weights (default: the fewest, a power of
     * two, that hold the weights and the batch's KV cache); precisions override the body's; a price: this option's
     * dollars per chip-hour, or its purchase price (amortised).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferenceOption(String name, String chipId, Long chipsPerReplica, String precision, String weightPrecision,
                           String kvCachePrecision, Double usdPerChipHour, Double chipPriceUsd) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Market(List<String> forecastIds, String currency, Long from, Long to) implements CompareRequest {
        @Override
        public String kind() {
            return "market";
        }
    }
}
