package chipcast.core.forecast;

import java.util.List;

/**
 * The body of POST /forecasts/calculate: known points (with an optional stated CAGR to compare), or a base
 * point and a CAGR to a target year; {@code from}/{@code to} widen or narrow the series.
 */
public record CalculationRequest(List<Point> knownPoints, Double statedCagrPercent, Long baseYear, Double baseValue,
                                 Double cagrPercent, Long targetYear, Long from, Long to) {

    public record Point(Long year, Double value) {
    }
}
