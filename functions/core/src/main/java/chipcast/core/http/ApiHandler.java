package chipcast.core.http;

import chipcast.core.json.Json;
import chipcast.core.store.StoreCalls;
import chipcast.core.store.StoreUnavailableException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared shell of every API function: read the API Gateway event's bytes, dispatch on the route key (the
 * route as written in template.yaml), map failures to JSON errors with stable codes, write the response,
 * and log one structured line a request. A stream handler, so the Lambda runtime runs no serialiser.
 */
public abstract class ApiHandler implements RequestStreamHandler {

    /** Serves one route; throws {@link ApiException} for anything the client got wrong. */
    protected abstract ApiResponse route(ApiRequest request);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        String routeKey = "$default";
        ApiResponse response;
        Throwable failure = null;
        try {
            ApiRequest request = ApiEvents.read(input);
            routeKey = request.routeKey();
            StoreCalls.startBudget(StoreCalls.REQUEST_BUDGET);
            response = route(request);
        } catch (ApiException e) {
            response = ApiResponse.error(e.code(), e.getMessage(), e.parameter());
        } catch (StoreUnavailableException e) {
            failure = e;
            response = ApiResponse.error(ErrorCode.STORE_UNAVAILABLE,
                    "the data store is unavailable or throttled; retry shortly", null);
        } catch (RuntimeException | StackOverflowError e) {
            failure = e;
            response = ApiResponse.error(ErrorCode.INTERNAL_ERROR, "internal error; the request id identifies it in the logs", null);
        }
        StoreCalls.endBudget();
        log(context, routeKey, response.status(), (System.nanoTime() - start) / 1_000_000, failure);
        ApiEvents.write(output, response.status(), headers(response), response.body());
    }

    static Map<String, String> headers(ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "no-store");
        headers.putAll(response.headers());
        return headers;
    }

    private static void log(Context context, String routeKey, int status, long latencyMs, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", failure == null ? "INFO" : "ERROR");
        line.put("requestId", context == null ? null : context.getAwsRequestId());
        line.put("route", routeKey);
        line.put("status", status);
        line.put("latencyMs", latencyMs);
        if (failure != null) {
            // The stack trace stays in the logs; the client only sees the code.
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            line.put("error", failure.getClass().getName());
            line.put("stackTrace", trace.toString());
        }
        String text = Json.write(line);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(text + "\n");
        } else {
            System.out.println(text);
        }
    }
}
