package chipcast.core.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, the one retry pause of the project (batch reads and writes of
 * unprocessed items, custom-resource answers to CloudFormation). The sleeper is injectable, so tests
 * count the pauses instead of sleeping through them.
 *
 * @param base     the cap of the first pause; each further attempt doubles it
 * @param max      the largest pause
 * @param attempts how many tries in all, the first included
 */
public record Backoff(Duration base, Duration max, int attempts, Sleeper sleeper) {

    /** Pauses the current thread; {@link #REAL} sleeps, tests pass one that records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;

        Sleeper REAL = pause -> Thread.sleep(pause.toMillis());
    }

    /** The pause before attempt {@code attempt} (1 = the first retry): uniformly random up to the cap. */
    public Duration pause(int attempt) {
        long cap = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    /** Waits before retry {@code attempt}; an interrupt ends the waiting and is kept for the caller. */
    public void before(int attempt) {
        try {
            sleeper.sleep(pause(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }

    public Backoff withSleeper(Sleeper other) {
        return new Backoff(base, max, attempts, other);
    }
}
