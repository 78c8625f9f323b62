package chipcast.core.store;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.function.Supplier;

/** Runs a DynamoDB call and turns faults of the store (not of our request) into {@link StoreUnavailableException}. */
public final class StoreCalls {
    private StoreCalls() {
    }

    public static <T> T call(String what, Supplier<T> call) {
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
