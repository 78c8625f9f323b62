package chipcast.core.forecast;

/**
 * Rejected forecast input. {@link #field()} names the offending input (e.g. {@code "points[2].value"},
 * {@code "cagr"}, {@code "to"}) so an HTTP layer can map it to a 400 body without parsing the message.
 * The message is for humans and always starts with the field name.
 */
public final class ForecastInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public ForecastInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The input field that was rejected, in the caller's terms (list indices are the caller's order). */
    public String field() {
        return field;
    }
}
