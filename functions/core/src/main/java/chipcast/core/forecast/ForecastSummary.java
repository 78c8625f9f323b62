package chipcast.core.forecast;

import java.util.List;

/**
 * A forecast as GET /forecasts lists it: its inputs, the CAGR they imply, and its place in its publisher's series
 * ({@code edition}, {@code editionOf}; {@code supersededBy} set when a later edition replaces it).
 */
public record ForecastSummary(String id, String publisher, String market, String marketDefinition, String currency,
                              String unit, List<Forecast.Point> points, Forecast.StatedCagr statedCagr,
                              Double impliedCagr, Double impliedCagrPercent, Double multiple, String publicationDate,
                              Forecast.SourceRef source, String confidence, String edition,
                              String editionOf, String supersededBy) {
}
