package chipcast.core.snapstart;

import chipcast.core.http.ApiEvents;
import chipcast.core.http.ApiRequest;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrimingTest {
    private final byte[] getChip = PrimingEvents.get("GET /chips/{chipId}", "/chips/nvidia-h100-sxm",
            Map.of("chipId", "nvidia-h100-sxm"));

    @Test
    void beforeCheckpointRunsTheHandlerOnceWithTheKnownEvent() {
        List<ApiRequest> seen = new ArrayList<>();
        RequestStreamHandler handler = (in, out, context) -> {
            seen.add(ApiEvents.read(in)); // the event's bytes as the API functions read them
            out.write("{\"statusCode\":200,\"body\":\"{}\"}".getBytes(StandardCharsets.UTF_8));
        };
        Priming priming = new Priming(handler, () -> List.of(getChip), 1);

        priming.beforeCheckpoint(null);

        assertEquals(1, seen.size());
        assertEquals("GET /chips/{chipId}", seen.get(0).routeKey());
        assertEquals("nvidia-h100-sxm", seen.get(0).pathParameter("chipId"));
        assertEquals("GET", seen.get(0).routeKey().split(" ")[0]);
        assertEquals(1, priming.runs());
    }

    @Test
    void byDefaultEveryEventRunsEnoughRoundsForTheJitToCompileItsPath() {
        List<ApiRequest> seen = new ArrayList<>();
        RequestStreamHandler handler = (in, out, context) -> seen.add(ApiEvents.read(in));
        new Priming(handler, () -> List.of(getChip, getChip)).beforeCheckpoint(null);
        assertEquals(2 * Priming.ROUNDS, seen.size());
        assertTrue(Priming.ROUNDS >= 50, "one round would leave the path interpreted after a restore");
    }

    @Test
    void aFailingRequestPathDoesNotFailTheSnapshot() {
        RequestStreamHandler handler = (in, out, context) -> {
            throw new IllegalStateException("store unreachable at snapshot time");
        };
        Priming priming = new Priming(handler, () -> List.of(getChip));

        priming.beforeCheckpoint(null);

        assertEquals(0, priming.runs());
    }

    @Test
    void theEventIsWhatApiGatewaySends() throws Exception {
        ApiRequest request = ApiEvents.read(new ByteArrayInputStream(getChip));
        assertEquals("application/json", request.header("Accept"));
        assertEquals(null, request.body());
    }

    @Test
    void registeringWithoutACracRuntimeIsHarmless() {
        Priming priming = Priming.register((in, out, c) -> { }, () -> List.of(getChip));
        assertEquals(0, priming.runs());
    }
}
