package chipcast.core.scenario;

import java.util.List;

/**
 * One measured per-chip ratio for a claim check: two results of the same source, round, benchmark and scenario
 * (or workload and concurrency), one on an option's chip and one on the claim's baseline chip, with every
 * condition in which the pair differs from the claim's. Throughputs are generated tokens per second per chip.
 */
public record MeasuredRatio(String subjectChipId, String baselineChipId, String sourceKind, String round,
                            String model, String scenario, String subjectBenchmarkId, String baselineBenchmarkId,
                            double subjectTokensPerSecondPerChip, double baselineTokensPerSecondPerChip, double ratio,
                            List<String> differsFromClaim) {
}
