package chipcast.core.forecast;

import java.util.List;

/**
 * Spread of the sources covering one year.
 *
 * @param year      calendar year
 * @param min       lowest value among covering sources
 * @param max       highest value among covering sources
 * @param median    median; for an even count the mean of the middle two
 * @param count     number of covering sources, always at least 1
 * @param sourceIds ids of the covering sources, in input order
 */
public record ConsensusYear(int year, double min, double max, double median, int count, List<String> sourceIds) {
    public ConsensusYear {
        sourceIds = List.copyOf(sourceIds);
    }
}
