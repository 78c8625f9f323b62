package chipcast.core.scenario;

/**
 * The efficiencies of the inference estimate: the share of datasheet memory bandwidth and dense compute a serving
 * stack reaches, and a fixed overhead per decode step (kernel launches, synchronisation, tensor-parallel
 * communication). They are fitted to the measured results of data/benchmarks.json (log error, all usable results;
 * GET /benchmarks/validation reports the fit and its error in and out of sample, docs/scenarios.md the method).
 * ValidationTest fails when these values are no longer what the fit gives on the committed data.
 */
public record Calibration(double bandwidthEfficiency, double computeEfficiency, double stepOverheadMs,
                          String source) {

    public static final String SOURCE = "fitted to the measured results of data/benchmarks.json (MLPerf Inference"
            + " v4.0/v4.1/v5.1 and SemiAnalysis InferenceX) by least squares on the log error; the fit, per-result"
            + " errors and out-of-sample errors: GET /benchmarks/validation and docs/scenarios.md";

    public static final Calibration SERVED = new Calibration(1.0, 0.204, 8.29, SOURCE);

    public InferenceModel.Efficiency efficiency() {
        return new InferenceModel.Efficiency(bandwidthEfficiency, computeEfficiency, stepOverheadMs / 1000);
    }
}
