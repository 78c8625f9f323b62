package chipcast.bench.coldstart;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Time spent inside DynamoDB calls during a cold start (kept apart from the interceptor: no SDK types here). */
final class ColdStartStoreTime {
    static final AtomicLong NANOS = new AtomicLong();
    static final AtomicInteger CALLS = new AtomicInteger();

    private ColdStartStoreTime() {
    }
}
