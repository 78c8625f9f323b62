package chipcast.core.http;

import chipcast.core.json.Json;
import chipcast.core.request.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a route returns: a status, a JSON body, any extra headers, and the error code of an error (null otherwise). */
public record ApiResponse(int status, String body, Map<String, String> headers, ErrorCode error) {

    public ApiResponse(int status, String body, Map<String, String> headers) {
        this(status, body, headers, null);
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
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
