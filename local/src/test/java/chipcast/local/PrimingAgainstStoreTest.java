package chipcast.local;

import chipcast.core.snapstart.Priming;
import chipcast.recalc.RecalculationHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SnapStart priming of each API function runs its real request path against the seeded store: the
 * event's bytes through the handler, one GetItem, the response's bytes read back (a failed priming would
 * only be logged, so the store calls are what show it ran); the recalculation's runs a run's reads only.
 * Functional, not timed.
 */
class PrimingAgainstStoreTest {
    @Test
    void eachApiFunctionsPrimingDoesOneGetItem() {
        Map<String, byte[]> primed = Map.of(
                "ChipSpecFunction", Priming.apiGet("GET /chips/{chipId}", "/chips/nvidia-h100-sxm",
                        Map.of("chipId", "nvidia-h100-sxm")),
                "ForecastFunction", Priming.apiGet("GET /forecasts/{forecastId}", "/forecasts/vmr-2024-inference-chips",
                        Map.of("forecastId", "vmr-2024-inference-chips")),
                "ScenarioFunction", Priming.apiGet("GET /scenarios/{scenarioId}", "/scenarios/gtc-2024-training",
                        Map.of("scenarioId", "gtc-2024-training")));
        primed.forEach((function, event) -> {
            Priming priming = new Priming((RequestStreamHandler) TestStack.handler(function), () -> event);
            TestStack.resetCounter();

            priming.beforeCheckpoint(null);

            assertEquals(1, priming.runs(), function + " primed");
            assertEquals(Map.of("GetItem", 1), TestStack.COUNTER.snapshot(), function + " store calls");
        });
    }

    @Test
    void theRecalculationsPrimingReadsLikeARunAndWritesNothing() {
        RecalculationHandler handler = (RecalculationHandler) TestStack.handler("RecalculationFunction");
        Priming priming = new Priming(handler.primingPath());
        TestStack.resetCounter();

        priming.beforeCheckpoint(null);

        assertEquals(1, priming.runs());
        // Forecasts and rates (one Query each), the stored versions (one BatchGetItem); no PutItem.
        assertEquals(Map.of("Query", 2, "BatchGetItem", 1), TestStack.COUNTER.snapshot());
    }
}
