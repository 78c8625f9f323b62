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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Training(List<TrainingOption> options, String precision, Double utilization, Double days, Double totalFlop,
                    Double pue, Double serverOverhead, Double electricityUsdPerKWh) implements CompareRequest {
        @Override
        public String kind() {
            return "training";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrainingOption(String name, String chipId, Long count, Double chipPriceUsd) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Inference(Model model, Long batchSize, Double targetTokensPerSecond, List<InferenceOption> options,
                     String precision, Double utilization, Double pue, Double electricityUsdPerKWh) implements CompareRequest {
        @Override
        public String kind() {
            return "inference";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Model(Double parametersB, Double activeParametersB, Double bytesPerParameter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferenceOption(String name, String chipId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Market(List<String> forecastIds, String currency, Long from, Long to) implements CompareRequest {
        @Override
        public String kind() {
            return "market";
        }
    }
}
