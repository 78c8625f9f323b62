package chipcast.core.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents the forecast API serves and the recalculation materialises: a forecast's calculation in
 * a currency, a market's consensus, and the list summary. Plain Java: records in, maps out.
 */
public final class ForecastReports {
    /** Bumped when a formula or a document's shape changes, so the recalculation rewrites every series. */
    public static final String ALGORITHM_VERSION = "forecast-v1";
    public static final String METHOD = "Implied CAGR = (last/first)^(1/(lastYear-firstYear)) - 1 over the first and "
            + "last known points; years between known points on the geometric path v0*(v1/v0)^((y-y0)/(y1-y0)); "
            + "extrapolation at the implied CAGR only when the range asked for goes past the known points; with 3+ "
            + "points a least-squares fit of ln(value) on year (annualGrowth = e^slope - 1) and its r2.";

    private ForecastReports() {
    }

    /** A forecast's calculation in {@code currency}; from/to null mean its known range. */
    public static Map<String, Object> forecast(Forecast f, List<FxRate> rates, String currency, Integer from, Integer to) {
        ForecastCalculation own = ForecastCalculator.fromPoints(f.knownPointsInBillions(), f.statedCagrFraction(), from, to);
        FxRates.Conversion conversion = FxRates.conversion(f.currency(), currency, sourceDate(f), rates);
        ForecastCalculation calc = CurrencyConverter.convert(own, conversion.factor());

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", f.id());
        doc.put("publisher", f.publisher());
        doc.put("market", f.market());
        doc.put("marketDefinition", f.marketDefinition());
        doc.put("source", f.source());
        doc.put("publicationDate", f.publicationDate());
        doc.put("retrievedVia", f.retrievedVia());
        doc.put("confidence", f.confidence());
        doc.put("notes", f.notes());
        doc.put("currency", currency);
        doc.put("unit", "billion");
        doc.put("fx", fx(conversion));
        List<Map<String, Object>> known = new ArrayList<>();
        List<KnownPoint> inBillions = f.knownPointsInBillions();
        for (int i = 0; i < f.points().size(); i++) {
            Forecast.Point p = f.points().get(i);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("year", p.year());
            point.put("value", inBillions.get(i).value() * conversion.factor());
            point.put("sourceValue", p.value());
            point.put("sourceCurrency", f.currency());
            point.put("sourceUnit", f.unit());
            point.put("note", p.note());
            known.add(point);
        }
        doc.put("knownPoints", known);
        boolean implied = calc.lastYear() > calc.firstYear();
        doc.put("cagr", calc.cagr());
        doc.put("cagrPercent", calc.cagr() * 100);
        doc.put("cagrBasis", implied
                ? "implied by the known points " + calc.firstYear() + " and " + calc.lastYear()
                : "the source's stated CAGR (one known point: nothing to imply)");
        doc.put("multiple", implied ? calc.multiple() : null);
        doc.put("statedCagr", f.statedCagr());
        doc.put("statedCagrGapPoints", implied ? calc.statedCagrGapPoints() : null);
        doc.put("statedCagrConsistent", implied && f.statedCagr() != null ? consistent(f.statedCagr(), calc) : null);
        doc.put("statedCagrNote", statedNote(f, calc, implied));
        doc.put("fit", calc.fit());
        List<Map<String, Object>> series = new ArrayList<>();
        for (SeriesPoint p : calc.series()) {
            Map<String, Object> year = new LinkedHashMap<>();
            year.put("year", p.year());
            year.put("value", p.value());
            year.put("yoyGrowth", p.yoyGrowth());
            year.put("kind", p.kind());
            series.add(year);
        }
        doc.put("series", series);
        doc.put("method", METHOD);
        return doc;
    }

