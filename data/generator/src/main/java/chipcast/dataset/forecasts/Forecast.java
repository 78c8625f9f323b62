package chipcast.dataset.forecasts;

import java.util.List;

/**
 * One published market forecast as written to data/forecasts.json, fields in output order: the forecast, the
 * edition it is (its publication date, or a lower bound for an undated page), the series of editions it belongs to
 * (one publisher, one market definition) and the editions it supersedes or is superseded by.
 */
public record Forecast(
        String id,
        String publisher,
        String market,
        String marketDefinition,
        String scope,
        String currency,
        String unit,
        List<Point> points,
        Cagr statedCagr,
        String publicationDate,
        String edition,
        String editionNotBefore,
        String editionNote,
        String editionOf,
        String supersedes,
        String supersededBy,
        DatedSource source,
        String retrievedVia,
        String notes,
        String confidence) {

    /** A known point: year, value in currency x unit, and where it comes from (null for the reference's own points). */
    public record Point(Integer year, Number value, String note) {
    }

    /** A stated CAGR: percent; bound exact, atLeast (">70%"), atMost or approx ("~60%"); years null if not stated. */
    public record Cagr(Number percent, Integer fromYear, Integer toYear, String text, String bound) {
    }

    /** A forecast's or FX rate's source: title, url (null if none) and the date it speaks for. */
    public record DatedSource(String title, String url, String asOf) {
    }

    /** A dated exchange rate with its source. */
    public record FxRate(String pair, String base, String quote, Number rate, String asOf, DatedSource source, String note) {
    }

    /** data/forecasts.json: the FX rates, then the forecasts. */
    public record File(List<FxRate> fxRates, List<Forecast> forecasts) {
    }

    /** The date editions are ordered by: the edition's date, or for an undated page the date it cannot be before. */
    public String editionOrder() {
        return edition != null ? edition : editionNotBefore;
    }

    public Forecast withEditionLinks(String newSupersedes, String newSupersededBy) {
        return new Forecast(id, publisher, market, marketDefinition, scope, currency, unit, points, statedCagr,
                publicationDate, edition, editionNotBefore, editionNote, editionOf, newSupersedes, newSupersededBy, source,
                retrievedVia, notes, confidence);
    }
}
