package chipcast.core.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documents the forecast API serves and the recalculation materialises: a forecast's calculation in
 * a currency, a market's consensus, and the list summary. Plain Java: records in, records out.
 */
public final class ForecastReports {
    /** Bumped when a formula or a document's shape changes, so the recalculation rewrites every series. */
    public static final String ALGORITHM_VERSION = "forecast-v3";
    public static final String METHOD = "Implied CAGR = (last/first)^(1/(lastYear-firstYear)) - 1 over the first and "
            + "last known points; years between known points on the geometric path v0*(v1/v0)^((y-y0)/(y1-y0)); "
            + "extrapolation at the implied CAGR only when the range asked for goes past the known points; with 3+ "
            + "points a least-squares fit of ln(value) on year (annualGrowth = e^slope - 1) and its r2.";
    static final String CONSENSUS_METHOD = "Each year counts only the sources that report it or lie between two of their"
            + " own known points (geometric interpolation); extrapolated years never count. Only forecasts of this one"
            + " market definition are compared; by default only the latest edition of each publisher's series"
            + " (editions=all counts every edition). Median of an even count is the mean of the middle two.";

    private ForecastReports() {
    }

    /** How far past a forecast's last known point its series may be extrapolated, in years. */
    public static final int MAX_EXTRAPOLATION_YEARS = 10;

    /**
     * A forecast's calculation in {@code currency}; from/to null mean its known range. A {@code to} more than
     * {@value #MAX_EXTRAPOLATION_YEARS} years past the last known point is refused; years before the first known
     * point are back-cast and marked in {@code extrapolation}.
     */
    public static ForecastReport forecast(Forecast f, List<FxRate> rates, String currency, Integer from, Integer to) {
        int firstKnown = f.points().get(0).year();
        int lastKnown = f.points().get(f.points().size() - 1).year();
        int lastAllowed = lastKnown + MAX_EXTRAPOLATION_YEARS;
        if (to != null && to > lastAllowed) {
            throw new ForecastInputException("to", "the forecast's published points end in " + lastKnown
                    + "; a series goes at most " + MAX_EXTRAPOLATION_YEARS + " years past them, so 'to' must be at most "
                    + lastAllowed + ", got " + to);
        }
        ForecastCalculation own = calculation(f, from, to);
        FxRates.Conversion conversion = FxRates.conversion(f.currency(), currency, sourceDate(f), rates);
        ForecastCalculation calc = CurrencyConverter.convert(own, conversion.factor());
        boolean growth = Double.isFinite(calc.cagr());
        List<ForecastReport.ReportedPoint> known = new ArrayList<>();
        List<KnownPoint> inBillions = f.knownPointsInBillions();
        for (int i = 0; i < f.points().size(); i++) {
            Forecast.Point p = f.points().get(i);
            known.add(new ForecastReport.ReportedPoint(p.year(), inBillions.get(i).value() * conversion.factor(),
                    p.value(), f.currency(), f.unit(), p.note()));
        }
        boolean implied = calc.lastYear() > calc.firstYear();
        return new ForecastReport(f.id(), f.publisher(), f.market(), f.marketDefinition(), f.source(),
                f.publicationDate(), f.retrievedVia(), f.confidence(), f.notes(), currency, "billion",
                FxApplied.of(conversion), known, growth ? calc.cagr() : null, growth ? calc.cagr() * 100 : null,
                cagrBasis(calc), implied ? calc.multiple() : null, f.statedCagr(), implied ? calc.statedCagrGapPoints() : null,
                implied && f.statedCagr() != null ? consistent(f.statedCagr(), calc) : null,
                statedNote(f, calc, implied), calc.fit(), calc.series(), METHOD, null, null,
                extrapolation(calc.series(), firstKnown, lastKnown, lastAllowed));
    }

    private static ForecastReport.Extrapolation extrapolation(List<SeriesPoint> series, int firstKnown, int lastKnown,
                                                              int lastAllowed) {
        List<Integer> forward = series.stream().map(SeriesPoint::year).filter(y -> y > lastKnown).toList();
        List<Integer> back = series.stream().map(SeriesPoint::year).filter(y -> y < firstKnown).toList();
        String note = forward.isEmpty() && back.isEmpty() ? null
                : (forward.isEmpty() ? "" : forward.size() + " year(s) after the last known point (" + lastKnown
                + ") extrapolated at the implied CAGR")
                + (forward.isEmpty() || back.isEmpty() ? "" : "; ")
                + (back.isEmpty() ? "" : back.size() + " year(s) before the first known point (" + firstKnown
                + ") back-cast at the same rate: the source published neither");
        return new ForecastReport.Extrapolation(MAX_EXTRAPOLATION_YEARS, lastAllowed, forward, back, note);
    }

