package chipcast.core.scenario;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One market forecast as the forecast core computed it. Defined here so the scenario core does
 * not depend on the forecast package.
 *
 * @param cagr         as computed by the forecast core (a fraction, e.g. 0.2825), passed through; null when the
 *                     forecast gives one value and no growth rate
 * @param valuesByYear market size by year, in the forecast's unit (USD bn); a null value = no value
 * @param extrapolatedYears the years of valuesByYear the source did not publish (extrapolated or back-cast)
 */
public record MarketSeries(String forecastId, Double cagr, Map<Integer, Double> valuesByYear,
                           Set<Integer> extrapolatedYears) {

    public MarketSeries {
        // A sorted, null-tolerant copy: the caller's map may change later and Map.copyOf rejects nulls.
        valuesByYear = valuesByYear == null ? null : Collections.unmodifiableMap(new TreeMap<>(valuesByYear));
        extrapolatedYears = extrapolatedYears == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(extrapolatedYears));
    }

    /** A series whose every value the source published. */
    public MarketSeries(String forecastId, Double cagr, Map<Integer, Double> valuesByYear) {
        this(forecastId, cagr, valuesByYear, Set.of());
    }
}
