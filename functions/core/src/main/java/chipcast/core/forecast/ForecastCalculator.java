package chipcast.core.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forecast maths: implied CAGR, multiple, stated-vs-implied gap, log-linear fit and a yearly series.
 *
 * <p>Growth is computed in log space (ln of values, exp/expm1/log1p) so that ratios of extreme but
 * finite values cannot overflow before the final result is checked. Every computed number is checked
 * to be finite (and values positive); otherwise a {@link ForecastInputException} names the input that
 * drove it out of range.
 */
public final class ForecastCalculator {
    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2100;
    public static final int MAX_POINTS = 200;
    /** The known points' name in a request and in every answer (POST /forecasts/calculate, GET /forecasts...). */
    public static final String POINTS = "knownPoints";
    /** The request field a stated CAGR comes in (percent); errors about it name that field. */
    public static final String STATED_CAGR = "statedCagrPercent";
    /** A stated CAGR further than this from the implied one (in percentage points) is flagged. */
    public static final double STATED_CAGR_TOLERANCE_POINTS = 0.5;

    private ForecastCalculator() {
    }

    /**
     * Calculation from the values a source published.
     *
     * <p>Points may come in any order; duplicate years are rejected. The series runs from {@code from}
     * (default: first known year) to {@code to} (default: last known year). Known years are reproduced
     * exactly ("reported"); years between known points lie on the geometric path between their neighbours
     * ("interpolated"); years outside the known range continue at the overall implied CAGR
     * ("extrapolated"). With a single known point the stated CAGR is used instead, and is then required.
     * A stated CAGR never changes the series when two or more points exist: it is only compared.
     *
     * @param points     published values, 1 to {@value #MAX_POINTS}
     * @param statedCagr the source's stated CAGR as a fraction, or null
     * @param from       first series year, or null
     * @param to         last series year, or null
     * @throws ForecastInputException on invalid input or a non-finite result
     */
    public static ForecastCalculation fromPoints(List<KnownPoint> points, Double statedCagr,
                                                 Integer from, Integer to) {
        List<KnownPoint> sorted = validatePoints(points);
        if (statedCagr != null) {
            checkCagr(statedCagr, STATED_CAGR);
        }
        KnownPoint first = sorted.get(0);
        KnownPoint last = sorted.get(sorted.size() - 1);
        int start = from == null ? first.year() : from;
        int end = to == null ? last.year() : to;
        checkRange(start, end);

        double logRate;
        double cagr;
        double multiple;
        Double gap = null;
        boolean differs = false;
        if (sorted.size() == 1) {
            // No implied rate from one point; the stated one is the only growth information.
            if (statedCagr == null) {
                throw new ForecastInputException(STATED_CAGR,
                        "a single known point needs a stated CAGR to build a series");
            }
            cagr = statedCagr;
            logRate = Math.log1p(statedCagr);
            multiple = 1.0;
        } else {
            logRate = (Math.log(last.value()) - Math.log(first.value())) / (last.year() - first.year());
            cagr = Math.expm1(logRate);
            multiple = last.value() / first.value();
            if (!Double.isFinite(cagr) || cagr <= -1 || !Double.isFinite(multiple) || multiple <= 0) {
                throw new ForecastInputException(POINTS,
                        "first and last values are too far apart to give a finite growth rate");
            }
            if (statedCagr != null) {
                gap = (cagr - statedCagr) * 100.0;
                differs = Math.abs(gap) > STATED_CAGR_TOLERANCE_POINTS;
            }
        }

        List<SeriesPoint> series = new ArrayList<>(end - start + 1);
        int n = sorted.size();
        int k = 0; // index of the first known point with year >= y
        double prev = Double.NaN;
        for (int y = start; y <= end; y++) {
            while (k < n && sorted.get(k).year() < y) {
                k++;
            }
            double value;
            String kind;
            String field;
            if (k < n && sorted.get(k).year() == y) {
                value = sorted.get(k).value();
                kind = SeriesPoint.REPORTED;
                field = POINTS;
            } else if (k == 0) {
                value = grow(first.value(), logRate, y - first.year());
                kind = SeriesPoint.EXTRAPOLATED;
                field = "from";
            } else if (k == n) {
                value = grow(last.value(), logRate, y - last.year());
                kind = SeriesPoint.EXTRAPOLATED;
                field = "to";
            } else {
                KnownPoint a = sorted.get(k - 1);
                KnownPoint b = sorted.get(k);
                double t = (double) (y - a.year()) / (b.year() - a.year());
                value = a.value() * Math.exp(t * (Math.log(b.value()) - Math.log(a.value())));
                kind = SeriesPoint.INTERPOLATED;
                field = POINTS;
            }
            series.add(point(y, value, prev, kind, field));
            prev = value;
        }

        return new ForecastCalculation(first.year(), first.value(), last.year(), last.value(),
                cagr, multiple, statedCagr, gap, differs, fit(sorted), series);
    }