    /**
     * Per year, min/max/median/count over the sources of one market that report or interpolate that year: the latest
     * edition of each series ({@code allEditions} false, the default) or every edition.
     */
    public static ConsensusReport consensus(String market, List<Forecast> forecasts, List<FxRate> rates,
                                            String currency, Integer from, Integer to, boolean allEditions) {
        List<ConsensusSource> sources = new ArrayList<>();
        List<ConsensusReport.Member> described = new ArrayList<>();
        List<ConsensusReport.Superseded> superseded = new ArrayList<>();
        Map<String, List<String>> seriesByPublisher = new TreeMap<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Forecast f : forecasts) {
            if (!market.equals(f.market())) {
                throw new IllegalArgumentException("consensus never blends markets: " + f.id() + " is " + f.market());
            }
            if (!allEditions && f.supersededBy() != null) {
                superseded.add(new ConsensusReport.Superseded(f.id(), f.supersededBy()));
                continue;
            }
            ForecastCalculation own = calculation(f, null, null);
            FxRates.Conversion conversion = FxRates.conversion(f.currency(), currency, sourceDate(f), rates);
            ForecastCalculation calc = CurrencyConverter.convert(own, conversion.factor());
            sources.add(ConsensusSource.of(f.id(), calc));
            first = Math.min(first, calc.firstYear());
            last = Math.max(last, calc.lastYear());
            described.add(new ConsensusReport.Member(f.id(), f.publisher(), f.marketDefinition(), calc.firstYear(),
                    calc.lastYear(), calc.lastYear() > calc.firstYear() ? calc.cagr() : null, FxApplied.of(conversion),
                    f.source(), f.edition(), f.editionOf()));
            seriesByPublisher.computeIfAbsent(f.publisher(), p -> new ArrayList<>())
                    .add(f.editionOf() == null ? f.id() : f.editionOf());
        }
        List<String> warnings = new ArrayList<>();
        seriesByPublisher.forEach((publisher, series) -> {
            List<String> distinct = series.stream().distinct().toList();
            if (allEditions && series.size() > distinct.size()) {
                warnings.add(publisher + " is counted once per edition (editions=all): " + series.size()
                        + " forecasts of " + distinct.size() + " series");
            }
            if (distinct.size() > 1) {
                warnings.add(publisher + " is counted " + distinct.size() + " times, through concurrent series " + distinct
                        + " (different reports on this market, neither an edition of the other)");
            }
        });
        int start = from != null ? from : first;
        int end = to != null ? to : last;
        List<ConsensusYear> years = sources.isEmpty() ? List.of() : ConsensusCalculator.compute(sources, start, end);
        return new ConsensusReport(market, currency, "billion", sources.isEmpty() ? from : start,
                sources.isEmpty() ? to : end, allEditions ? ConsensusReport.ALL : ConsensusReport.LATEST, described,
                superseded, warnings, years, CONSENSUS_METHOD, null, null);
    }

    /** What GET /forecasts lists: inputs and the CAGR, as {@link #forecast} gives it. */
    public static ForecastSummary summary(Forecast f) {
        ForecastCalculation calc = calculation(f, null, null);
        boolean implied = calc.lastYear() > calc.firstYear();
        boolean growth = Double.isFinite(calc.cagr());
        return new ForecastSummary(f.id(), f.publisher(), f.market(), f.marketDefinition(), f.currency(), f.unit(),
                f.points(), f.statedCagr(), growth ? calc.cagr() : null, growth ? calc.cagr() * 100 : null,
                cagrBasis(calc), implied ? calc.multiple() : null, f.publicationDate(), f.source(), f.confidence(), f.edition(),
                f.editionOf(), f.supersededBy());
    }

    /** Where a forecast's {@code cagr} comes from: its known points, its stated CAGR (one point), or nowhere. */
    static String cagrBasis(ForecastCalculation calc) {
        if (calc.lastYear() > calc.firstYear()) {
            return "implied by the known points " + calc.firstYear() + " and " + calc.lastYear();
        }
        return Double.isFinite(calc.cagr()) ? "the source's stated CAGR (one known point: nothing to imply)"
                : "none: one known point and no stated CAGR";
    }

    /** A dataset forecast's own calculation: from its points, or its one point alone when it states no CAGR. */
    static ForecastCalculation calculation(Forecast f, Integer from, Integer to) {
        List<KnownPoint> points = f.knownPointsInBillions();
        if (points.size() == 1 && f.statedCagr() == null) {
            return ForecastCalculator.knownPointOnly(points.get(0), from, to);
        }
        return ForecastCalculator.fromPoints(points, f.statedCagrFraction(), from, to);
    }

    /** The date a forecast speaks for: its source's as-of date. */
    public static String sourceDate(Forecast f) {
        return f.source() == null ? null : f.source().asOf();
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

    /** "12.34%": two decimals rounded half up, as %.2f would, independent of the default locale. */
    static String percent(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        // %.2f keeps the sign of a negative value that rounds to zero ("-0.00%"); BigDecimal has no negative zero.
        boolean negativeZero = rounded.signum() == 0 && (value < 0 || Double.compare(value, -0.0) == 0);
        return (negativeZero ? "-" : "") + rounded.toPlainString() + "%";
    }
}
