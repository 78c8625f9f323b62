package chipcast.core.scenario;

import java.util.List;

/** Outcome of an inference sizing, with the inputs as actually used (defaults filled in). */
public record InferenceResult(String precision, double utilization, double pue, double electricityUsdPerKWh,
                              int batchSize, double targetTokensPerSecond, double parametersB,
                              double activeParametersB, double bytesPerParameter, double weightBytes,
                              double bytesPerDecodeStep, List<OptionResult> options) {

    /**
     * One chip option.
     *
     * @param bound             "memory" or "compute": which roofline limit sets tokensPerSecondPerChip
     * @param chipsForThroughput chips the throughput target alone needs
     * @param energyPerMillionTokensKWh facility energy of the provisioned chips at TDP, per million
     *                          output tokens at the target rate
     */
    public record OptionResult(String name, String chipId, double denseTFLOPSPerChip, double memoryBandwidthTBs,
                               double memoryGB, double tdpWatts, double memoryBoundTokensPerSecond,
                               double computeBoundTokensPerSecond, double tokensPerSecondPerChip, String bound,
                               long chipsToFitWeights, long chipsForThroughput, long chipsNeeded, double itPowerKW,
                               double facilityPowerKW, double energyPerMillionTokensKWh,
                               double energyCostPerMillionTokensUsd, Ratios ratiosToBaseline) {
    }

    /** Each value divided by the baseline's; null where the baseline is 0. */
    public record Ratios(Double memoryBoundTokensPerSecond, Double computeBoundTokensPerSecond,
                         Double tokensPerSecondPerChip, Double chipsToFitWeights, Double chipsForThroughput,
                         Double chipsNeeded, Double itPowerKW, Double facilityPowerKW,
                         Double energyPerMillionTokensKWh, Double energyCostPerMillionTokensUsd) {
    }
}
