package chipcast.core.store;

/** A page token that this API did not issue, or issued for another query: the caller's 400, never a query. */
public final class InvalidPageTokenException extends RuntimeException {
    public InvalidPageTokenException(String message) {
        super(message, null, false, false);
    }
}
