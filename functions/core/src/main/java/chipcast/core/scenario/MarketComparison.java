package chipcast.core.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Side-by-side comparison of 2..10 market forecasts over a year range. */
public final class MarketComparison {
    static final int MAX_YEARS = 101;

    private MarketComparison() {
    }

    public static MarketComparisonResult compare(List<MarketSeries> sources, int from, int to) {
        Checks.list("sources", sources, 2, 10);
        if (to < from) {
            throw new ScenarioInputException("to", "must not be before from (" + from + "), got " + to);
        }
        if ((long) to - from + 1 > MAX_YEARS) {
            throw new ScenarioInputException("to", "range may span at most " + MAX_YEARS + " years");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            MarketSeries s = sources.get(i);
            String f = "sources[" + i + "]";
            Checks.text(f + ".forecastId", s.forecastId());
            if (!ids.add(s.forecastId())) {
                throw new ScenarioInputException(f + ".forecastId", "duplicate forecast " + s.forecastId());
            }
            if (s.cagr() != null && !Double.isFinite(s.cagr())) {
                throw new ScenarioInputException(f + ".cagr", "must be a finite number");
            }
            if (s.valuesByYear() == null) {
                throw new ScenarioInputException(f + ".valuesByYear", "must not be null");
            }
            for (Map.Entry<Integer, Double> e : s.valuesByYear().entrySet()) {
                if (e.getKey() == null) {
                    throw new ScenarioInputException(f + ".valuesByYear", "year must not be null");
                }
                if (e.getValue() != null && !Double.isFinite(e.getValue())) {
                    throw new ScenarioInputException(f + ".valuesByYear[" + e.getKey() + "]", "must be finite");
                }
            }
        }

        List<MarketComparisonResult.YearRow> rows = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            Double first = sources.get(0).valuesByYear().get(year);
            List<MarketComparisonResult.Cell> cells = new ArrayList<>();
            for (MarketSeries s : sources) {
                Double v = s.valuesByYear().get(year);
                Double gap = v == null || first == null ? null : v - first;
                cells.add(new MarketComparisonResult.Cell(s.forecastId(), v, gap, Checks.ratio(v, first)));
            }
            rows.add(new MarketComparisonResult.YearRow(year, List.copyOf(cells)));
        }

        List<MarketComparisonResult.SourceSummary> summaries = new ArrayList<>();
        List<String> forecastIds = new ArrayList<>();
        for (MarketSeries s : sources) {
            forecastIds.add(s.forecastId());
            // Summing over a gap would silently understate the total, so a gap gives null plus the reason.
            List<Integer> missing = new ArrayList<>();
            double sum = 0;
            for (int year = from; year <= to; year++) {
                Double v = s.valuesByYear().get(year);
                if (v == null) {
                    missing.add(year);
                } else {
                    sum += v;
                }
            }
            summaries.add(missing.isEmpty()
                    ? new MarketComparisonResult.SourceSummary(s.forecastId(), s.cagr(), sum, null)
                    : new MarketComparisonResult.SourceSummary(s.forecastId(), s.cagr(), null,
                    "no value for " + missing + "; the cumulative sum needs every year of " + from + ".." + to));
        }
        return new MarketComparisonResult(from, to, List.copyOf(forecastIds), List.copyOf(rows),
                List.copyOf(summaries));
    }
}
