package chipcast.core.http;

import chipcast.core.request.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error shape of the API: {@code {"error":{"code","message","parameter"?}}}; a 422 also names the
 * chip and the figure a scenario needed.
 */
public record ApiError(Error error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String parameter, String chipId, String figure) {
    }

    public static ApiError of(ErrorCode code, String message, String parameter) {
        return new ApiError(new Error(code.name(), message, parameter, null, null));
    }

    public static ApiError missingFigure(String message, String chipId, String figure) {
        return new ApiError(new Error(ErrorCode.MISSING_FIGURE.name(), message, null, chipId, figure));
    }
}
