package chipcast.core.request;

/**
 * A request the caller got wrong, found by a handler, a service or the core's validation: the API's one
 * error shell answers it with its code's status and a JSON error, never a stack trace.
 */
public class RequestException extends RuntimeException {
    private final ErrorCode code;
    private final String parameter;

    public RequestException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** @param parameter the query parameter, header or body field at fault (e.g. {@code options[0].count}), or null */
    public RequestException(ErrorCode code, String message, String parameter) {
        super(message, null, false, false);
        this.code = code;
        this.parameter = parameter;
    }

    public static RequestException invalidParameter(String parameter, String message) {
        return new RequestException(ErrorCode.INVALID_PARAMETER, message, parameter);
    }

    /** A body field that is present but wrong: "'field' problem", the field named as the body does. */
    public static RequestException invalidField(String field, String problem) {
        return new RequestException(ErrorCode.INVALID_BODY, "'" + field + "' " + problem, field);
    }

    public static RequestException notFound(ErrorCode code, String message) {
        return new RequestException(code, message);
    }

    public ErrorCode code() {
        return code;
    }

    public String parameter() {
        return parameter;
    }
}
