package chipcast.core.scenario;

import java.util.List;

/** Forecasts side by side over [from, to]; "first" is the first source given, the reference. */
public record MarketComparisonResult(int from, int to, List<String> forecastIds, List<YearRow> years,
                                     List<SourceSummary> sources) {

    /** One year: one cell per source, in the order the sources were given. */
    public record YearRow(int year, List<Cell> values) {
    }

    /**
     * @param value        null where the source has no value for the year
     * @param gapToFirst   value - first source's value; null where either is missing
     * @param ratioToFirst value / first source's value; null where either is missing or the first is 0
     */
    public record Cell(String forecastId, Double value, Double gapToFirst, Double ratioToFirst) {
    }

    /**
     * @param cumulative                  sum of the source's values over the whole range; null when a year is missing
     * @param cumulativeNote              why cumulative is null (names the missing years), or which of its years are
     *                                    ChipCast's extrapolation rather than published figures; null when neither
     * @param cumulativeExtrapolatedYears the years of the sum the source did not publish (extrapolated or back-cast)
     */
    public record SourceSummary(String forecastId, Double cagr, Double cumulative, String cumulativeNote,
                                List<Integer> cumulativeExtrapolatedYears) {
    }
}
