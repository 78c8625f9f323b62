package chipcast.core.benchmark;

import chipcast.core.csv.Csv;
import chipcast.core.store.Listing;

/**
 * GET /benchmarks as CSV: one measured result a row, as published (nothing estimated), with its whole source:
 * title, repository, path, commit, URL, as-of date, licence and the attribution MLCommons and SemiAnalysis ask
 * for, so a spreadsheet that keeps the rows keeps their terms of use. The same filters and pages as the JSON, the
 * next page's token in {@code X-Next-Token}.
 */
public final class BenchmarkCsv {
    private BenchmarkCsv() {
    }

    /**
     * One result. {@code generatedTokensPerSecondPerChip} is {@link Benchmark#generatedPerChip()}: MLPerf's
     * throughput per chip (generated tokens only), an InferenceX point's output throughput per chip; the published
     * throughput stays beside it with its unit and metric.
     */
    public record BenchmarkRow(String id, String sourceKind, String round, String date, String division,
                               String availability, String submitter, String system, String systemId, String chipId,
                               String acceleratorName, Integer acceleratorCount, String hostProcessor, String model,
                               String modelAsPublished, String accuracyTarget, String precision, String framework,
                               String frameworkVersion, String softwareAsPublished, String scenario,
                               Double inputTokens, Double outputTokens, Integer concurrency, Double throughput,
                               String throughputUnit, String throughputMetric, Double throughputPerChip,
                               Double outputThroughput, Double generatedTokensPerSecondPerChip,
                               Double samplesPerSecond, Double ttftP99Ms, Double tpotP99Ms, Double ttftMedianMs,
                               Double tpotMedianMs, String latencyConstraint,
                               Double interactivityTokensPerSecondPerUser, Boolean resultValid, String resultId,
                               String source, String sourceUrl, String asOf, String repository, String path,
                               String commit, String licence, String attribution, String systemDescription,
                               String notes) {

        static BenchmarkRow of(Benchmark b) {
            Benchmark.Throughput t = b.throughput();
            Benchmark.Latency l = b.latency();
            Benchmark.Source s = b.source();
            return new BenchmarkRow(b.id(), b.sourceKind(), b.round(), b.date(), b.division(), b.availability(),
                    b.submitter(), b.system(), b.systemId(), b.chipId(), b.acceleratorName(), b.acceleratorCount(),
                    b.hostProcessor(), b.model(), b.modelAsPublished(), b.accuracyTarget(), b.precision(),
                    b.framework(), b.frameworkVersion(), b.softwareAsPublished(), b.scenario(), b.inputTokens(),
                    b.outputTokens(), b.concurrency(), t == null ? null : t.value(), t == null ? null : t.unit(),
                    t == null ? null : t.metric(), b.throughputPerChip(),
                    b.outputThroughput() == null ? null : b.outputThroughput().value(), b.generatedPerChip(),
                    b.samplesPerSecond(), l == null ? null : l.ttftP99Ms(), l == null ? null : l.tpotP99Ms(),
                    l == null ? null : l.ttftMedianMs(), l == null ? null : l.tpotMedianMs(),
                    l == null ? null : l.constraint(), b.interactivityTokensPerSecondPerUser(), b.resultValid(),
                    b.resultId(), s == null ? null : s.title(), s == null ? null : s.url(),
                    s == null ? null : s.asOf(), s == null ? null : s.repository(), s == null ? null : s.path(),
                    s == null ? null : s.commit(), s == null ? null : s.licence(),
                    s == null ? null : s.attribution(), s == null ? null : s.systemDescription(), b.notes());
        }
    }

    public static Csv.Table<BenchmarkRow> page(Listing<Benchmark> page) {
        return new Csv.Table<>(BenchmarkRow.class, page.items().stream().map(BenchmarkRow::of).toList(),
                page.nextToken());
    }
}
