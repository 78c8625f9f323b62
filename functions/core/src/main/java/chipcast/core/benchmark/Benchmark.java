package chipcast.core.benchmark;

/**
 * One measured inference result as GET /benchmarks/{benchmarkId} serves it, read from data/benchmarks.json: the
 * system and its accelerator (a catalogue chip id), the model, precision and software, the scenario or workload,
 * the throughput as published and per chip, the latency, and the source with its licence and attribution. Null
 * means the source does not give the value; {@code notes} says why. Nothing here is estimated.
 *
 * @param scenario         MLPerf's Offline, Server or Interactive; null for a point of a concurrency sweep
 * @param outputTokens     MLPerf: the reference mean output tokens per sample (rules); InferenceX: the requested
 *                         output length
 * @param throughputPerChip throughput.value / acceleratorCount
 */
public record Benchmark(String id, String sourceKind, String round, String date, String division, String availability,
                        String submitter, String system, String systemId, String chipId, String acceleratorName,
                        Integer acceleratorCount, String hostProcessor, String model, String modelAsPublished,
                        String accuracyTarget, String precision, String framework, String frameworkVersion,
                        String softwareAsPublished, String scenario, Double inputTokens, Double outputTokens,
                        Integer concurrency, Throughput throughput, Double throughputPerChip,
                        Throughput outputThroughput, Double samplesPerSecond, Latency latency,
                        Double interactivityTokensPerSecondPerUser, Boolean resultValid, String resultId, Source source,
                        String notes) {

    public static final String MLPERF = "mlperf-inference";
    public static final String INFERENCEX = "inferencex";

    public record Throughput(Double value, String unit, String metric) {
    }

    /** Milliseconds; {@code constraint} is the benchmark's latency rule in words, null where it has none. */
    public record Latency(Double ttftP99Ms, Double tpotP99Ms, Double ttftMedianMs, Double tpotMedianMs,
                          String constraint) {
    }

    public record Source(String title, String repository, String path, String commit, String url, String asOf,
                         String licence, String attribution, String systemDescription) {
    }

    /**
     * The key the scenario-or-workload filter and index use: MLPerf's scenario in lower case ("offline", "server",
     * "interactive"), or a sweep point's input/output lengths as InferenceX names them ("1k1k", "8k1k").
     */
    public String scenarioKey() {
        if (scenario != null) {
            return scenario.toLowerCase(java.util.Locale.ROOT);
        }
        if (inputTokens != null && outputTokens != null) {
            return lengthKey(inputTokens) + lengthKey(outputTokens);
        }
        return "unspecified";
    }

    /**
     * Generated tokens per second per chip: MLPerf's LLM throughput already counts generated tokens only; an
     * InferenceX point's throughput counts prompt tokens too, so its output throughput is used. Null when unknown.
     */
    public Double generatedPerChip() {
        if (MLPERF.equals(sourceKind)) {
            return throughputPerChip;
        }
        if (outputThroughput == null || outputThroughput.value() == null || acceleratorCount == null
                || acceleratorCount < 1) {
            return null;
        }
        return outputThroughput.value() / acceleratorCount;
    }

    /** 1024 -> "1k", 8192 -> "8k", other lengths as written. */
    static String lengthKey(double tokens) {
        if (tokens >= 1024 && tokens % 1024 == 0) {
            return (long) (tokens / 1024) + "k";
        }
        return tokens == Math.rint(tokens) ? Long.toString((long) tokens) : Double.toString(tokens);
    }
}
