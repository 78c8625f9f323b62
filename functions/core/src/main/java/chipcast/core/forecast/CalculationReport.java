package chipcast.core.forecast;

import java.util.List;

/**
 * POST /forecasts/calculate's answer, under the names GET /forecasts/{forecastId} uses for the same figures: the
 * known range, {@code cagr} and {@code cagrPercent}, the stated CAGR in percent as it was given, the gap to it in
 * points and whether the two agree ({@code statedCagrConsistent}: within 0.5 points; null without a stated CAGR or
 * with one known point, where there is nothing to compare), the fit, the series and the method.
 */
public record CalculationReport(int firstYear, double firstValue, int lastYear, double lastValue, double cagr,
                                double cagrPercent, double multiple, Double statedCagrPercent,
                                Double statedCagrGapPoints, Boolean statedCagrConsistent, Fit fit,
                                List<SeriesPoint> series, String method) {

    public static CalculationReport of(ForecastCalculation c, String method) {
        boolean compared = c.statedCagrGapPoints() != null;
        return new CalculationReport(c.firstYear(), c.firstValue(), c.lastYear(), c.lastValue(), c.cagr(),
                c.cagr() * 100, c.multiple(), c.statedCagr() == null ? null : c.statedCagr() * 100,
                c.statedCagrGapPoints(), compared ? !c.statedCagrDiffers() : null, c.fit(), c.series(), method);
    }
}
