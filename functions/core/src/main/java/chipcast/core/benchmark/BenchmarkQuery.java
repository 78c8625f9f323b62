package chipcast.core.benchmark;

/**
 * Filters of GET /benchmarks; null means no filter.
 *
 * @param scenarioKey {@link Benchmark#scenarioKey()}: an MLPerf scenario or an input/output workload
 */
public record BenchmarkQuery(String chipId, String model, String scenarioKey, String sourceKind) {

    /** Identifies the query inside its page tokens, so a token cannot be replayed on another query. */
    public String scope() {
        return "benchmarks|" + part(chipId) + "|" + part(model) + "|" + part(scenarioKey) + "|" + part(sourceKind);
    }

    private static String part(String s) {
        return s == null ? "" : s;
    }
}
