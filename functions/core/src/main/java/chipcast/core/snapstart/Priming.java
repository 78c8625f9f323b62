package chipcast.core.snapstart;

import chipcast.core.log.Log;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * SnapStart priming: before Lambda snapshots a published version, run the function's real request paths
 * (every route it serves, through the handler, against the deployed tables, reading only), so the snapshot
 * holds loaded and initialised classes, a resolved endpoint and a built request pipeline for each of them
 * instead of a bare constructor. Credentials are not cached here: the client's default chain resolves them
 * again after a restore.
 */
public final class Priming implements Resource {
    /** CRaC keeps weak references to resources; these strong ones keep them alive until the checkpoint. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    /** The request path to run once; it may throw IOException or a RuntimeException (logged, not fatal). */
    @FunctionalInterface
    public interface RequestPath {
        void run() throws IOException;
    }

    /** What a failed priming logs: the snapshot is still taken, only colder. */
    record PrimingFailed(String event, Log.Failure failure) {
    }

    private final RequestPath path;
    private final LambdaLogger logger;
    private volatile int runs;

    /**
     * Rounds of every event: one round loads the classes, but a path run once is still interpreted after a
     * restore; the JIT compiles a method after some hundred calls, and the snapshot keeps what it compiled
     * (docs/performance.md, the SnapStart proxy's first-invocation ratios by rounds).
     */
    public static final int ROUNDS = Integer.getInteger("chipcast.priming.rounds", 100);

    /** Primes an API function: each event's bytes through the handler, {@link #ROUNDS} times. */
    public Priming(RequestStreamHandler handler, Supplier<List<byte[]>> events) {
        this(handler, events, ROUNDS);
    }

    /** Primes an API function: each event's bytes through the handler, as the runtime hands them over. */
    public Priming(RequestStreamHandler handler, Supplier<List<byte[]>> events, int rounds) {
        this(handler, events, rounds, LambdaRuntime.getLogger());
    }

    /** @param logger where a priming invocation's warnings and errors go (its request lines go nowhere) */
    public Priming(RequestStreamHandler handler, Supplier<List<byte[]>> events, int rounds, LambdaLogger logger) {
        this(() -> {
            PrimingContext context = new PrimingContext(logger);
            for (byte[] event : events.get()) {
                handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), context);
            }
        }, logger, rounds);
    }

    /** Primes any other request path, e.g. a read-only run of a function whose real request writes. */
    public Priming(RequestPath path, LambdaLogger logger, int rounds) {
        this.path = () -> {
            for (int round = 0; round < rounds; round++) {
                path.run();
            }
        };
        this.logger = logger;
    }

    /** Registers the handler's priming with the JVM's global CRaC context (a no-op where there is no CRaC). */
    public static Priming register(RequestStreamHandler handler, Supplier<List<byte[]>> events) {
        return register(new Priming(handler, events));
    }

    public static Priming register(RequestPath path, int rounds) {
        return register(new Priming(path, LambdaRuntime.getLogger(), rounds));
    }

    private static Priming register(Priming priming) {
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            path.run();
            runs++;
        } catch (IOException | RuntimeException e) {
            // Priming is an optimisation: a store that is unreachable at snapshot time must not fail the publish.
            Log.to(logger).warn(new PrimingFailed("SnapStart priming failed", Log.Failure.of(e)));
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the client re-resolves credentials through the default chain on its own.
    }

    /** How many times the request path ran (tests and the benchmark check it). */
    public int runs() {
        return runs;
    }
}
