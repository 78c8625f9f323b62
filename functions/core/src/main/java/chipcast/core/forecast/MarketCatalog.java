package chipcast.core.forecast;

import java.util.List;

/** The market keys (data/markets.json, bundled with the forecast function). */
public interface MarketCatalog {
    /** Every market key, in key order. */
    List<MarketSummary> all();
}
