package chipcast.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketComparisonTest {
    // The Sisa Week (March 2024) figures in forecasts.json: VMR 15.8 -> 90.6, KB 6 -> 143 (USD bn, 2023 -> 2030).
    private static final MarketSeries VMR = new MarketSeries("vmr-2024-inference-chips", 0.284,
            Map.of(2023, 15.8, 2030, 90.6));
    private static final MarketSeries KB = new MarketSeries("kb-2024-inference-chips", 0.575,
            Map.of(2023, 6.0, 2030, 143.0));

    @Test
    void ratioAndGapToFirstSource() {
        MarketComparisonResult r = MarketComparison.compare(List.of(VMR, KB), 2023, 2030);
        assertEquals(8, r.years().size());
        MarketComparisonResult.YearRow y2030 = r.years().get(7);
        assertEquals(2030, y2030.year());
        MarketComparisonResult.Cell kb = y2030.values().get(1);
        assertEquals(143.0 / 90.6, kb.ratioToFirst(), 1e-12);
        assertEquals(143.0 - 90.6, kb.gapToFirst(), 1e-12);
        assertEquals(1.0, y2030.values().get(0).ratioToFirst(), 0);
        // 2025 is in neither source: values, gaps and ratios are null, not zero.
        MarketComparisonResult.Cell kb2025 = r.years().get(2).values().get(1);
        assertNull(kb2025.value());
        assertNull(kb2025.ratioToFirst());
        assertEquals(0.575, r.sources().get(1).cagr(), 0);
    }

    @Test
    void cumulativeOnlyWhenEveryYearIsCovered() {
        Map<Integer, Double> full = new HashMap<>();
        full.put(2023, 1.0);
        full.put(2024, 2.0);
        full.put(2025, 3.5);
        MarketSeries a = new MarketSeries("a", 0.1, full);
        MarketComparisonResult r = MarketComparison.compare(List.of(a, KB), 2023, 2025);
        assertEquals(6.5, r.sources().get(0).cumulative(), 1e-12);
        assertNull(r.sources().get(0).cumulativeNote());
        assertNull(r.sources().get(1).cumulative());
        assertTrue(r.sources().get(1).cumulativeNote().contains("[2024, 2025]"));
    }

    @Test
    void boundsNameTheField() {
        assertEquals("sources", assertThrows(ScenarioInputException.class,
                () -> MarketComparison.compare(List.of(VMR), 2023, 2030)).field());
        assertEquals("sources", assertThrows(ScenarioInputException.class,
                () -> MarketComparison.compare(List.of(VMR, KB, VMR, KB, VMR, KB, VMR, KB, VMR, KB, VMR), 2023, 2030))
                .field());
        assertEquals("to", assertThrows(ScenarioInputException.class,
                () -> MarketComparison.compare(List.of(VMR, KB), 2030, 2023)).field());
        assertEquals("to", assertThrows(ScenarioInputException.class,
                () -> MarketComparison.compare(List.of(VMR, KB), 1900, 2100)).field());
        assertEquals("sources[1].forecastId", assertThrows(ScenarioInputException.class,
                () -> MarketComparison.compare(List.of(VMR, VMR), 2023, 2030)).field());
        assertEquals("sources[1].cagr", assertThrows(ScenarioInputException.class,
                () -> MarketComparison.compare(List.of(VMR, new MarketSeries("x", Double.NaN, Map.of())), 2023, 2030))
                .field());
        assertEquals("sources[1].valuesByYear[2030]", assertThrows(ScenarioInputException.class,
                () -> MarketComparison.compare(List.of(VMR,
                        new MarketSeries("x", 0.1, Map.of(2030, Double.POSITIVE_INFINITY))), 2023, 2030)).field());
    }
}
