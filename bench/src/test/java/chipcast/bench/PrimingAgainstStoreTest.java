package chipcast.bench;

import chipcast.core.snapstart.Priming;
import chipcast.local.LocalEnvironment;
import chipcast.local.Log;
import chipcast.local.RequestCounter;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SnapStart priming of each API function runs its real request path against a seeded store: one
 * GetItem through the handler, answered 200 (a failed priming would only be logged). Functional, not timed.
 */
class PrimingAgainstStoreTest {
    @Test
    @SuppressWarnings("unchecked")
    void chipAndForecastPrimingEachDoOneGetItem() {
        RequestCounter counter = new RequestCounter();
        Path root = Path.of(System.getProperty("chipcast.root", "..")).toAbsolutePath().normalize();
        try (LocalEnvironment stack = LocalEnvironment.start(root, Log.QUIET, counter)) {
            Map<String, APIGatewayV2HTTPEvent> primed = Map.of(
                    "ChipSpecFunction", Priming.apiGet("GET /chips/{chipId}", "/chips/nvidia-h100-sxm",
                            Map.of("chipId", "nvidia-h100-sxm")),
                    "ForecastFunction", Priming.apiGet("GET /forecasts/{forecastId}", "/forecasts/vmr-2024-inference-chips",
                            Map.of("forecastId", "vmr-2024-inference-chips")));
            primed.forEach((function, event) -> {
                RequestHandler<APIGatewayV2HTTPEvent, ?> handler =
                        (RequestHandler<APIGatewayV2HTTPEvent, ?>) stack.newHandler(function, stack.dynamo());
                Priming priming = new Priming(handler, () -> event);
                counter.reset();

                priming.beforeCheckpoint(null);

                assertEquals(1, priming.runs(), function + " primed");
                assertEquals(Map.of("GetItem", 1), counter.snapshot(), function + " store calls");
            });
        }
    }
}
