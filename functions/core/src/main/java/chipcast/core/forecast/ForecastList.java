package chipcast.core.forecast;

import java.util.List;

/** GET /forecasts: every forecast (of a market), with how many there are. */
public record ForecastList(List<ForecastSummary> items, int count) {
}
