package chipcast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurrencyConverterTest {

    private static final ForecastCalculation VMR = ForecastCalculator.fromPoints(
            List.of(new KnownPoint(2023, 15.8), new KnownPoint(2030, 90.6)), 0.2825, null, 2031);
    private static final CurrencyRate KRW = new CurrencyRate("KRW", 1340.2, "2024-01-02", "test fixture");

    @Test
    void vmrInKrw() {
        ForecastCalculation krw = CurrencyConverter.convert(VMR, KRW);
        assertEquals(21175.16, krw.firstValue(), 1e-6);
        assertEquals(121422.12, krw.lastValue(), 1e-6);
        assertEquals(21175.16, krw.series().get(0).value(), 1e-6);
        assertEquals(121422.12, krw.series().get(7).value(), 1e-6);
        assertEquals(VMR.series().get(8).value() * 1340.2, krw.series().get(8).value(), 1e-6);
    }

    @Test
    void ratesAndShapeAreUnchanged() {
        ForecastCalculation krw = CurrencyConverter.convert(VMR, 1340.2);
        assertEquals(VMR.cagr(), krw.cagr());
        assertEquals(VMR.multiple(), krw.multiple());
        assertEquals(VMR.statedCagr(), krw.statedCagr());
        assertEquals(VMR.statedCagrGapPoints(), krw.statedCagrGapPoints());
        assertEquals(VMR.statedCagrDiffers(), krw.statedCagrDiffers());
        assertEquals(VMR.firstYear(), krw.firstYear());
        assertEquals(VMR.lastYear(), krw.lastYear());
        assertEquals(VMR.series().size(), krw.series().size());
        for (int i = 0; i < VMR.series().size(); i++) {
            SeriesPoint a = VMR.series().get(i);
            SeriesPoint b = krw.series().get(i);
            assertEquals(a.year(), b.year());
            assertEquals(a.kind(), b.kind());
            assertEquals(a.yoyGrowth(), b.yoyGrowth());
            assertEquals(a.value() * 1340.2, b.value(), 1e-9 * b.value());
        }
    }

    @Test
    void invalidFactorOrRate() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("factor", assertThrows(ForecastInputException.class,
                    () -> CurrencyConverter.convert(VMR, bad)).field());
            assertEquals("perUsd", assertThrows(ForecastInputException.class,
                    () -> new CurrencyRate("KRW", bad, "2024-01-02", "x")).field());
        }
        assertEquals("currency", assertThrows(ForecastInputException.class,
                () -> new CurrencyRate(" ", 1.0, "2024-01-02", "x")).field());
        assertEquals("factor", assertThrows(ForecastInputException.class,
                () -> CurrencyConverter.convert(VMR, 1e308)).field());
    }
}
