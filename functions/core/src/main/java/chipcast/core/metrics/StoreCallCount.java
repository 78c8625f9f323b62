package chipcast.core.metrics;

/**
 * DynamoDB calls the current thread has made since its request began: StoreCalls counts every call it runs, and
 * the API shell reads the count for the request's metrics. Per thread, as the local server runs requests side by side.
 */
public final class StoreCallCount {
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    private StoreCallCount() {
    }

    public static void reset() {
        COUNT.get()[0] = 0;
    }

    public static void increment() {
        COUNT.get()[0]++;
    }

    public static int get() {
        return COUNT.get()[0];
    }
}
