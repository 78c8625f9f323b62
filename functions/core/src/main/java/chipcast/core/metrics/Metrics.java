package chipcast.core.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the functions publish metrics: an EMF document per invocation (the loader writes one per table), written to
 * the invocation's log as a line of its own, never inside the request's log line. On Lambda a byte[] message reaches
 * CloudWatch as it is (the runtime wraps only text messages in its JSON log format) and is never filtered by the
 * application log level, so CloudWatch Logs finds the {@code _aws} member and extracts the metrics.
 */
public final class Metrics {
    /** The dimensions: the function (as Lambda names it), the route key of the template, the error code. */
    public static final String FUNCTION = "function";
    public static final String ROUTE = "route";
    public static final String CODE = "code";
    public static final List<List<String>> BY_FUNCTION = List.of(List.of(FUNCTION));

    /** 1 on the first invocation a JVM serves for a function (after a SnapStart restore: the first after it). */
    public static final String COLD_START = "ColdStart";

    /** Functions this JVM has served an invocation of: on Lambda one, in the local server all of them. */
    private static final Set<String> WARM = ConcurrentHashMap.newKeySet();

    private Metrics() {
    }

    /**
     * A document for one invocation, timestamped now, with its function dimension and, on the function's first
     * invocation in this JVM, its ColdStart. SnapStart priming (no context) is no invocation: it counts nothing.
     */
    public static Emf invocation(Context context) {
        String function = context == null || context.getFunctionName() == null ? "priming" : context.getFunctionName();
        Emf doc = new Emf(System.currentTimeMillis()).dimension(FUNCTION, function);
        if (context != null && WARM.add(function)) {
            doc.metrics(BY_FUNCTION, Emf.Metric.count(COLD_START, 1));
        }
        return doc;
    }

    /**
     * Writes the document to the invocation's log. Without a context (SnapStart priming) it is still written out,
     * so the snapshot holds the writer's code loaded, but logged nowhere: priming serves no traffic.
     */
    public static void emit(Context context, Emf doc) {
        byte[] line = doc.toJsonLine();
        LambdaLogger logger = context == null ? null : context.getLogger();
        if (logger != null) {
            logger.log(line);
        }
    }
}
