package chipcast.core.scenario;

/**
 * One dollars-per-chip-hour figure of data/chip-hour-prices.json: a buyer type's price for one chip, what
 * kind of figure it is ("tco-all-in": owning, power included; "rental"; "placeholder-...": the source's own
 * stand-in until a real price exists) and the source with its date.
 */
public record ChipHourPrice(String chipId, String buyerType, Double usdPerChipHour, String kind, String asOf,
                            Source source, String notes) {

    public record Source(String title, String repository, String path, String commit, String url, String licence,
                         String attribution) {
    }
}
