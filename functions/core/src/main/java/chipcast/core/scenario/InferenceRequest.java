package chipcast.core.scenario;

import java.util.List;

/**
 * A decode-throughput sizing: how many chips of each option serve {@code targetTokensPerSecond}
 * of output tokens for one model at one batch size. Null optional values take the defaults below.
 *
 * @param batchSize             concurrent sequences per decode step, 1..100000
 * @param targetTokensPerSecond aggregate output tokens per second to serve, in (0, 1e12]
 * @param options               1..10 chips; the first is the baseline every ratio refers to
 * @param precision             compute precision; default {@value #DEFAULT_PRECISION}
 */
public record InferenceRequest(Model model, int batchSize, double targetTokensPerSecond, List<Option> options,
                               String precision, Double utilization, Double pue, Double electricityUsdPerKWh) {

    public static final String DEFAULT_PRECISION = "fp8";
    public static final double DEFAULT_UTILIZATION = 0.4;
    public static final double DEFAULT_PUE = 1.2;
    public static final double DEFAULT_ELECTRICITY_USD_PER_KWH = 0.10;

    /**
     * @param parametersB       total parameters in billions (all must sit in memory), (0, 1e5]
     * @param activeParametersB parameters used per token in billions (mixture-of-experts); null means
     *                          a dense model, i.e. equal to parametersB
     * @param bytesPerParameter bytes per stored weight, [0.25, 8] (e.g. 1 for FP8 weights)
     */
    public record Model(double parametersB, Double activeParametersB, double bytesPerParameter) {
    }

    public record Option(String name, ChipFigures chip) {
    }
}
