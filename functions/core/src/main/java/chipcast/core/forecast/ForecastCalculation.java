package chipcast.core.forecast;

import java.util.List;

/**
 * Result of a forecast calculation. Values are billions of one currency; rates are fractions.
 *
 * @param firstYear           year of the first known point
 * @param firstValue          value of the first known point
 * @param lastYear            year of the last known point (equals firstYear for a single point)
 * @param lastValue           value of the last known point
 * @param cagr                implied CAGR (last/first)^(1/(lastYear-firstYear)) - 1; for a single known
 *                            point there is nothing to imply, so this is the stated CAGR that was used
 * @param multiple            lastValue / firstValue
 * @param statedCagr          the CAGR the source stated, or null
 * @param statedCagrGapPoints (cagr - statedCagr) * 100 in percentage points; null when there is no stated
 *                            CAGR or no implied CAGR to compare it with (single point)
 * @param statedCagrDiffers   true when |statedCagrGapPoints| > 0.5
 * @param fit                 log-linear fit over the known points, or null with fewer than 3 points
 * @param series              one point per year of the requested range, ascending
 */
public record ForecastCalculation(
        int firstYear,
        double firstValue,
        int lastYear,
        double lastValue,
        double cagr,
        double multiple,
        Double statedCagr,
        Double statedCagrGapPoints,
        boolean statedCagrDiffers,
        Fit fit,
        List<SeriesPoint> series) {

    public ForecastCalculation {
        // Immutable so a cached calculation cannot be altered by a caller.
        series = List.copyOf(series);
    }
}