    /**
     * A forecast that publishes one value and no growth rate: the series is that year only, and there is no
     * CAGR (NaN here, null in the reports). A range past the point is refused: nothing says how it grows.
     */
    public static ForecastCalculation knownPointOnly(KnownPoint point, Integer from, Integer to) {
        List<KnownPoint> sorted = validatePoints(List.of(point));
        KnownPoint p = sorted.get(0);
        for (Integer year : new Integer[] {from, to}) {
            if (year != null && year != p.year()) {
                checkYear(year, year.equals(from) ? "from" : "to");
                throw new ForecastInputException(year.equals(from) ? "from" : "to", "the forecast gives one value ("
                        + p.year() + ") and no growth rate: no other year can be derived from it");
            }
        }
        return new ForecastCalculation(p.year(), p.value(), p.year(), p.value(), Double.NaN, 1.0, null, null, false,
                null, List.of(point(p.year(), p.value(), Double.NaN, SeriesPoint.REPORTED, POINTS)));
    }

    /**
     * Calculation from a base value and a CAGR, e.g. "USD 6bn in 2023 growing 57.3% a year to 2030".
     *
     * <p>The base year is the only published value ("reported"); every other year, including the target
     * year, is computed as baseValue * (1+cagr)^(year-baseYear) and marked "extrapolated", so consensus
     * never treats these projections as published data. The target may lie before the base. The series
     * defaults to the span between base and target. {@code statedCagr} echoes {@code cagr} with a gap of
     * 0 (the rate is the definition here), and there is no fit (two points, one of them derived).
     *
     * @throws ForecastInputException on invalid input or a non-finite result
     */
    public static ForecastCalculation fromCagr(int baseYear, double baseValue, double cagr, int targetYear,
                                               Integer from, Integer to) {
        checkYear(baseYear, "baseYear");
        checkValue(baseValue, "baseValue");
        checkCagr(cagr, "cagr");
        checkYear(targetYear, "targetYear");
        int lo = Math.min(baseYear, targetYear);
        int hi = Math.max(baseYear, targetYear);
        int start = from == null ? lo : from;
        int end = to == null ? hi : to;
        checkRange(start, end);

        double logRate = Math.log1p(cagr);
        double targetValue = grow(baseValue, logRate, targetYear - baseYear);
        checkResult(targetValue, "cagr");

        List<SeriesPoint> series = new ArrayList<>(end - start + 1);
        double prev = Double.NaN;
        for (int y = start; y <= end; y++) {
            // Same expression as targetValue, so the target year is reproduced bit for bit.
            double value = y == baseYear ? baseValue : grow(baseValue, logRate, y - baseYear);
            String kind = y == baseYear ? SeriesPoint.REPORTED : SeriesPoint.EXTRAPOLATED;
            String field = y < lo ? "from" : y > hi ? "to" : "cagr";
            series.add(point(y, value, prev, kind, field));
            prev = value;
        }

        double firstValue = baseYear <= targetYear ? baseValue : targetValue;
        double lastValue = baseYear <= targetYear ? targetValue : baseValue;
        double multiple = lastValue / firstValue;
        checkResult(multiple, "cagr");
        return new ForecastCalculation(lo, firstValue, hi, lastValue, cagr, multiple,
                cagr, 0.0, false, null, series);
    }

