package chipcast.core.forecast;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the rate that converts a forecast: the latest rate dated at or before the forecast's source
 * (the rate its authors saw), else the earliest rate there is. USD is the pivot of every pair.
 */
public final class FxRates {
    public static final String USD = "USD";

    private FxRates() {
    }

    /** How a forecast's values become the requested currency; rate is null when no conversion is needed. */
    public record Conversion(String from, String to, double factor, FxRate rate) {
    }

    public static Conversion conversion(String fromCurrency, String toCurrency, String asOf, List<FxRate> rates) {
        if (fromCurrency.equals(toCurrency)) {
            return new Conversion(fromCurrency, toCurrency, 1.0, null);
        }
        if (fromCurrency.equals(USD)) {
            FxRate rate = select(toCurrency, asOf, rates).orElseThrow(() -> noRate(toCurrency));
            return new Conversion(fromCurrency, toCurrency, rate.rate(), rate);
        }
        if (toCurrency.equals(USD)) {
            FxRate rate = select(fromCurrency, asOf, rates).orElseThrow(() -> noRate(fromCurrency));
            return new Conversion(fromCurrency, toCurrency, 1.0 / rate.rate(), rate);
        }
        throw new IllegalArgumentException("no direct conversion between " + fromCurrency + " and " + toCurrency);
    }

    /** The USD/{quote} rate for a source dated {@code asOf} (YYYY, YYYY-MM or YYYY-MM-DD). */
    public static Optional<FxRate> select(String quote, String asOf, List<FxRate> rates) {
        List<FxRate> candidates = rates.stream().filter(r -> USD.equals(r.base()) && quote.equals(r.quote()))
                .sorted(Comparator.comparing(FxRate::asOf)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String key = asOf == null ? "9999" : asOf;
        FxRate chosen = candidates.get(0);
        for (FxRate r : candidates) {
            // "2024-03" sorts after "2024" and before "2024-04": prefix dates compare as the period's start.
            if (r.asOf().compareTo(key) <= 0 || key.startsWith(r.asOf())) {
                chosen = r;
            }
        }
        return Optional.of(chosen);
    }

    private static IllegalArgumentException noRate(String currency) {
        return new IllegalArgumentException("no USD/" + currency + " rate in the data");
    }
}
