package chipcast.core.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-expresses a calculation in another currency. Kept apart from {@link ForecastCalculator} so the
 * growth maths never sees FX: a constant factor scales values and leaves every ratio unchanged, so
 * CAGR, multiple, yoy growth, the stated gap and the fit are copied, not recomputed.
 */
public final class CurrencyConverter {
    private CurrencyConverter() {
    }

    /** Converts a USD-denominated calculation at {@code rate.perUsd()}. */
    public static ForecastCalculation convert(ForecastCalculation usd, CurrencyRate rate) {
        if (rate == null) {
            throw new ForecastInputException("rate", "currency rate is required");
        }
        return convert(usd, rate.perUsd());
    }

    /**
     * Multiplies every value (first, last, series) by {@code factor}; rates are unchanged.
     *
     * @throws ForecastInputException with field "factor" if the factor is not finite and positive or a
     *                                converted value leaves the finite positive range
     */
    public static ForecastCalculation convert(ForecastCalculation c, double factor) {
        if (c == null) {
            throw new ForecastInputException("calculation", "calculation is required");
        }
        if (!Double.isFinite(factor) || factor <= 0) {
            throw new ForecastInputException("factor", "conversion factor must be a finite number > 0, got " + factor);
        }
        List<SeriesPoint> series = new ArrayList<>(c.series().size());
        for (SeriesPoint p : c.series()) {
            series.add(new SeriesPoint(p.year(), scale(p.value(), factor), p.yoyGrowth(), p.kind()));
        }
        return new ForecastCalculation(c.firstYear(), scale(c.firstValue(), factor), c.lastYear(),
                scale(c.lastValue(), factor), c.cagr(), c.multiple(), c.statedCagr(), c.statedCagrGapPoints(),
                c.statedCagrDiffers(), c.fit(), series);
    }

    private static double scale(double value, double factor) {
        double v = value * factor;
        if (!Double.isFinite(v) || v <= 0) {
            throw new ForecastInputException("factor", "converted value " + value + " x " + factor + " is out of range");
        }
        return v;
    }
}
