package chipcast.core.forecast;

import java.util.List;

/** The FX rates table: dated USD/{quote} rates. */
public interface FxRateStore {
    /** Currencies the API converts to, beside USD; each has USD/{quote} rates in the table. */
    List<String> QUOTES = List.of("KRW");

    /** Every dated rate of the supported quotes, oldest first within a quote. */
    List<FxRate> all();

    /** The same rates as their stored documents' JSON text, in the same order (the recalculation hashes them). */
    List<String> allStored();
}
