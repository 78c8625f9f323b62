package chipcast.core.forecast;

import java.util.List;

/**
 * A forecast's calculation in one currency, as GET /forecasts/{forecastId} serves it and the recalculation
 * materialises it. {@code materialised} and {@code computedOnTheFly} say where this answer comes from: a
 * stored series (with its provenance) or a calculation on request (with the reason); both are null in the
 * stored document itself. {@code extrapolation} says which years of the series go past the published points and
 * how far a series may be extended.
 */
public record ForecastReport(
        String id,
        String publisher,
        String market,
        String marketDefinition,
        Forecast.SourceRef source,
        String publicationDate,
        String retrievedVia,
        String confidence,
        String notes,
        String currency,
        String unit,
        FxApplied fx,
        List<ReportedPoint> knownPoints,
        Double cagr,
        Double cagrPercent,
        String cagrBasis,
        Double multiple,
        Forecast.StatedCagr statedCagr,
        Double statedCagrGapPoints,
        Boolean statedCagrConsistent,
        String statedCagrNote,
        Fit fit,
        List<SeriesPoint> series,
        String method,
        Materialised materialised,
        String computedOnTheFly,
        Extrapolation extrapolation) implements SeriesDocument {

    /**
     * The series' years beyond the published points: {@code forwardYears} after the last known point (at the implied
     * CAGR, at most {@code maxYearsPastLastKnown} years: {@code lastAllowedYear}), {@code backcastYears} before the
     * first known point (back-cast at the same rate: marked here, and never counted in a consensus).
     */
    public record Extrapolation(int maxYearsPastLastKnown, int lastAllowedYear, List<Integer> forwardYears,
                                List<Integer> backcastYears, String note) {
    }

    /** A point the source published: in the requested currency, and as published. */
    public record ReportedPoint(int year, double value, double sourceValue, String sourceCurrency, String sourceUnit,
                                String note) {
    }

    /** The same report over the years [from, to] only (null: open), e.g. a slice of a stored series. */
    public ForecastReport years(Integer from, Integer to) {
        return new ForecastReport(id, publisher, market, marketDefinition, source, publicationDate, retrievedVia,
                confidence, notes, currency, unit, fx, knownPoints, cagr, cagrPercent, cagrBasis, multiple, statedCagr,
                statedCagrGapPoints, statedCagrConsistent, statedCagrNote, fit,
                series.stream().filter(p -> Materialised.within(p.year(), from, to)).toList(), method, materialised,
                computedOnTheFly, extrapolation);
    }

    /** The report with where it comes from: a stored series, or computed on request and why. */
    public ForecastReport from(Materialised stored, String onTheFlyReason) {
        return new ForecastReport(id, publisher, market, marketDefinition, source, publicationDate, retrievedVia,
                confidence, notes, currency, unit, fx, knownPoints, cagr, cagrPercent, cagrBasis, multiple, statedCagr,
                statedCagrGapPoints, statedCagrConsistent, statedCagrNote, fit, series, method, stored, onTheFlyReason,
                extrapolation);
    }

    public int firstKnownYear() {
        return knownPoints.get(0).year();
    }

    public int lastKnownYear() {
        return knownPoints.get(knownPoints.size() - 1).year();
    }
}
