package chipcast.core.store.dynamodb;

import chipcast.core.retry.Deadline;
import chipcast.core.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreCallsTest {
    @AfterEach
    void clear() {
        Deadline.clear();
    }

    @Test
    void aSpentBudgetFailsFastWithoutCallingTheStore() {
        AtomicInteger calls = new AtomicInteger();
        Deadline.start(Duration.ofNanos(-1), -1);
        assertThrows(StoreUnavailableException.class, () -> StoreCalls.call("get", calls::incrementAndGet));
        assertEquals(0, calls.get());
    }

    @Test
    void callsWithinTheBudgetOrWithoutOneRun() {
        assertEquals(1, StoreCalls.call("get", () -> 1), "no budget: background work such as the recalculation");
        Deadline.start(Duration.ofMinutes(1), -1);
        assertEquals(2, StoreCalls.call("get", () -> 2));
        Deadline.clear();
        assertEquals(3, StoreCalls.call("get", () -> 3));
    }

    @Test
    void theInvocationsRemainingTimeBoundsTheBudget() {
        AtomicInteger calls = new AtomicInteger();
        // 1 s left of the invocation: less than the margin kept for writing the answer, so no store call starts.
        Deadline.start(Duration.ofMinutes(1), 1_000);
        assertThrows(StoreUnavailableException.class, () -> StoreCalls.call("get", calls::incrementAndGet));
        Deadline.start(Duration.ofMinutes(1), 60_000);
        assertEquals(1, StoreCalls.call("get", calls::incrementAndGet));
    }
}
