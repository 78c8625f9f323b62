package chipcast.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One local stack for the whole test run: dynalite on a free port, the tables of template.yaml and
 * the bundled dataset, stopped when the JVM exits. Every request is counted by operation name.
 */
public final class TestStack {
    public static final Path ROOT = Path.of(System.getProperty("chipcast.root", "..")).toAbsolutePath().normalize();
    public static final RequestCounter COUNTER = new RequestCounter();
    private static LocalEnvironment env;

    private TestStack() {
    }

    public static synchronized LocalEnvironment env() {
        if (env == null) {
            env = LocalEnvironment.start(ROOT, Log.QUIET, COUNTER);
            Runtime.getRuntime().addShutdownHook(new Thread(env::close));
        }
        return env;
    }

    /** Starts the stack first, so its own set-up calls are not counted. */
    public static void resetCounter() {
        env();
        COUNTER.reset();
    }

    public static Object handler(String functionId) {
        return env().handler(functionId);
    }

    /** An events/ file as API Gateway sends it, read the way the Lambda runtime reads it. */
    public static APIGatewayV2HTTPEvent event(String file) {
        return Invoker.apiEvent(read("events/" + file));
    }

    /** An events/ file with its route key and body replaced: the way tests vary a real event. */
    public static APIGatewayV2HTTPEvent event(String file, String routeKey, java.util.Map<String, String> path,
                                              java.util.Map<String, String> query, String body) {
        APIGatewayV2HTTPEvent event = event(file);
        event.setRouteKey(routeKey);
        event.setPathParameters(path);
        event.setQueryStringParameters(query);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }

    public static APIGatewayV2HTTPResponse invoke(String functionId, APIGatewayV2HTTPEvent event) {
        return (APIGatewayV2HTTPResponse) Invoker.invoke(handler(functionId), event, new LocalContext(functionId, true));
    }

    public static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
