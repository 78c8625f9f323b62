package chipcast.core.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-year min / max / median across several sources' forecasts of one market.
 *
 * <p>A source covers a year only where its series is "reported" or "interpolated", i.e. backed by numbers
 * the source published. "Extrapolated" years are ChipCast's own projection and would let one source
 * appear to agree with itself across years it never forecast, so they never count. Years no source
 * covers are omitted from the result.
 */
public final class ConsensusCalculator {
    public static final int MAX_SOURCES = 200;

    private ConsensusCalculator() {
    }

    /**
     * @param sources one entry per source, distinct ids, all the same market, currency and unit
     * @param from    first year, 1990..2100
     * @param to      last year, 1990..2100, not before {@code from}
     * @return covered years in ascending order
     * @throws ForecastInputException naming the offending field
     */
    public static List<ConsensusYear> compute(List<ConsensusSource> sources, int from, int to) {
        ForecastCalculator.checkRange(from, to);
        if (sources == null) {
            throw new ForecastInputException("sources", "sources are required");
        }
        if (sources.size() > MAX_SOURCES) {
            throw new ForecastInputException("sources", "at most " + MAX_SOURCES + " sources, got " + sources.size());
        }
        // Per source: year -> value for covering years only.
        List<Map<Integer, Double>> covered = new ArrayList<>(sources.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            covered.add(coveredYears(sources.get(i), i, ids));
        }

        List<ConsensusYear> result = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            double[] values = new double[sources.size()];
            List<String> sourceIds = new ArrayList<>();
            int count = 0;
            for (int i = 0; i < sources.size(); i++) {
                Double v = covered.get(i).get(y);
                if (v != null) {
                    values[count++] = v;
                    sourceIds.add(sources.get(i).sourceId());
                }
            }
            if (count == 0) {
                continue;
            }
            double[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            result.add(new ConsensusYear(y, sorted[0], sorted[count - 1], median(sorted), count, sourceIds));
        }
        return result;
    }

    /** Median of a sorted, non-empty array; a + (b - a) / 2 cannot overflow for two finite positives. */
    static double median(double[] sorted) {
        int n = sorted.length;
        if (n % 2 == 1) {
            return sorted[n / 2];
        }
        double a = sorted[n / 2 - 1];
        double b = sorted[n / 2];
        return a + (b - a) / 2;
    }

    private static Map<Integer, Double> coveredYears(ConsensusSource s, int i, Set<String> ids) {
        String name = "sources[" + i + "]";
        if (s == null) {
            throw new ForecastInputException(name, "must not be null");
        }
        if (s.sourceId() == null || s.sourceId().isBlank()) {
            throw new ForecastInputException(name + ".sourceId", "source id is required");
        }
        if (!ids.add(s.sourceId())) {
            throw new ForecastInputException(name + ".sourceId", "source id " + s.sourceId() + " is repeated");
        }
        if (s.series() == null) {
            throw new ForecastInputException(name + ".series", "series is required");
        }
        Map<Integer, Double> byYear = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        for (int j = 0; j < s.series().size(); j++) {
            SeriesPoint p = s.series().get(j);
            String point = name + ".series[" + j + "]";
            if (p == null) {
                throw new ForecastInputException(point, "must not be null");
            }
            if (!years.add(p.year())) {
                throw new ForecastInputException(point + ".year", "year " + p.year() + " is repeated");
            }
            if (!Double.isFinite(p.value()) || p.value() <= 0) {
                throw new ForecastInputException(point + ".value", "value must be a finite number > 0, got " + p.value());
            }
            if (SeriesPoint.REPORTED.equals(p.kind()) || SeriesPoint.INTERPOLATED.equals(p.kind())) {
                byYear.put(p.year(), p.value());
            }
        }
        return byYear;
    }
}
