package chipcast.core.forecast;

/**
 * An FX rate used to present USD forecasts in another currency.
 *
 * @param currency ISO 4217 code of the target currency, e.g. "KRW"
 * @param perUsd   units of {@code currency} per 1 USD, e.g. 1340.2
 * @param asOf     date the rate applies to (ISO-8601 text; kept as given for display and provenance)
 * @param source   where the rate came from, for provenance
 */
public record CurrencyRate(String currency, double perUsd, String asOf, String source) {
    public CurrencyRate {
        if (currency == null || currency.isBlank()) {
            throw new ForecastInputException("currency", "currency code is required");
        }
        if (!Double.isFinite(perUsd) || perUsd <= 0) {
            throw new ForecastInputException("perUsd", "rate must be a finite number > 0, got " + perUsd);
        }
    }
}
