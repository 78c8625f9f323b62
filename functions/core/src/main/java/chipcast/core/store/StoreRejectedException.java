package chipcast.core.store;

/**
 * The store refused a request of ours (a validation error, an item too large): not the store's fault and
 * not the caller's, so an API answers 500; a batch job counts the item as failed and goes on.
 */
public final class StoreRejectedException extends RuntimeException {
    public StoreRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
