package chipcast.core.retry;

import java.time.Duration;

/**
 * The time one invocation may still spend on its dependencies, taken from the Lambda context's remaining
 * time less a margin to write the answer, and never more than a request's budget. A store call starts only
 * within it, so a slow store turns into a 503 the client can retry, not a Lambda timeout.
 */
public final class Deadline {
    /** Left for writing the answer (and its log line) once the store calls are done. */
    static final Duration ANSWER_MARGIN = Duration.ofMillis(1500);
    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    private Deadline() {
    }

    /**
     * Starts the current thread's deadline: {@code budget}, or the invocation's remaining time less the
     * margin when that is sooner (a context that knows no remaining time passes a negative value).
     */
    public static void start(Duration budget, long remainingMillis) {
        long millis = budget.toMillis();
        if (remainingMillis >= 0) {
            millis = Math.max(0, Math.min(millis, remainingMillis - ANSWER_MARGIN.toMillis()));
        }
        CURRENT.set(System.nanoTime() + Duration.ofMillis(millis).toNanos());
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Whether the current thread's deadline has passed (never, when none was started). */
    public static boolean passed() {
        Long deadline = CURRENT.get();
        return deadline != null && System.nanoTime() - deadline > 0;
    }
}
