package chipcast.core.http;

import chipcast.core.csv.Csv;
import chipcast.core.json.Json;
import chipcast.core.request.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a route returns: a status, a body (JSON, or CSV where a route serves it), any extra headers, and the error
 * code of an error (null otherwise).
 */
public record ApiResponse(int status, String body, Map<String, String> headers, ErrorCode error) {

    public ApiResponse(int status, String body, Map<String, String> headers) {
        this(status, body, headers, null);
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    /**
     * 200 with the body as JSON, or as CSV rows when the request asked for CSV ({@link ApiRequest#wantsCsv}): the
     * route's one call for both representations. Errors are answered before this, so they stay JSON.
     */
    public static <T> ApiResponse ok(ApiRequest request, T body, Function<? super T, ? extends Csv.Table<?>> csv) {
        return request.wantsCsv() ? csv(csv.apply(body)) : ok(body);
    }

    /** 200 text/csv; a page that has a next one names its token in {@link Csv#NEXT_TOKEN_HEADER}. */
    public static ApiResponse csv(Csv.Table<?> table) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Csv.CONTENT_TYPE);
        if (table.nextToken() != null) {
            headers.put(Csv.NEXT_TOKEN_HEADER, table.nextToken());
        }
        return new ApiResponse(200, table.text(), headers);
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, Json.write(body), Map.of());
    }

    public static ApiResponse error(ErrorCode code, String message, String parameter) {
        return error(code, ApiError.of(code, message, parameter));
    }

    static ApiResponse error(ErrorCode code, ApiError error) {
        Map<String, String> headers = code == ErrorCode.STORE_UNAVAILABLE ? Map.of("Retry-After", "1") : Map.of();
        return new ApiResponse(code.status(), Json.write(error), headers, code);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy, error);
    }
}
