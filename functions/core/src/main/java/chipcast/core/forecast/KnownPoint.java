package chipcast.core.forecast;

/**
 * A value a source actually published for a year, in billions of the source currency.
 * Not validated here: {@link ForecastCalculator} validates so it can name the offending list index.
 */
public record KnownPoint(int year, double value) {
}
