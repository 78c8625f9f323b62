package chipcast.core.forecast;

/** The dated rate a report's values were converted at, and the conversion it applied. */
public record FxApplied(String pair, double rate, String asOf, String applied, Forecast.SourceRef source, String note) {

    /** Null when no conversion was needed. */
    static FxApplied of(FxRates.Conversion conversion) {
        FxRate r = conversion.rate();
        if (r == null) {
            return null;
        }
        return new FxApplied(r.pair(), r.rate(), r.asOf(),
                conversion.from() + " -> " + conversion.to() + " x " + conversion.factor(), r.source(), r.note());
    }
}
