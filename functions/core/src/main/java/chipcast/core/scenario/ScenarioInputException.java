package chipcast.core.scenario;

/** A request value is missing or out of bounds; {@link #field()} names it, e.g. "options[1].count". */
public final class ScenarioInputException extends IllegalArgumentException {
    private final String field;

    public ScenarioInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
