package chipcast.core.request;

/**
 * Stable error codes of the API (documented in docs/openapi.yaml) and the HTTP status of each; messages are for humans.
 * MALFORMED_REQUEST and FORBIDDEN are the gateway's answers before any function runs (the local server gives them in this
 * shape; on AWS, API Gateway answers those requests itself).
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400),
    INVALID_PARAMETER(400),
    INVALID_BODY(400),
    UNKNOWN_FIELD(400),
    FORBIDDEN(403),
    ROUTE_NOT_FOUND(404),
    CHIP_NOT_FOUND(404),
    FORECAST_NOT_FOUND(404),
    MARKET_NOT_FOUND(404),
    SCENARIO_NOT_FOUND(404),
    BENCHMARK_NOT_FOUND(404),
    CLAIM_NOT_FOUND(404),
    CONFLICT(409),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    MISSING_FIGURE(422),
    STORE_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
