package chipcast.core.forecast;

/** Where a served series comes from: the recalculation run that computed it and the hash of its inputs. */
public record Materialised(String computedAt, String inputHash, String by) {
    public static final String BY = "RecalculationFunction (scheduled daily)";

    public static Materialised of(String computedAt, String inputHash) {
        return new Materialised(computedAt, inputHash, BY);
    }

    static boolean within(int year, Integer from, Integer to) {
        return (from == null || year >= from) && (to == null || year <= to);
    }
}
