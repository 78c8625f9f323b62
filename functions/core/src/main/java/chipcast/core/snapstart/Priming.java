package chipcast.core.snapstart;

import chipcast.core.json.Json;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * SnapStart priming: before Lambda snapshots a published version, run the function's real request path
 * once (one GetItem through the handler, the event's bytes parsed and the response's written), so the
 * snapshot holds loaded and initialised classes, a resolved endpoint and a built request pipeline instead
 * of a bare constructor. Credentials are not cached here: the client's default chain resolves them again
 * after a restore.
 */
public final class Priming implements Resource {
    /** CRaC keeps weak references to resources; these strong ones keep them alive until the checkpoint. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    /** The request path to run once; it may throw IOException or a RuntimeException (logged, not fatal). */
    @FunctionalInterface
    public interface RequestPath {
        void run() throws IOException;
    }

    private final RequestPath path;
    private volatile int runs;

    /** Primes an API function: the event's bytes through the handler, and its response's bytes read back. */
    public Priming(RequestStreamHandler handler, Supplier<byte[]> event) {
        this(() -> {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.get()), response, null);
            // The response read back: primes the parser on what the runtime sends back too.
            Json.readTree(response.toString(StandardCharsets.UTF_8));
        });
    }

    /** Primes any other request path, e.g. a read-only run of a function whose real request writes. */
    public Priming(RequestPath path) {
        this.path = path;
    }

    /** Registers the handler's priming with the JVM's global CRaC context (a no-op where there is no CRaC). */
    public static Priming register(RequestStreamHandler handler, Supplier<byte[]> event) {
        return register(new Priming(handler, event));
    }

    public static Priming register(RequestPath path) {
        return register(new Priming(path));
    }

    private static Priming register(Priming priming) {
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** A GET request's bytes as API Gateway (HTTP API, payload 2.0) sends them. */
    public static byte[] apiGet(String routeKey, String path, Map<String, String> pathParameters) {
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", "GET");
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("requestId", "snapstart-priming");
        context.put("http", http);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("headers", Map.of("accept", "application/json", "user-agent", "chipcast-snapstart-priming"));
        event.put("pathParameters", pathParameters);
        event.put("requestContext", context);
        event.put("isBase64Encoded", false);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            path.run();
            runs++;
        } catch (IOException | RuntimeException e) {
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
