package chipcast.core.store;

/** The store could not answer (unreachable, timed out, throttled after retries): the API says 503. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