    /** value * e^(logRate * years), i.e. value * (1+cagr)^years without forming 1+cagr. */
    private static double grow(double value, double logRate, int years) {
        return value * Math.exp(logRate * years);
    }

    private static SeriesPoint point(int year, double value, double prev, String kind, String field) {
        checkResult(value, field);
        Double yoy = null;
        if (!Double.isNaN(prev)) {
            yoy = value / prev - 1.0;
            if (!Double.isFinite(yoy)) {
                throw new ForecastInputException(field, "growth into " + year + " is not a finite number");
            }
        }
        return new SeriesPoint(year, value, yoy, kind);
    }

    /** Log-linear least squares over the known points; null below 3 points where a fit says nothing. */
    static Fit fit(List<KnownPoint> sorted) {
        int n = sorted.size();
        if (n < 3) {
            return null;
        }
        // Centred sums: years around 2000 would otherwise swamp the variance in double precision.
        double meanX = 0;
        double meanY = 0;
        for (KnownPoint p : sorted) {
            meanX += p.year();
            meanY += Math.log(p.value());
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (KnownPoint p : sorted) {
            double dx = p.year() - meanX;
            double dy = Math.log(p.value()) - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double slope = sxy / sxx;
        // r2 = Sxy^2/(Sxx*Syy) equals 1 - SSres/SStot for a least-squares line and avoids cancellation.
        // Constant values are fitted perfectly by a flat line.
        double r2 = syy == 0 ? 1.0 : Math.min(1.0, (sxy * sxy) / (sxx * syy));
        double growth = Math.expm1(slope);
        if (!Double.isFinite(growth)) {
            throw new ForecastInputException(POINTS, "fitted growth rate is not a finite number");
        }
        return new Fit(growth, r2, n);
    }

    private static List<KnownPoint> validatePoints(List<KnownPoint> points) {
        if (points == null || points.isEmpty()) {
            throw new ForecastInputException(POINTS, "at least one known point is required");
        }
        if (points.size() > MAX_POINTS) {
            throw new ForecastInputException(POINTS,
                    "at most " + MAX_POINTS + " known points are allowed, got " + points.size());
        }
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            KnownPoint p = points.get(i);
            String name = POINTS + "[" + i + "]";
            if (p == null) {
                throw new ForecastInputException(name, "must not be null");
            }
            checkYear(p.year(), name + ".year");
            checkValue(p.value(), name + ".value");
            Integer earlier = seen.putIfAbsent(p.year(), i);
            if (earlier != null) {
                throw new ForecastInputException(name + ".year",
                        "year " + p.year() + " already given by " + POINTS + "[" + earlier + "]");
            }
        }
        List<KnownPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingInt(KnownPoint::year));
        return sorted;
    }

    static void checkYear(int year, String field) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new ForecastInputException(field,
                    "year " + year + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
    }

    private static void checkValue(double value, String field) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new ForecastInputException(field, "value must be a finite number > 0, got " + value);
        }
    }

    private static void checkCagr(double cagr, String field) {
        if (!Double.isFinite(cagr) || cagr <= -1) {
            throw new ForecastInputException(field,
                    "CAGR must be a finite fraction above -1 (-100%), got " + cagr);
        }
    }

    static void checkRange(int from, int to) {
        checkYear(from, "from");
        checkYear(to, "to");
        if (from > to) {
            throw new ForecastInputException("from", "from " + from + " is after to " + to);
        }
    }

    private static void checkResult(double value, String field) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new ForecastInputException(field,
                    "the computed value is out of range (" + value + "); shorten the range or lower the rate");
        }
    }
}
