package chipcast.core.forecast;

/**
 * Log-linear least-squares fit ln(value) = a + b*year over the known points.
 *
 * @param annualGrowth e^b - 1, as a fraction
 * @param r2           coefficient of determination in log space, in [0, 1]
 * @param points       number of known points fitted (always 3 or more)
 */
public record Fit(double annualGrowth, double r2, int points) {
}
