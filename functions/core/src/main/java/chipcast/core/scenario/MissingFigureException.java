package chipcast.core.scenario;

/**
 * A scenario needs a figure the chip does not have (null, or not a positive finite number).
 * The API maps this to 422: the request is well formed but cannot be answered honestly.
 */
public final class MissingFigureException extends RuntimeException {
    private final String chipId;
    private final String figure;

    /** @param figure the figure's name as in the chip record, e.g. "tdpWatts", "denseTFLOPS.fp4" */
    public MissingFigureException(String chipId, String figure) {
        super("chip " + chipId + " has no usable " + figure + "; the scenario needs it");
        this.chipId = chipId;
        this.figure = figure;
    }

    public String chipId() {
        return chipId;
    }

    public String figure() {
        return figure;
    }
}
