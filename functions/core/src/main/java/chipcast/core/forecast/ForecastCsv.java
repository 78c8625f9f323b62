package chipcast.core.forecast;

import chipcast.core.csv.Csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forecast routes as CSV. Values are billions of the row's currency (the {@code unit} column); the source
 * columns are the forecast's own (title, URL, the date it speaks for), the fx columns the dated rate a value was
 * converted at (empty when none was needed).
 */
public final class ForecastCsv {
    private ForecastCsv() {
    }

    /** GET /forecasts: one point a forecast published, with what the forecast states and implies. */
    public record PointRow(String forecastId, String publisher, String market, String marketDefinition,
                           String currency, String unit, int year, double value, String pointNote,
                           Double statedCagrPercent, String statedCagrText, Double cagrPercent, String cagrBasis,
                           Double multiple, String publicationDate, String edition, String editionOf,
                           String supersededBy, String confidence, String source, String sourceUrl, String asOf) {
    }

    /**
     * GET /forecasts/{forecastId}: one year of the series, its kind (reported, interpolated, extrapolated) and, for
     * a reported year, the value as the source published it.
     */
    public record SeriesRow(String forecastId, String publisher, String market, String currency, String unit,
                            int year, double value, Double yoyGrowth, String kind, Double publishedValue,
                            String publishedCurrency, String publishedUnit, Double cagrPercent, String cagrBasis,
                            String fxPair, Double fxRate, String fxAsOf, String source, String sourceUrl,
                            String asOf) {
    }

    /**
     * GET /forecasts/consensus: one year's spread over the forecasts covering it, and those forecasts' ids, sources
     * and conversions in the same order (" | " between them; each forecast is converted at its own dated rate).
     */
    public record ConsensusRow(String market, String currency, String unit, int year, double min, double max,
                               double median, int count, String forecastIds, String source, String sourceUrl,
                               String asOf, String fxPair, String fxRate, String fxAsOf) {
    }

    public static Csv.Table<PointRow> list(ForecastList list) {
        List<PointRow> rows = new ArrayList<>();
        for (ForecastSummary f : list.items()) {
            Forecast.SourceRef source = source(f.source());
            for (Forecast.Point p : f.knownPoints()) {
                rows.add(new PointRow(f.id(), f.publisher(), f.market(), f.marketDefinition(), f.currency(), f.unit(),
                        p.year(), p.value(), p.note(), f.statedCagr() == null ? null : f.statedCagr().percent(),
                        f.statedCagr() == null ? null : f.statedCagr().text(), f.cagrPercent(), f.cagrBasis(), f.multiple(),
                        f.publicationDate(), f.edition(), f.editionOf(), f.supersededBy(), f.confidence(), source.title(),
                        source.url(), source.asOf()));
            }
        }
        return new Csv.Table<>(PointRow.class, rows);
    }

    public static Csv.Table<SeriesRow> series(ForecastReport r) {
        Map<Integer, ForecastReport.ReportedPoint> published = new LinkedHashMap<>();
        r.knownPoints().forEach(p -> published.put(p.year(), p));
        Forecast.SourceRef source = source(r.source());
        Fx fx = Fx.of(r.fx());
        List<SeriesRow> rows = new ArrayList<>();
        for (SeriesPoint p : r.series()) {
            ForecastReport.ReportedPoint known = SeriesPoint.REPORTED.equals(p.kind()) ? published.get(p.year()) : null;
            rows.add(new SeriesRow(r.id(), r.publisher(), r.market(), r.currency(), r.unit(), p.year(), p.value(),
                    p.yoyGrowth(), p.kind(), known == null ? null : known.sourceValue(),
                    known == null ? null : known.sourceCurrency(), known == null ? null : known.sourceUnit(),
                    r.cagrPercent(), r.cagrBasis(), fx.pair(), fx.rate(), fx.asOf(), source.title(), source.url(),
                    source.asOf()));
        }
        return new Csv.Table<>(SeriesRow.class, rows);
    }

    public static Csv.Table<ConsensusRow> consensus(ConsensusReport c) {
        Map<String, ConsensusReport.Member> members = new LinkedHashMap<>();
        c.sources().forEach(m -> members.put(m.id(), m));
        List<ConsensusRow> rows = new ArrayList<>();
        for (ConsensusYear y : c.years()) {
            List<ConsensusReport.Member> covering = y.forecastIds().stream().map(members::get).toList();
            List<Forecast.SourceRef> sources = covering.stream().map(m -> source(m == null ? null : m.source())).toList();
            List<Fx> fx = covering.stream().map(m -> Fx.of(m == null ? null : m.fx())).toList();
            rows.add(new ConsensusRow(c.market(), c.currency(), c.unit(), y.year(), y.min(), y.max(), y.median(),
                    y.count(), Csv.join(y.forecastIds()), Csv.join(sources.stream().map(Forecast.SourceRef::title).toList()),
                    Csv.join(sources.stream().map(Forecast.SourceRef::url).toList()),
                    Csv.join(sources.stream().map(Forecast.SourceRef::asOf).toList()),
                    Csv.join(fx.stream().map(Fx::pair).toList()), Csv.join(fx.stream().map(Fx::rate).toList()),
                    Csv.join(fx.stream().map(Fx::asOf).toList())));
        }
        return new Csv.Table<>(ConsensusRow.class, rows);
    }

    private static Forecast.SourceRef source(Forecast.SourceRef source) {
        return source == null ? new Forecast.SourceRef(null, null, null) : source;
    }

    /** The fx columns of a conversion, all empty when none was applied. */
    record Fx(String pair, Double rate, String asOf) {
        static Fx of(FxApplied fx) {
            return fx == null ? new Fx(null, null, null) : new Fx(fx.pair(), fx.rate(), fx.asOf());
        }
    }
}
