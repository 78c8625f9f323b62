package chipcast.core.http;

/** A failure the client can act on: it becomes a JSON error with a stable code, never a stack trace. */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final String parameter;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiException(ErrorCode code, String message, String parameter) {
        super(message, null, false, false);
        this.code = code;
        this.parameter = parameter;
    }

    public static ApiException invalidParameter(String parameter, String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, message, parameter);
    }

    public ErrorCode code() {
        return code;
    }

    /** The request parameter or body field at fault, or null. */
    public String parameter() {
        return parameter;
    }
}
