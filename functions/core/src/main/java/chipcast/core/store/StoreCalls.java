package chipcast.core.store;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.time.Duration;
import java.util.function.Supplier;

/** Runs a DynamoDB call and turns faults of the store (not of our request) into {@link StoreUnavailableException}. */
public final class StoreCalls {
    /**
     * Store time one API request may spend. A call starts only within it, so the worst case is the budget
     * plus one call's apiCallTimeout (8 + 6 s), inside the functions' 15 s timeout even when a slow store
     * answers each of several calls just in time.
     */
    public static final Duration REQUEST_BUDGET = Duration.ofSeconds(8);
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private StoreCalls() {
    }

    /** Starts the current thread's request budget (ApiHandler does this for every request). */
    public static void startBudget(Duration budget) {
        DEADLINE.set(System.nanoTime() + budget.toNanos());
    }

    public static void endBudget() {
        DEADLINE.remove();
    }

    public static <T> T call(String what, Supplier<T> call) {
        Long deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline > 0) {
            throw new StoreUnavailableException(what + ": the request's store time budget is spent", null);
        }
        try {
            return call.get();
        } catch (SdkClientException e) {
            // Connection refused, timeouts (apiCallTimeout), I/O: the store is down or hung.
            throw new StoreUnavailableException(what + ": store unreachable", e);
        } catch (ResourceNotFoundException e) {
            throw new StoreUnavailableException(what + ": table missing", e);
        } catch (DynamoDbException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StoreUnavailableException(what + ": store throttled or failing", e);
            }
            throw e;
        } catch (SdkException e) {
            if (e.retryable()) {
                throw new StoreUnavailableException(what + ": store failing", e);
            }
            throw e;
        }
    }
}
