package chipcast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ForecastValidationTest {

    private static final KnownPoint P2023 = new KnownPoint(2023, 15.8);
    private static final KnownPoint P2030 = new KnownPoint(2030, 90.6);

    private static void rejects(String field, Executable call) {
        ForecastInputException e = assertThrows(ForecastInputException.class, call);
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": "), "message names the field: " + e.getMessage());
    }

    private static void rejectsPoints(String field, List<KnownPoint> points) {
        rejects(field, () -> ForecastCalculator.fromPoints(points, null, null, null));
    }

    @Test
    void noPoints() {
        rejectsPoints("knownPoints", List.of());
        rejectsPoints("knownPoints", null);
    }

    @Test
    void nullPoint() {
        List<KnownPoint> pts = new ArrayList<>();
        pts.add(P2023);
        pts.add(null);
        rejectsPoints("knownPoints[1]", pts);
    }

    @Test
    void tooManyPoints() {
        List<KnownPoint> pts = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            pts.add(new KnownPoint(1990 + i % 111, 1.0 + i));
        }
        rejectsPoints("knownPoints", pts);
    }

    @Test
    void exactlyTheMaximumNumberOfPointsIsCountedNotRejected() {
        // 200 points always repeat a year in 1990..2100, so the count check passes and the duplicate is named.
        List<KnownPoint> pts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pts.add(new KnownPoint(1990 + i % 111, 1.0 + i));
        }
        rejectsPoints("knownPoints[111].year", pts);
    }

    @Test
    void yearsOutsideBounds() {
        rejectsPoints("knownPoints[1].year", List.of(P2023, new KnownPoint(1989, 1)));
        rejectsPoints("knownPoints[0].year", List.of(new KnownPoint(2101, 1), P2023));
        assertDoesNotThrow(() -> ForecastCalculator.fromPoints(
                List.of(new KnownPoint(1990, 1), new KnownPoint(2100, 2)), null, null, null));
    }

    @Test
    void valuesNotFiniteOrNotPositive() {
        for (double bad : new double[] {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            rejectsPoints("knownPoints[2].value", List.of(P2023, P2030, new KnownPoint(2025, bad)));
        }
    }

    @Test
    void duplicateYears() {
        rejectsPoints("knownPoints[2].year", List.of(P2023, P2030, new KnownPoint(2023, 16)));
    }

    @Test
    void statedCagrNotFiniteOrAtMostMinus100Percent() {
        for (double bad : new double[] {-1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            rejects("statedCagrPercent", () -> ForecastCalculator.fromPoints(List.of(P2023, P2030), bad, null, null));
        }
        assertDoesNotThrow(() -> ForecastCalculator.fromPoints(List.of(P2023), -0.999, null, 2030));
    }

    @Test
    void fromCagrFields() {
        for (double bad : new double[] {-1.0, -2.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            rejects("cagr", () -> ForecastCalculator.fromCagr(2023, 6, bad, 2030, null, null));
        }
        rejects("baseYear", () -> ForecastCalculator.fromCagr(1989, 6, 0.5, 2030, null, null));
        rejects("targetYear", () -> ForecastCalculator.fromCagr(2023, 6, 0.5, 2101, null, null));
        rejects("baseValue", () -> ForecastCalculator.fromCagr(2023, 0, 0.5, 2030, null, null));
        rejects("baseValue", () -> ForecastCalculator.fromCagr(2023, Double.NaN, 0.5, 2030, null, null));
    }

    @Test
    void fromAfterTo() {
        rejects("from", () -> ForecastCalculator.fromPoints(List.of(P2023, P2030), null, 2030, 2025));
        rejects("from", () -> ForecastCalculator.fromCagr(2023, 6, 0.5, 2030, 2031, 2030));
        // Default from (2023) after an explicit to.
        rejects("from", () -> ForecastCalculator.fromPoints(List.of(P2023, P2030), null, null, 2020));
    }

    @Test
    void fromOrToOutsideBounds() {
        rejects("from", () -> ForecastCalculator.fromPoints(List.of(P2023, P2030), null, 1980, null));
        rejects("to", () -> ForecastCalculator.fromPoints(List.of(P2023, P2030), null, null, 2200));
        rejects("to", () -> ForecastCalculator.fromCagr(2023, 6, 0.5, 2030, null, 2101));
    }

    @Test
    void theWholeYearRangeIsOneValidSeries() {
        // The 200-year span guard is gone with MAX_RANGE_YEARS: years are bounded to 1990..2100, so every range fits.
        assertDoesNotThrow(() -> ForecastCalculator.fromPoints(List.of(P2023, P2030), null, ForecastCalculator.MIN_YEAR,
                ForecastCalculator.MAX_YEAR));
    }

    @Test
    void overflowingExtrapolationIsRejectedNamingTo() {
        // 1e300 growing 100x a year overflows long before 2100.
        rejects("to", () -> ForecastCalculator.fromPoints(
                List.of(new KnownPoint(2020, 1e298), new KnownPoint(2021, 1e300)), null, null, 2100));
    }

    @Test
    void underflowingBackwardExtrapolationIsRejectedNamingFrom() {
        rejects("from", () -> ForecastCalculator.fromPoints(
                List.of(new KnownPoint(2020, 1e-300), new KnownPoint(2021, 1e-298)), null, 1990, null));
    }

    @Test
    void overflowingCagrProjectionIsRejectedNamingCagr() {
        rejects("cagr", () -> ForecastCalculator.fromCagr(1990, 1e300, 1e10, 2100, null, null));
        rejects("to", () -> ForecastCalculator.fromCagr(2090, 1e300, 1e3, 2091, null, 2100));
    }

    @Test
    void impliedGrowthTooLargeIsRejectedNamingPoints() {
        rejectsPoints("knownPoints", List.of(new KnownPoint(2020, Double.MIN_VALUE), new KnownPoint(2021, 1e308)));
    }

    @Test
    void yoyOverflowBetweenFiniteValuesIsRejected() {
        // Overall rate is 0, but the middle year jumps by 1e600.
        rejectsPoints("knownPoints", List.of(new KnownPoint(2020, 1e-300), new KnownPoint(2021, 1e300),
                new KnownPoint(2022, 1e-300)));
    }
}
