package chipcast.local;

/** Where the local tools say what they are doing. */
public interface Log {
    void info(String message);

    Log STDERR = message -> System.err.println("[chipcast] " + message);
    Log QUIET = message -> { };
}
