package chipcast.core.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * A published market forecast as the dataset holds it: known points in the source's own currency and
 * unit, the CAGR it states (if any), and where it comes from. Each is one edition (its publication
 * date; an undated page gives editionNotBefore and editionNote instead) of a series editionOf: one
 * publisher, one market definition; supersedes/supersededBy link the editions of a series.
 */
public record Forecast(
        String id,
        String publisher,
        String market,
        String marketDefinition,
        String currency,
        String unit,
        List<Point> points,
        StatedCagr statedCagr,
        String publicationDate,
        SourceRef source,
        String retrievedVia,
        String notes,
        String confidence,
        String scope,
        String edition,
        String editionNotBefore,
        String editionNote,
        String editionOf,
        String supersedes,
        String supersededBy) {

    public record Point(int year, double value, String note) {
    }

    /** @param bound exact, atLeast (">70%") or approx ("~60%") */
    public record StatedCagr(double percent, Integer fromYear, Integer toYear, String text, String bound) {
    }

    public record SourceRef(String title, String url, String asOf) {
    }

    /** Known points in billions of the forecast's currency (sources quote billions, trillions or millions). */
    public List<KnownPoint> knownPointsInBillions() {
        double scale = switch (unit == null ? "billion" : unit) {
            case "trillion" -> 1_000;
            case "million" -> 0.001;
            case "billion" -> 1;
            default -> throw new IllegalStateException("forecast " + id + ": unknown unit " + unit);
        };
        List<KnownPoint> known = new ArrayList<>();
        for (Point p : points) {
            known.add(new KnownPoint(p.year(), p.value() * scale));
        }
        return known;
    }

    /** The stated CAGR as a fraction, or null. */
    public Double statedCagrFraction() {
        return statedCagr == null ? null : statedCagr.percent() / 100.0;
    }
}
