package chipcast.core.store.dynamodb;

import chipcast.core.metrics.StoreCallCount;
import chipcast.core.retry.Deadline;
import chipcast.core.store.StoreRejectedException;
import chipcast.core.store.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.function.Supplier;

/**
 * Runs a DynamoDB call and turns faults of the store (not of our request) into {@link StoreUnavailableException}.
 * Every call of the functions goes through here, so here they are counted (StoreCallCount, the StoreCalls metric).
 */
public final class StoreCalls {
    private StoreCalls() {
    }

    /** The call, unless the invocation's deadline has passed: then the store counts as unavailable. */
    public static <T> T call(String what, Supplier<T> call) {
        if (Deadline.passed()) {
            throw new StoreUnavailableException(what + ": the invocation's time for the store is spent", null);
        }
        StoreCallCount.increment();
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
            if (e instanceof ConditionalCheckFailedException) {
                throw e; // the stores turn a lost condition into their own answer
            }
            throw new StoreRejectedException(what + ": the store refused the request", e);
        } catch (SdkException e) {
            if (e.retryable()) {
                throw new StoreUnavailableException(what + ": store failing", e);
            }
            throw new StoreRejectedException(what + ": the store refused the request", e);
        }
    }
}
