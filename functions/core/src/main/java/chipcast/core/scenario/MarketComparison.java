package chipcast.core.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Side-by-side comparison of 2..10 market forecasts over a year range. */
public final class MarketComparison {
    static final int MAX_YEARS = 101;

    /** What a comparison must say about a forecast besides its numbers: its market key, definition and edition. */
    public record Definition(String forecastId, String market, String marketDefinition, String scope,
                             String supersededBy) {
    }

    private MarketComparison() {
    }

    /**
     * The warnings a comparison carries: forecasts of different market keys (their values measure different things),
     * of one key but different definitions (each one's scope), and superseded editions (a later one exists).
     */
    public static List<String> warnings(List<Definition> forecasts) {
        List<String> warnings = new ArrayList<>();
        Set<String> markets = new LinkedHashSet<>();
        Set<String> definitions = new HashSet<>();
        forecasts.forEach(f -> {
            markets.add(f.market());
            definitions.add(f.marketDefinition());
        });
        if (markets.size() > 1) {
            warnings.add("different markets: " + String.join(", ", forecasts.stream()
                    .map(f -> f.forecastId() + " (" + f.market() + ")").toList())
                    + "; their values measure different things and their gaps and ratios are not market differences");
        } else if (definitions.size() > 1) {
            warnings.add("different market definitions under " + markets.iterator().next() + ": " + String.join("; ",
                    forecasts.stream().map(f -> f.forecastId() + ": " + (f.scope() != null ? f.scope() : f.marketDefinition()))
                            .toList()) + "; part of any gap is what each publisher counts");
        }
        for (Definition f : forecasts) {
            if (f.supersededBy() != null) {
                warnings.add(f.forecastId() + " is superseded by " + f.supersededBy()
                        + ", a later edition of the same publisher's series");
            }
        }
        return warnings;
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
            List<Integer> projected = s.extrapolatedYears().stream().filter(y -> y >= from && y <= to).toList();
            String projectedNote = projected.isEmpty() ? null : "includes " + projected.size() + " year(s) the source did"
                    + " not publish, extrapolated at its implied CAGR: " + projected;
            summaries.add(missing.isEmpty()
                    ? new MarketComparisonResult.SourceSummary(s.forecastId(), s.cagr(), sum, projectedNote, projected)
                    : new MarketComparisonResult.SourceSummary(s.forecastId(), s.cagr(), null,
                    "no value for " + missing + "; the cumulative sum needs every year of " + from + ".." + to, projected));
        }
        return new MarketComparisonResult(from, to, List.copyOf(forecastIds), List.copyOf(rows),
                List.copyOf(summaries));
    }
}
