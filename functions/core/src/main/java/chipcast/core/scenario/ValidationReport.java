package chipcast.core.scenario;

import java.util.List;

/**
 * GET /benchmarks/validation: every measured result the inference model can reproduce, with the pure roofline
 * bound and the calibrated estimate beside the measurement, the estimate's error in sample and out of sample,
 * and the results it cannot reproduce with the reason.
 */
public record ValidationReport(String method, Fit served, List<FittedInput> fittedInputTokens, Errors inSample,
                               List<Split> outOfSample, List<Row> results, List<Excluded> excluded,
                               List<String> caveats) {

    /**
     * Efficiencies of a fit and what they were fitted on.
     *
     * @param stepOverheadMs fixed time per decode step
     */
    public record Fit(double bandwidthEfficiency, double computeEfficiency, double stepOverheadMs, int fittedOn,
                      String source) {
    }

    /**
     * MLCommons publishes each benchmark's output length but not its mean input length; the validation fits one
     * effective input length per benchmark (a nuisance parameter, never served as a workload fact), bounded by the
     * rules' maximum input length.
     */
    public record FittedInput(String model, double fittedInputTokens, double maxInputTokens, String maxSource) {
    }

    /** Absolute relative error of the estimate: |estimate / measured - 1|. */
    public record Errors(int results, Double medianAbsError, Double worstAbsError, String worstBenchmarkId) {
    }

    /** Calibrated on one part of the results, reported on the other. */
    public record Split(String name, String calibratedOn, String reportedOn, Fit fit, Errors errors, String note) {
    }

    /**
     * One result: what was measured, the bound (never below it) and the estimate at the same conditions.
     *
     * @param concurrency       sequences in flight per replica the estimate ran at (Offline: as many as fit; Server
     *                          and Interactive: as many as keep the measured median time per output token)
     * @param estimateError     estimate / measured - 1
     */
    public record Row(String benchmarkId, String sourceKind, String round, String scenario, String chipId, String model,
                      String precision, int chipsPerReplica, double inputTokens, boolean inputTokensFitted,
                      double outputTokens, String measuredMetric, double measuredTokensPerSecondPerChip,
                      double boundTokensPerSecondPerChip, double estimateTokensPerSecondPerChip, double estimateError,
                      double concurrency, Double measuredTpotMs, double estimateTpotMs, boolean inFit) {
    }

    public record Excluded(String benchmarkId, String chipId, String model, String reason) {
    }
}
