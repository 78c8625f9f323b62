package chipcast.core.forecast;

/** A dated exchange rate: one {@code base} buys {@code rate} of {@code quote} (USD/KRW 1,340.2). */
public record FxRate(String pair, String base, String quote, double rate, String asOf, Forecast.SourceRef source, String note) {
}
