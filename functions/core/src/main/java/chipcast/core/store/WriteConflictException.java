package chipcast.core.store;

/** A conditional write lost: the id exists already (create) or the version moved on (update). */
public final class WriteConflictException extends RuntimeException {
    public WriteConflictException() {
        super(null, null, false, false);
    }
}
