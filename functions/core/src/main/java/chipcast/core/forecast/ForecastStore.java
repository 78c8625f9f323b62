package chipcast.core.forecast;

import java.util.List;
import java.util.Optional;

/** The forecasts table as the services and the recalculation see it. */
public interface ForecastStore {
    Optional<Forecast> find(String id);

    /** Every forecast, in id order. */
    List<Forecast> all();

    List<Forecast> byMarket(String market);

    /** A forecast as stored: its id, its market and its document's JSON text, not parsed. */
    record StoredForecast(String id, String market, String doc) {
    }

    /**
     * Every forecast as stored, in id order: the recalculation hashes the documents' text and parses one
     * only when a series built from it has to be recomputed.
     */
    List<StoredForecast> allStored();
}
