package chipcast.core.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreCallsTest {
    @AfterEach
    void clear() {
        StoreCalls.endBudget();
    }

    @Test
    void aSpentBudgetFailsFastWithoutCallingTheStore() {
        AtomicInteger calls = new AtomicInteger();
        StoreCalls.startBudget(Duration.ofNanos(-1));
        assertThrows(StoreUnavailableException.class, () -> StoreCalls.call("get", calls::incrementAndGet));
        assertEquals(0, calls.get());
    }

    @Test
    void callsWithinTheBudgetOrWithoutOneRun() {
        assertEquals(1, StoreCalls.call("get", () -> 1), "no budget: background work such as the recalculation");
        StoreCalls.startBudget(Duration.ofMinutes(1));
        assertEquals(2, StoreCalls.call("get", () -> 2));
        StoreCalls.endBudget();
        assertEquals(3, StoreCalls.call("get", () -> 3));
    }
}
