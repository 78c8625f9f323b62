package chipcast.core.forecast;

import java.util.List;

/**
 * A forecast as GET /forecasts lists it: its inputs, its CAGR under the names and rules of GET /forecasts/{forecastId}
 * ({@code cagr} implied by the known points, or the stated one for a single point, as {@code cagrBasis} says; null
 * with one point and no stated CAGR), and its place in its publisher's series ({@code edition}, {@code editionOf};
 * {@code supersededBy} set when a later edition replaces it). {@code knownPoints} are in the forecast's own currency
 * and unit.
 */
public record ForecastSummary(String id, String publisher, String market, String marketDefinition, String currency,
                              String unit, List<Forecast.Point> knownPoints, Forecast.StatedCagr statedCagr,
                              Double cagr, Double cagrPercent, String cagrBasis, Double multiple, String publicationDate,
                              Forecast.SourceRef source, String confidence, String edition,
                              String editionOf, String supersededBy) {
}
