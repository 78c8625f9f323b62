package chipcast.core.snapstart;

import chipcast.core.json.Json;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * SnapStart priming: before Lambda snapshots a published version, run the function's real request path
 * once (one GetItem through the handler, its JSON in and out), so the snapshot holds loaded and
 * initialised classes, a resolved endpoint and a built request pipeline instead of a bare constructor.
 * Credentials are not cached here: the client's default chain resolves them again after a restore.
 */
public final class Priming implements Resource {
    /** CRaC keeps weak references to resources; these strong ones keep them alive until the checkpoint. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    private final RequestHandler<Object, ?> handler;
    private final Supplier<?> event;
    private volatile int runs;

    @SuppressWarnings("unchecked")
    public <I> Priming(RequestHandler<I, ?> handler, Supplier<? extends I> event) {
        this.handler = (RequestHandler<Object, ?>) handler;
        this.event = event;
    }

    /** Registers the handler's priming with the JVM's global CRaC context (a no-op where there is no CRaC). */
    public static <I> Priming register(RequestHandler<I, ?> handler, Supplier<? extends I> event) {
        Priming priming = new Priming(handler, event);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** A GET request as API Gateway (HTTP API, payload 2.0) sends it. */
    public static APIGatewayV2HTTPEvent apiGet(String routeKey, String path, Map<String, String> pathParameters) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(Map.of("accept", "application/json", "user-agent", "chipcast-snapstart-priming"))
                .withPathParameters(pathParameters)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withStage("$default")
                        .withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath(path).withProtocol("HTTP/1.1").build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            Object response = handler.handleRequest(event.get(), null);
            // The response's JSON both ways: primes serialisation of what the runtime sends back.
            Json.readStored(Json.write(response), Map.class);
            runs++;
        } catch (RuntimeException e) {
            // Priming is an optimisation: a store that is unreachable at snapshot time must not fail the publish.
            System.out.println("{\"level\":\"WARN\",\"message\":\"SnapStart priming failed\",\"error\":\""
                    + e.getClass().getName() + "\"}");
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the client re-resolves credentials through the default chain on its own.
    }

    /** How many times the request path ran (tests and the benchmark check it). */
    public int runs() {
        return runs;
    }
}
