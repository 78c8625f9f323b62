package chipcast.core.forecast;

/**
 * One year of a computed series.
 *
 * @param year      calendar year
 * @param value     billions of the series currency
 * @param yoyGrowth growth versus the previous year of the series as a fraction (0.2834 = 28.34%);
 *                  null for the first year of the series
 * @param kind      {@link #REPORTED}, {@link #INTERPOLATED} or {@link #EXTRAPOLATED}
 */
public record SeriesPoint(int year, double value, Double yoyGrowth, String kind) {
    /** A value the source published (reproduced exactly). */
    public static final String REPORTED = "reported";
    /** On the geometric path between two published values. */
    public static final String INTERPOLATED = "interpolated";
    /** Projected beyond (or, for fromCagr, derived from) the published values at a constant CAGR. */
    public static final String EXTRAPOLATED = "extrapolated";
}
