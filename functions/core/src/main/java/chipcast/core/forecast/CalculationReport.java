package chipcast.core.forecast;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** POST /forecasts/calculate's answer: the calculation, its CAGR in percent, and the method. */
public record CalculationReport(@JsonUnwrapped ForecastCalculation calculation, double cagrPercent, String method) {
}
