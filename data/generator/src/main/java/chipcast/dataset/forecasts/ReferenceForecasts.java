package chipcast.dataset.forecasts;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.json.Mapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference forecasts (data/sources/reference/forecasts.json) reshaped to the served schema with the curated
 * edits of data/sources/curation/forecasts.json: market keys, titled sources, points stated in the reference
 * notes, and the served FX rates.
 */
public final class ReferenceForecasts {
    /** data/sources/reference/forecasts.json. */
    public record ReferenceFile(List<ReferenceFx> fxRates, List<ReferenceForecast> forecasts) {
    }

    public record ReferenceFx(String pair, Number rate, String asOf, String source) {
    }

    public record ReferenceForecast(String id, String publisher, String marketDefinition, Integer baseYear,
                                    Number baseValueUSDbn, Integer targetYear, Number targetValueUSDbn,
                                    String statedCAGR, String cagrPeriod, String publicationDate, String source,
                                    String retrievedVia, String notes, String confidence) {
    }

    /** data/sources/curation/forecasts.json. */
    public record Curation(String about, ReferenceFx referenceFxRate, List<Forecast.FxRate> fxRates, List<Entry> forecasts) {
    }

    /**
     * A forecast's curated edits: its market key and titled source; points added from the reference notes (same
     * report and definition); points replacing the USD ones where the reference gives none (kept in the published
     * currency); text appended to the notes.
     */
    public record Entry(String id, String market, Forecast.DatedSource source, List<Forecast.Point> extraPoints,
                        PointsInstead pointsInstead, String notesAppended) {
    }

    public record PointsInstead(String currency, String unit, List<Forecast.Point> points) {
    }

    private ReferenceForecasts() {
    }

    public static Forecast.File build(Layout layout) {
        ReferenceFile ref = Mapper.read(layout.path(Layout.REF_FORECASTS), Layout.REF_FORECASTS, ReferenceFile.class);
        Curation cur = Mapper.read(layout.path(Layout.FORECAST_CURATION), Layout.FORECAST_CURATION, Curation.class);
        return new Forecast.File(fxRates(ref, cur), forecasts(ref, cur));
    }

    /** The served rates; the first must be the reference's own rate, which the seed article's figures imply. */
    private static List<Forecast.FxRate> fxRates(ReferenceFile ref, Curation cur) {
        ReferenceFx r0 = ref.fxRates().get(0);
        ReferenceFx expected = cur.referenceFxRate();
        Forecast.FxRate first = cur.fxRates().get(0);
        if (!r0.pair().equals(expected.pair()) || r0.rate().doubleValue() != expected.rate().doubleValue()
                || !r0.asOf().equals(expected.asOf())) {
            throw new DatasetException(Layout.REF_FORECASTS + ": the first FX rate changed (" + r0.pair() + " " + r0.rate()
                    + " " + r0.asOf() + "): update referenceFxRate and fxRates in " + Layout.FORECAST_CURATION);
        }
        if (first.rate().doubleValue() != expected.rate().doubleValue() || !first.asOf().equals(expected.asOf())) {
            throw new DatasetException(Layout.FORECAST_CURATION + ": fxRates must start with the reference's rate "
                    + expected.rate() + " (" + expected.asOf() + ")");
        }
        return cur.fxRates();
    }

    private static List<Forecast> forecasts(ReferenceFile ref, Curation cur) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Entry e : cur.forecasts()) {
            if (entries.put(e.id(), e) != null) {
                throw new DatasetException(Layout.FORECAST_CURATION + ": forecast " + e.id() + " listed twice");
            }
        }
        Set<String> refIds = new HashSet<>();
        List<Forecast> out = new ArrayList<>();
        for (ReferenceForecast r : ref.forecasts()) {
            String fid = r.id();
            refIds.add(fid);
            Entry entry = entries.get(fid);
            if (entry == null) {
                throw new DatasetException(Layout.FORECAST_CURATION + ": no entry for reference forecast " + fid
                        + " (it needs at least a market key and a titled source)");
            }
            String currency = "USD";
            String unit = "billion";
            List<Forecast.Point> points = new ArrayList<>();
            if (r.baseYear() != null && r.baseValueUSDbn() != null) {
                points.add(new Forecast.Point(r.baseYear(), r.baseValueUSDbn(), null));
            }
            if (r.targetYear() != null && r.targetValueUSDbn() != null) {
                points.add(new Forecast.Point(r.targetYear(), r.targetValueUSDbn(), null));
            }
            if (entry.extraPoints() != null) {
                points.addAll(entry.extraPoints());
            }
            if (entry.pointsInstead() != null) {
                if (!points.isEmpty()) {
                    throw new DatasetException(fid + ": the reference now has USD points; drop pointsInstead in "
                            + Layout.FORECAST_CURATION);
                }
                currency = entry.pointsInstead().currency();
                unit = entry.pointsInstead().unit();
                points = new ArrayList<>(entry.pointsInstead().points());
            }
            Set<Integer> years = new HashSet<>();
            for (Forecast.Point p : points) {
                if (!years.add(p.year())) {
                    throw new DatasetException(fid + ": two points for " + p.year());
                }
            }
            points.sort(Comparator.comparing(Forecast.Point::year));
            Forecast.DatedSource source = entry.source();
            if (source.url() != null && r.source().startsWith("http") && !r.source().equals(source.url())) {
                throw new DatasetException(fid + ": the reference's source url " + r.source() + " differs from "
                        + Layout.FORECAST_CURATION + "'s " + source.url());
            }
            String notes = r.notes() == null ? "" : r.notes().strip();
            if (entry.notesAppended() != null) {
                notes = (notes.isEmpty() ? "" : notes + " ") + entry.notesAppended();
            }
            out.add(new Forecast(fid, r.publisher(), entry.market(), r.marketDefinition(), null, currency, unit, points,
                    Cagr.parse(fid, r.statedCAGR(), r.cagrPeriod()), r.publicationDate(), null, null, null, null,
                    source, r.retrievedVia(), notes, r.confidence()));
        }
        for (String id : entries.keySet()) {
            if (!refIds.contains(id)) {
                throw new DatasetException(Layout.FORECAST_CURATION + ": " + id + " is not a forecast of " + Layout.REF_FORECASTS);
            }
        }
        return out;
    }
}
