package chipcast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusCalculatorTest {

    private static SeriesPoint p(int year, double value, String kind) {
        return new SeriesPoint(year, value, null, kind);
    }

    private static final String R = SeriesPoint.REPORTED;
    private static final String I = SeriesPoint.INTERPOLATED;
    private static final String E = SeriesPoint.EXTRAPOLATED;

    // a: 2023..2026, b: 2024..2025 then extrapolated 2026, c: 2024..2027.
    private static final List<ConsensusSource> THREE = List.of(
            new ConsensusSource("a", List.of(p(2023, 10, R), p(2024, 20, I), p(2025, 30, I), p(2026, 40, R))),
            new ConsensusSource("b", List.of(p(2024, 50, R), p(2025, 5, R), p(2026, 999, E))),
            new ConsensusSource("c", List.of(p(2024, 35, R), p(2025, 25, I), p(2026, 60, I), p(2027, 70, R))));

    private static void assertYear(ConsensusYear y, int year, double min, double max, double median,
                                   List<String> ids) {
        assertEquals(year, y.year());
        assertEquals(min, y.min(), 0.0, "min " + year);
        assertEquals(max, y.max(), 0.0, "max " + year);
        assertEquals(median, y.median(), 1e-12, "median " + year);
        assertEquals(ids.size(), y.count(), "count " + year);
        assertEquals(ids, y.forecastIds(), "ids " + year);
    }

    @Test
    void threeSourcesPerYear() {
        List<ConsensusYear> years = ConsensusCalculator.compute(THREE, 2020, 2030);
        assertEquals(5, years.size(), "uncovered years 2020-2022 and 2028-2030 are omitted");
        assertYear(years.get(0), 2023, 10, 10, 10, List.of("a"));       // one source only
        assertYear(years.get(1), 2024, 20, 50, 35, List.of("a", "b", "c"));
        assertYear(years.get(2), 2025, 5, 30, 25, List.of("a", "b", "c"));
        // b's 2026 is extrapolated: not counted, so its 999 does not move max or median.
        assertYear(years.get(3), 2026, 40, 60, 50, List.of("a", "c")); // even count: mean of 40 and 60
        assertYear(years.get(4), 2027, 70, 70, 70, List.of("c"));
    }

    @Test
    void rangeRestrictsYears() {
        List<ConsensusYear> years = ConsensusCalculator.compute(THREE, 2025, 2025);
        assertEquals(1, years.size());
        assertEquals(2025, years.get(0).year());
    }

    @Test
    void evenCountMedianIsMeanOfMiddleTwo() {
        assertEquals(2.5, ConsensusCalculator.median(new double[] {1, 2, 3, 100}), 0.0);
        assertEquals(3.0, ConsensusCalculator.median(new double[] {1, 3, 100}), 0.0);
        assertEquals(Double.MAX_VALUE, ConsensusCalculator.median(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}));
    }

    @Test
    void worksFromCalculations() {
        ForecastCalculation vmr = ForecastCalculator.fromPoints(
                List.of(new KnownPoint(2023, 15.8), new KnownPoint(2030, 90.6)), null, null, 2032);
        ForecastCalculation kb = ForecastCalculator.fromPoints(
                List.of(new KnownPoint(2023, 6), new KnownPoint(2030, 143)), null, null, null);
        List<ConsensusYear> years = ConsensusCalculator.compute(
                List.of(ConsensusSource.of("vmr", vmr), ConsensusSource.of("kb", kb)), 2023, 2032);
        assertEquals(8, years.size(), "vmr's extrapolated 2031-2032 do not count");
        ConsensusYear y2030 = years.get(7);
        assertEquals(2030, y2030.year());
        assertEquals(90.6, y2030.min());
        assertEquals(143.0, y2030.max());
        assertEquals((90.6 + 143) / 2, y2030.median(), 1e-12);
        for (ConsensusYear y : years) {
            assertTrue(y.min() <= y.median() && y.median() <= y.max());
        }
    }

    @Test
    void noSourcesGivesNoYears() {
        assertEquals(List.of(), ConsensusCalculator.compute(List.of(), 2020, 2030));
    }

    @Test
    void validation() {
        assertEquals("from", assertThrows(ForecastInputException.class,
                () -> ConsensusCalculator.compute(THREE, 2030, 2020)).field());
        assertEquals("to", assertThrows(ForecastInputException.class,
                () -> ConsensusCalculator.compute(THREE, 2020, 2101)).field());
        assertEquals("sources", assertThrows(ForecastInputException.class,
                () -> ConsensusCalculator.compute(null, 2020, 2030)).field());
        assertEquals("sources[1].sourceId", assertThrows(ForecastInputException.class,
                () -> ConsensusCalculator.compute(List.of(THREE.get(0), THREE.get(0)), 2020, 2030)).field());
        assertEquals("sources[0].sourceId", assertThrows(ForecastInputException.class,
                () -> ConsensusCalculator.compute(List.of(new ConsensusSource("", List.of())), 2020, 2030)).field());
        assertEquals("sources[0].series[1].year", assertThrows(ForecastInputException.class,
                () -> ConsensusCalculator.compute(List.of(new ConsensusSource("x",
                        List.of(p(2024, 1, R), p(2024, 2, R)))), 2020, 2030)).field());
        assertEquals("sources[0].series[0].value", assertThrows(ForecastInputException.class,
                () -> ConsensusCalculator.compute(List.of(new ConsensusSource("x",
                        List.of(p(2024, Double.NaN, R)))), 2020, 2030)).field());
    }
}
