package chipcast.core.forecast;

import com.fasterxml.jackson.annotation.JsonAlias;

import java.util.List;

/**
 * Spread of the sources covering one year.
 *
 * @param year        calendar year
 * @param min         lowest value among covering sources
 * @param max         highest value among covering sources
 * @param median      median; for an even count the mean of the middle two
 * @param count       number of covering sources, always at least 1
 * @param forecastIds ids of the covering forecasts, in input order (the CSV's column and the market comparison's
 *                    field of the same name)
 */
public record ConsensusYear(int year, double min, double max, double median, int count,
                            // a consensus materialised before forecast-v3 named them sourceIds; never a request body
                            @JsonAlias("sourceIds") List<String> forecastIds) {
    public ConsensusYear {
        forecastIds = List.copyOf(forecastIds);
    }
}
