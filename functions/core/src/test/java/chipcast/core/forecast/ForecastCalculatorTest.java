package chipcast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastCalculatorTest {

    private static final List<KnownPoint> VMR = List.of(new KnownPoint(2023, 15.8), new KnownPoint(2030, 90.6));

    private static void assertRel(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(actual - expected) <= rel * Math.abs(expected),
                what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void verifiedMarketResearchImpliedCagrAndMultiple() {
        ForecastCalculation c = ForecastCalculator.fromPoints(VMR, null, null, null);
        assertEquals(0.2834, c.cagr(), 5e-5);
        // Independent formula, tighter than the published rounding.
        assertEquals(Math.pow(90.6 / 15.8, 1.0 / 7) - 1, c.cagr(), 1e-12);
        assertEquals(90.6 / 15.8, c.multiple(), 1e-12);
        assertEquals(5.734, c.multiple(), 5e-4);
        assertEquals(2023, c.firstYear());
        assertEquals(15.8, c.firstValue());
        assertEquals(2030, c.lastYear());
        assertEquals(90.6, c.lastValue());
        assertNull(c.statedCagr());
        assertNull(c.statedCagrGapPoints());
        assertFalse(c.statedCagrDiffers());
        assertNull(c.fit(), "no fit below 3 points");
        assertEquals(8, c.series().size());
    }

    @Test
    void kbResearchImpliedCagrAndMultiple() {
        ForecastCalculation c = ForecastCalculator.fromPoints(
                List.of(new KnownPoint(2030, 143), new KnownPoint(2023, 6)), null, null, null);
        assertEquals(0.5730, c.cagr(), 5e-5);
        assertEquals(143.0 / 6, c.multiple(), 1e-9);
        assertEquals(23.83, c.multiple(), 5e-3);
        assertEquals(2023, c.firstYear(), "points are sorted internally");
    }

    @Test
    void interpolatedYearsLieOnTheGeometricPath() {
        ForecastCalculation c = ForecastCalculator.fromPoints(VMR, null, null, null);
        List<SeriesPoint> s = c.series();
        assertEquals(SeriesPoint.REPORTED, s.get(0).kind());
        assertEquals(15.8, s.get(0).value());
        assertNull(s.get(0).yoyGrowth());
        assertEquals(SeriesPoint.REPORTED, s.get(7).kind());
        assertEquals(90.6, s.get(7).value());
        for (int i = 1; i < 7; i++) {
            SeriesPoint p = s.get(i);
            assertEquals(2023 + i, p.year());
            assertEquals(SeriesPoint.INTERPOLATED, p.kind());
            assertRel(15.8 * Math.pow(1 + c.cagr(), i), p.value(), 1e-9, "value " + p.year());
            assertEquals(c.cagr(), p.yoyGrowth(), 1e-9, "yoy " + p.year());
        }
        assertEquals(c.cagr(), s.get(7).yoyGrowth(), 1e-9);
    }

    @Test
    void interpolationUsesTheNeighbouringSegmentNotTheOverallRate() {
        // 2020 100 -> 2022 400 (100%/yr) -> 2024 400 (flat): 2021 = 200, 2023 = 400.
        ForecastCalculation c = ForecastCalculator.fromPoints(List.of(
                new KnownPoint(2020, 100), new KnownPoint(2022, 400), new KnownPoint(2024, 400)),
                null, null, null);
        assertRel(200, c.series().get(1).value(), 1e-12, "2021");
        assertRel(400, c.series().get(3).value(), 1e-12, "2023");
        assertEquals(1.0, c.series().get(1).yoyGrowth(), 1e-12);
        assertEquals(0.0, c.series().get(3).yoyGrowth(), 1e-12);
    }

    @Test
    void statedCagrFarFromImpliedIsFlagged() {
        ForecastCalculation c = ForecastCalculator.fromPoints(
                List.of(new KnownPoint(2024, 31.00361), new KnownPoint(2032, 167.35701)), 0.2825, null, null);
        double implied = Math.pow(167.35701 / 31.00361, 1.0 / 8) - 1;
        assertEquals(implied, c.cagr(), 1e-12);
        assertEquals(0.234608, c.cagr(), 1e-6);
        assertEquals(0.2825, c.statedCagr());
        assertNotNull(c.statedCagrGapPoints());
        assertEquals((implied - 0.2825) * 100, c.statedCagrGapPoints(), 1e-9);
        assertEquals(-4.789237, c.statedCagrGapPoints(), 1e-6);
        assertTrue(c.statedCagrDiffers());
    }

    @Test
    void statedCagrCloseToImpliedIsNotFlagged() {
        // VMR implies 28.337%; a stated 28.0% is 0.34 points away.
        ForecastCalculation c = ForecastCalculator.fromPoints(VMR, 0.28, null, null);
        assertEquals(0.3373, c.statedCagrGapPoints(), 1e-4);
        assertFalse(c.statedCagrDiffers());
        // 27.8% is 0.54 points away: flagged, so the 0.5 threshold is really applied.
        assertTrue(ForecastCalculator.fromPoints(VMR, 0.278, null, null).statedCagrDiffers());
    }

    @Test
    void gartnerFitOverFourPoints() {
        ForecastCalculation c = ForecastCalculator.fromPoints(List.of(
                new KnownPoint(2022, 44.2), new KnownPoint(2023, 53.4),
                new KnownPoint(2024, 67.1), new KnownPoint(2027, 119.4)), null, null, null);
        Fit fit = c.fit();
        assertNotNull(fit);
        assertEquals(4, fit.points());
        assertTrue(fit.r2() > 0.9 && fit.r2() <= 1.0, "r2 " + fit.r2());
        // Reference values from an independent least-squares computation.
        assertEquals(0.999177, fit.r2(), 1e-6);
        assertEquals(0.220720, fit.annualGrowth(), 1e-6);
        assertEquals(SeriesPoint.INTERPOLATED, c.series().get(3).kind()); // 2025
        assertEquals(SeriesPoint.REPORTED, c.series().get(5).kind()); // 2027
    }

    @Test
    void exactlyGeometricPointsFitPerfectly() {
        List<KnownPoint> pts = List.of(new KnownPoint(2020, 10), new KnownPoint(2021, 13),
                new KnownPoint(2022, 16.9), new KnownPoint(2025, 10 * Math.pow(1.3, 5)));
        Fit fit = ForecastCalculator.fromPoints(pts, null, null, null).fit();
        assertEquals(1.0, fit.r2(), 1e-12);
        assertEquals(0.3, fit.annualGrowth(), 1e-12);
    }

    @Test
    void extrapolatesPastTheLastPointAtTheImpliedCagr() {
        ForecastCalculation c = ForecastCalculator.fromPoints(VMR, null, null, 2033);
        assertEquals(11, c.series().size());
        for (int y = 2031; y <= 2033; y++) {
            SeriesPoint p = c.series().get(y - 2023);
            assertEquals(y, p.year());
            assertEquals(SeriesPoint.EXTRAPOLATED, p.kind());
            assertEquals(c.cagr(), p.yoyGrowth(), 1e-12);
            assertRel(90.6 * Math.pow(1 + c.cagr(), y - 2030), p.value(), 1e-12, "value " + y);
        }
        assertEquals(2030, c.lastYear(), "lastYear is the last known point, not the series end");
    }

    @Test
    void extrapolatesBeforeTheFirstPointBackwards() {
        ForecastCalculation c = ForecastCalculator.fromPoints(VMR, null, 2021, 2024);
        List<SeriesPoint> s = c.series();
        assertEquals(List.of(2021, 2022, 2023, 2024), s.stream().map(SeriesPoint::year).toList());
        assertEquals(List.of("extrapolated", "extrapolated", "reported", "interpolated"),
                s.stream().map(SeriesPoint::kind).toList());
        assertRel(15.8 / Math.pow(1 + c.cagr(), 2), s.get(0).value(), 1e-12, "2021");
        assertNull(s.get(0).yoyGrowth());
        assertEquals(c.cagr(), s.get(1).yoyGrowth(), 1e-12);
    }

    @Test
    void extrapolationWithSeveralPointsUsesTheOverallRateNotTheLastSegment() {
        ForecastCalculation c = ForecastCalculator.fromPoints(List.of(
                new KnownPoint(2020, 100), new KnownPoint(2022, 400), new KnownPoint(2024, 400)),
                null, null, 2025);
        assertEquals(Math.sqrt(2) - 1, c.cagr(), 1e-12); // (400/100)^(1/4) - 1
        // The flat last segment would give 400; the overall rate gives 400 * sqrt(2).
        assertRel(400 * Math.sqrt(2), c.series().get(5).value(), 1e-12, "2025");
    }

    @Test
    void singlePointWithStatedCagr() {
        ForecastCalculation c = ForecastCalculator.fromPoints(
                List.of(new KnownPoint(2028, 500)), 0.60, 2026, 2030);
        assertEquals(0.60, c.cagr());
        assertEquals(1.0, c.multiple());
        assertEquals(2028, c.firstYear());
        assertEquals(2028, c.lastYear());
        assertNull(c.statedCagrGapPoints(), "nothing implied to compare with");
        assertFalse(c.statedCagrDiffers());
        List<SeriesPoint> s = c.series();
        assertRel(500 / 1.6 / 1.6, s.get(0).value(), 1e-12, "2026");
        assertEquals(500.0, s.get(2).value());
        assertEquals(SeriesPoint.REPORTED, s.get(2).kind());
        assertRel(500 * 1.6 * 1.6, s.get(4).value(), 1e-12, "2030");
        assertEquals(0.60, s.get(4).yoyGrowth(), 1e-12);
    }

    @Test
    void singlePointWithoutStatedCagrIsRejected() {
        ForecastInputException e = assertThrows(ForecastInputException.class,
                () -> ForecastCalculator.fromPoints(List.of(new KnownPoint(2028, 500)), null, null, null));
        assertEquals("statedCagrPercent", e.field());
    }

    @Test
    void subRangeInsideTheKnownPoints() {
        ForecastCalculation c = ForecastCalculator.fromPoints(VMR, null, 2025, 2026);
        assertEquals(2, c.series().size());
        assertNull(c.series().get(0).yoyGrowth(), "first year of the series has no yoy");
        assertRel(15.8 * Math.pow(1 + c.cagr(), 2), c.series().get(0).value(), 1e-12, "2025");
    }

    @Test
    void fromCagrKbResearch() {
        ForecastCalculation c = ForecastCalculator.fromCagr(2023, 6, 0.573, 2030, null, null);
        double target = 6 * Math.pow(1.573, 7);
        assertRel(target, c.lastValue(), 1e-12, "target");
        assertEquals(0.573, c.cagr());
        assertRel(Math.pow(1.573, 7), c.multiple(), 1e-12, "multiple");
        assertEquals(0.573, c.statedCagr());
        assertEquals(0.0, c.statedCagrGapPoints());
        assertFalse(c.statedCagrDiffers());
        assertNull(c.fit());
        List<SeriesPoint> s = c.series();
        assertEquals(8, s.size());
        assertEquals(SeriesPoint.REPORTED, s.get(0).kind());
        assertEquals(6.0, s.get(0).value());
        for (int i = 1; i < 8; i++) {
            assertEquals(SeriesPoint.EXTRAPOLATED, s.get(i).kind());
            assertEquals(0.573, s.get(i).yoyGrowth(), 1e-12);
        }
        assertEquals(c.lastValue(), s.get(7).value(), 0.0, "target reproduced exactly");
    }

    @Test
    void fromCagrTargetBeforeBase() {
        ForecastCalculation c = ForecastCalculator.fromCagr(2030, 143, 0.5, 2028, null, 2031);
        assertEquals(2028, c.firstYear());
        assertRel(143 / 2.25, c.firstValue(), 1e-12, "first");
        assertEquals(2030, c.lastYear());
        assertEquals(143.0, c.lastValue());
        assertEquals(4, c.series().size());
        assertEquals(SeriesPoint.REPORTED, c.series().get(2).kind());
        assertSame(c.series().get(2).kind(), SeriesPoint.REPORTED);
    }

    @Test
    void onePointWithoutAGrowthRateIsThatYearOnly() {
        ForecastCalculation c = ForecastCalculator.knownPointOnly(new KnownPoint(2030, 145), null, null);
        assertEquals(1, c.series().size());
        assertEquals(SeriesPoint.REPORTED, c.series().get(0).kind());
        assertEquals(145.0, c.series().get(0).value());
        assertTrue(Double.isNaN(c.cagr()), "no growth rate to report");
        assertEquals(1, ForecastCalculator.knownPointOnly(new KnownPoint(2030, 145), 2030, 2030).series().size());
        ForecastInputException e = assertThrows(ForecastInputException.class,
                () -> ForecastCalculator.knownPointOnly(new KnownPoint(2030, 145), null, 2032));
        assertEquals("to", e.field());
        assertTrue(e.getMessage().contains("one value (2030) and no growth rate"), e.getMessage());
        assertEquals("from", assertThrows(ForecastInputException.class,
                () -> ForecastCalculator.knownPointOnly(new KnownPoint(2030, 145), 2029, null)).field());
        assertEquals("from", assertThrows(ForecastInputException.class,
                () -> ForecastCalculator.knownPointOnly(new KnownPoint(2030, 145), 1800, null)).field());
    }
}
