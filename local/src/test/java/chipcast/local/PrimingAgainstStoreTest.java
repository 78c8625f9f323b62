package chipcast.local;

import chipcast.core.snapstart.Priming;
import chipcast.core.snapstart.PrimingEvents;
import chipcast.recalc.RecalculationHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                "ChipSpecFunction", PrimingEvents.get("GET /chips/{chipId}", "/chips/nvidia-h100-sxm",
                        Map.of("chipId", "nvidia-h100-sxm")),
                "ForecastFunction", PrimingEvents.get("GET /forecasts/{forecastId}", "/forecasts/vmr-2024-inference-chips",
                        Map.of("forecastId", "vmr-2024-inference-chips")),
                "ScenarioFunction", PrimingEvents.get("GET /scenarios/{scenarioId}", "/scenarios/gtc-2024-training",
                        Map.of("scenarioId", "gtc-2024-training")),
                "BenchmarkFunction", PrimingEvents.get("GET /benchmarks/{benchmarkId}",
                        "/benchmarks/mlperf-v5.1-nvidia-b200-sxm-180gbx8-trt-llama2-70b-99-offline",
                        Map.of("benchmarkId", "mlperf-v5.1-nvidia-b200-sxm-180gbx8-trt-llama2-70b-99-offline")));
        primed.forEach((function, event) -> {
            Priming priming = new Priming((RequestStreamHandler) TestStack.handler(function), () -> List.of(event), 1);
            TestStack.resetCounter();

            priming.beforeCheckpoint(null);

            assertEquals(1, priming.runs(), function + " primed");
            assertEquals(Map.of("GetItem", 1), TestStack.COUNTER.snapshot(), function + " store calls");
        });
    }

    @Test
    void theRecalculationsPrimingReadsLikeARunAndWritesNothing() {
        RecalculationHandler handler = (RecalculationHandler) TestStack.handler("RecalculationFunction");
        Priming priming = new Priming(handler.primingPath(), new LocalContext("RecalculationFunction", true).getLogger(), 1);
        TestStack.resetCounter();

        priming.beforeCheckpoint(null);

        assertEquals(1, priming.runs());
        // Forecasts and rates (one Query each), the stored versions (one BatchGetItem); no PutItem.
        assertEquals(Map.of("Query", 2, "BatchGetItem", 1), TestStack.COUNTER.snapshot());
    }

    /** The events each API function primes with: its published priming, every route it serves. */
    static final Map<String, List<byte[]>> PRIMING = Map.of(
            "ChipSpecFunction", chipcast.chips.ChipSpecHandler.primingEvents(),
            "ForecastFunction", chipcast.forecasts.ForecastHandler.primingEvents(),
            "ScenarioFunction", chipcast.scenarios.ScenarioHandler.primingEvents(),
            "BenchmarkFunction", chipcast.benchmarks.BenchmarkHandler.primingEvents());

    @Test
    void eachApiFunctionPrimesEveryRouteItServesAndWritesNothing() throws Exception {
        for (Map.Entry<String, List<byte[]>> primed : PRIMING.entrySet()) {
            String function = primed.getKey();
            Set<String> routes = new TreeSet<>();
            for (byte[] event : primed.getValue()) {
                routes.add(LocalJson.MAPPER.readTree(event).path("routeKey").asText());
            }
            Set<String> served = new TreeSet<>();
            TestStack.env().template().routes().stream().filter(r -> r.functionId().equals(function))
                    .forEach(r -> served.add(r.routeKey()));
            assertEquals(served, routes, function + ": every route of template.yaml is primed");

            Priming priming = new Priming((RequestStreamHandler) TestStack.handler(function), primed::getValue, 1);
            TestStack.resetCounter();
            priming.beforeCheckpoint(null);
            assertEquals(1, priming.runs(), function + " primed");
            Set<String> calls = TestStack.COUNTER.snapshot().keySet();
            assertTrue(Set.of("GetItem", "Query", "BatchGetItem").containsAll(calls), function + " reads only: " + calls);
        }
    }
}
