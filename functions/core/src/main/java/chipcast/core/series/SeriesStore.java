package chipcast.core.series;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The series table: materialised forecast series and market consensus, one item per series id, written by
 * the recalculation with the hash of its inputs and the start time of the run that computed it.
 */
public interface SeriesStore {
    /** A stored series; {@code doc} is the served JSON document. */
    record Series(String seriesId, String inputHash, long runStartedAt, String computedAt, String doc) {
    }

    /** What is stored of a series without its document: enough to decide whether to rewrite it. */
    record Version(String inputHash, long runStartedAt) {
    }

    enum WriteOutcome { WRITTEN, NEWER_EXISTS }

    static String forecastId(String forecastId, String currency) {
        return "forecast#" + forecastId + "#" + currency;
    }

    static String consensusId(String market, String currency) {
        return "consensus#" + market + "#" + currency;
    }

    Optional<Series> find(String seriesId);

    /** Versions of the given series; ids without a stored series are absent. */
    Map<String, Version> versions(List<String> seriesIds);

    /** Writes a series unless the stored one comes from a run that started later (or the same run). */
    WriteOutcome putIfNewer(Series series);
}
