package chipcast.core.http;

import chipcast.core.log.Log;
import chipcast.core.metrics.Metrics;
import chipcast.core.metrics.StoreCallCount;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.RequestException;
import chipcast.core.retry.Deadline;
import chipcast.core.scenario.MissingFigureException;
import chipcast.core.store.InvalidPageTokenException;
import chipcast.core.store.StoreUnavailableException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error shell of every API function: read the API Gateway event's bytes, dispatch on the route key
 * (the route as written in template.yaml), map every failure to a JSON error with a stable code, write the
 * response, log one line a request and publish its metrics (RequestMetrics). A stream handler, so the Lambda runtime
 * runs no serialiser.
 */
public abstract class ApiHandler implements RequestStreamHandler {
    /** Store time one request may spend at most (the functions' timeout is 15 s; one call may take 6 s more). */
    static final Duration STORE_BUDGET = Duration.ofSeconds(8);

    /** Serves one route; throws {@link RequestException} for anything the client got wrong. */
    protected abstract ApiResponse route(ApiRequest request);

    /** One line per request: what was asked, what it got, how long it took, and the failure if one was ours. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RequestLine(String requestId, String route, int status, long latencyMs, Log.Failure failure) {
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        String routeKey = "$default";
        ApiResponse response;
        Throwable failure = null;
        StoreCallCount.reset();
        try {
            ApiRequest request = ApiEvents.read(input);
            routeKey = request.routeKey();
            Deadline.start(STORE_BUDGET, context == null ? -1 : context.getRemainingTimeInMillis());
            response = route(request);
        } catch (RequestException e) {
            response = ApiResponse.error(e.code(), e.getMessage(), e.parameter());
        } catch (InvalidPageTokenException e) {
            response = ApiResponse.error(ErrorCode.INVALID_PARAMETER, e.getMessage(), "nextToken");
        } catch (MissingFigureException e) {
            // Well-formed but not answerable honestly: name the chip and the figure, never substitute a value.
            response = ApiResponse.error(ErrorCode.MISSING_FIGURE, ApiError.missingFigure(e.getMessage(), e.chipId(), e.figure()));
        } catch (StoreUnavailableException e) {
            failure = e;
            response = ApiResponse.error(ErrorCode.STORE_UNAVAILABLE,
                    "the data store is unavailable or throttled; retry shortly", null);
        } catch (RuntimeException | StackOverflowError e) {
            failure = e;
            response = ApiResponse.error(ErrorCode.INTERNAL_ERROR, "internal error; the request id identifies it in the logs", null);
        } finally {
            Deadline.clear();
        }
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        log(context, routeKey, response.status(), latencyMs, failure);
        Metrics.emit(context, RequestMetrics.of(context, routeKey, response, latencyMs, StoreCallCount.get()));
        ApiEvents.write(output, response.status(), headers(response), response.body());
    }

    /** The headers of every answer, the gateway's own included (the local server uses them for its errors). */
    public static Map<String, String> headers(ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "no-store");
        headers.putAll(response.headers());
        return headers;
    }

    private static void log(Context context, String routeKey, int status, long latencyMs, Throwable failure) {
        Log log = Log.of(context);
        RequestLine line = new RequestLine(context == null ? null : context.getAwsRequestId(), routeKey, status, latencyMs,
                Log.Failure.of(failure));
        if (failure == null) {
            log.info(line);
        } else if (failure instanceof StoreUnavailableException) {
            log.warn(line); // the store's fault, answered 503 with Retry-After: nothing of ours to fix
        } else {
            log.error(line);
        }
    }
}