    /** Per year, min/max/median/count over the sources of one market that report or interpolate that year. */
    public static Map<String, Object> consensus(String market, List<Forecast> forecasts, List<FxRate> rates,
                                                String currency, Integer from, Integer to) {
        List<ConsensusSource> sources = new ArrayList<>();
        List<Map<String, Object>> described = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Forecast f : forecasts) {
            if (!market.equals(f.market())) {
                throw new IllegalArgumentException("consensus never blends markets: " + f.id() + " is " + f.market());
            }
            ForecastCalculation own = ForecastCalculator.fromPoints(f.knownPointsInBillions(), f.statedCagrFraction(), null, null);
            FxRates.Conversion conversion = FxRates.conversion(f.currency(), currency, sourceDate(f), rates);
            ForecastCalculation calc = CurrencyConverter.convert(own, conversion.factor());
            sources.add(ConsensusSource.of(f.id(), calc));
            first = Math.min(first, calc.firstYear());
            last = Math.max(last, calc.lastYear());
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", f.id());
            source.put("publisher", f.publisher());
            source.put("marketDefinition", f.marketDefinition());
            source.put("firstYear", calc.firstYear());
            source.put("lastYear", calc.lastYear());
            source.put("cagr", calc.lastYear() > calc.firstYear() ? calc.cagr() : null);
            source.put("fx", fx(conversion));
            source.put("source", f.source());
            described.add(source);
        }
        int start = from != null ? from : first;
        int end = to != null ? to : last;
        List<ConsensusYear> years = sources.isEmpty() ? List.of() : ConsensusCalculator.compute(sources, start, end);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("market", market);
        doc.put("currency", currency);
        doc.put("unit", "billion");
        doc.put("from", sources.isEmpty() ? from : start);
        doc.put("to", sources.isEmpty() ? to : end);
        doc.put("sources", described);
        doc.put("years", years);
        doc.put("method", "Each year counts only the sources that report it or lie between two of their own known "
                + "points (geometric interpolation); extrapolated years never count. Only forecasts of this one "
                + "market definition are compared. Median of an even count is the mean of the middle two.");
        return doc;
    }

    /** What GET /forecasts lists: inputs and the implied CAGR. */
    public static Map<String, Object> summary(Forecast f) {
        ForecastCalculation calc = ForecastCalculator.fromPoints(f.knownPointsInBillions(), f.statedCagrFraction(), null, null);
        boolean implied = calc.lastYear() > calc.firstYear();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", f.id());
        doc.put("publisher", f.publisher());
        doc.put("market", f.market());
        doc.put("marketDefinition", f.marketDefinition());
        doc.put("currency", f.currency());
        doc.put("unit", f.unit());
        doc.put("points", f.points());
        doc.put("statedCagr", f.statedCagr());
        doc.put("impliedCagr", implied ? calc.cagr() : null);
        doc.put("impliedCagrPercent", implied ? calc.cagr() * 100 : null);
        doc.put("multiple", implied ? calc.multiple() : null);
        doc.put("publicationDate", f.publicationDate());
        doc.put("source", f.source());
        doc.put("confidence", f.confidence());
        return doc;
    }

    /** The date a forecast speaks for: its source's as-of date. */
    public static String sourceDate(Forecast f) {
        return f.source() == null ? null : f.source().asOf();
    }

    private static Map<String, Object> fx(FxRates.Conversion conversion) {
        if (conversion.rate() == null) {
            return null;
        }
        FxRate r = conversion.rate();
        Map<String, Object> fx = new LinkedHashMap<>();
        fx.put("pair", r.pair());
        fx.put("rate", r.rate());
        fx.put("asOf", r.asOf());
        fx.put("applied", conversion.from() + " -> " + conversion.to() + " x " + conversion.factor());
        fx.put("source", r.source());
        fx.put("note", r.note());
        return fx;
    }

    /** Whether the implied CAGR agrees with the stated one within 0.5 points, reading ">70%" as a floor. */
    static boolean consistent(Forecast.StatedCagr stated, ForecastCalculation calc) {
        double gap = calc.statedCagrGapPoints();
        double tolerance = ForecastCalculator.STATED_CAGR_TOLERANCE_POINTS;
        return "atLeast".equals(stated.bound()) ? gap >= -tolerance : Math.abs(gap) <= tolerance;
    }

    private static String statedNote(Forecast f, ForecastCalculation calc, boolean implied) {
        Forecast.StatedCagr s = f.statedCagr();
        if (s == null) {
            return null;
        }
        if (!implied) {
            return "one known point: the stated CAGR (" + s.text() + ") drives the series and cannot be checked";
        }
        String period = s.fromYear() == null ? "an unstated period"
                : s.fromYear() + "-" + (s.toYear() == null ? "?" : s.toYear());
        String note = "stated " + s.text() + " over " + period + "; implied " + percent(calc.cagr() * 100)
                + " over " + calc.firstYear() + "-" + calc.lastYear();
        if (s.fromYear() != null && (s.fromYear() != calc.firstYear() || (s.toYear() != null && s.toYear() != calc.lastYear()))) {
            note += " (different periods: a gap may come from the period, not an error)";
        }
        return note;
    }

    /** "12.34%": two decimals rounded half up, as %.2f would, without loading Formatter and locale data on a cold start. */
    static String percent(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        // %.2f keeps the sign of a negative value that rounds to zero ("-0.00%"); BigDecimal has no negative zero.
        boolean negativeZero = rounded.signum() == 0 && (value < 0 || Double.compare(value, -0.0) == 0);
        return (negativeZero ? "-" : "") + rounded.toPlainString() + "%";
    }
}
