package chipcast.core.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PrimingTest {
    private final APIGatewayV2HTTPEvent getChip = Priming.apiGet("GET /chips/{chipId}", "/chips/nvidia-h100-sxm",
            Map.of("chipId", "nvidia-h100-sxm"));

    @Test
    void beforeCheckpointRunsTheHandlerOnceWithTheKnownEvent() {
        List<APIGatewayV2HTTPEvent> seen = new ArrayList<>();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = (event, context) -> {
            seen.add(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{\"id\":\"nvidia-h100-sxm\"}").build();
        };
        Priming priming = new Priming(handler, () -> getChip);

        priming.beforeCheckpoint(null);

        assertEquals(1, seen.size());
        assertSame(getChip, seen.get(0));
        assertEquals("GET /chips/{chipId}", seen.get(0).getRouteKey());
        assertEquals("nvidia-h100-sxm", seen.get(0).getPathParameters().get("chipId"));
        assertEquals("GET", seen.get(0).getRequestContext().getHttp().getMethod());
        assertEquals(1, priming.runs());
    }

    @Test
    void aFailingRequestPathDoesNotFailTheSnapshot() {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = (event, context) -> {
            throw new IllegalStateException("store unreachable at snapshot time");
        };
        Priming priming = new Priming(handler, () -> getChip);

        priming.beforeCheckpoint(null);

        assertEquals(0, priming.runs());
    }

    @Test
    void registeringWithoutACracRuntimeIsHarmless() {
        Priming priming = Priming.register((APIGatewayV2HTTPEvent event, com.amazonaws.services.lambda.runtime.Context c) -> null,
                () -> getChip);
        assertEquals(0, priming.runs());
    }
}
