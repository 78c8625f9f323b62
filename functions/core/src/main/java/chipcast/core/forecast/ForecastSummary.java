package chipcast.core.forecast;

import java.util.List;

/** A forecast as GET /forecasts lists it: its inputs and the CAGR they imply. */
public record ForecastSummary(String id, String publisher, String market, String marketDefinition, String currency,
                              String unit, List<Forecast.Point> points, Forecast.StatedCagr statedCagr,
                              Double impliedCagr, Double impliedCagrPercent, Double multiple, String publicationDate,
                              Forecast.SourceRef source, String confidence) {
}
