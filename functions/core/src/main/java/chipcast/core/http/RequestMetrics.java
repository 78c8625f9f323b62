package chipcast.core.http;

import chipcast.core.metrics.Emf;
import chipcast.core.metrics.Metrics;
import chipcast.core.request.ErrorCode;
import com.amazonaws.services.lambda.runtime.Context;

import java.util.List;

import static chipcast.core.metrics.Metrics.CODE;
import static chipcast.core.metrics.Metrics.FUNCTION;
import static chipcast.core.metrics.Metrics.ROUTE;

/**
 * The metrics of one API request: Requests and Latency per function and per route, ClientErrors, ServerErrors and
 * StoreCalls per function, and Errors per function and error code. Every dimension value is bounded: a route key
 * the function serves (a key it does not serve is answered ROUTE_NOT_FOUND and counted as $default) or an ErrorCode.
 */
public final class RequestMetrics {
    public static final String REQUESTS = "Requests";
    public static final String LATENCY = "Latency";
    public static final String CLIENT_ERRORS = "ClientErrors";
    public static final String SERVER_ERRORS = "ServerErrors";
    public static final String STORE_CALLS = "StoreCalls";
    public static final String ERRORS = "Errors";

    private static final List<List<String>> BY_FUNCTION_AND_ROUTE = List.of(List.of(FUNCTION), List.of(FUNCTION, ROUTE));
    private static final List<List<String>> BY_CODE = List.of(List.of(FUNCTION, CODE));

    private RequestMetrics() {
    }

    static Emf of(Context context, String routeKey, ApiResponse response, long latencyMs, int storeCalls) {
        ErrorCode code = response.error();
        String route = routeKey == null || code == ErrorCode.ROUTE_NOT_FOUND ? "$default" : routeKey;
        int status = response.status();
        Emf doc = Metrics.invocation(context).dimension(ROUTE, route)
                .metrics(BY_FUNCTION_AND_ROUTE, Emf.Metric.count(REQUESTS, 1), Emf.Metric.millis(LATENCY, latencyMs))
                .metrics(Metrics.BY_FUNCTION, Emf.Metric.count(CLIENT_ERRORS, status >= 400 && status < 500 ? 1 : 0),
                        Emf.Metric.count(SERVER_ERRORS, status >= 500 ? 1 : 0), Emf.Metric.count(STORE_CALLS, storeCalls));
        if (code != null) {
            doc.dimension(CODE, code.name()).metrics(BY_CODE, Emf.Metric.count(ERRORS, 1));
        }
        return doc;
    }
}
