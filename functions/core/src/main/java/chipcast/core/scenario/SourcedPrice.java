package chipcast.core.scenario;

import chipcast.core.chip.Chip;

import java.util.List;

/**
 * A chip's purchase price as the catalogue gives it (Chip.prices: list, street, estimate or derived from a system
 * price), with its date and source: what a scenario's capex uses when the request gives no price.
 */
public record SourcedPrice(double usd, String kind, String date, String source) {

    /** The latest dated price of the chip (the first listed on a tie); null when the catalogue has none. */
    public static SourcedPrice latest(List<Chip.Price> prices) {
        SourcedPrice best = null;
        for (Chip.Price p : prices == null ? List.<Chip.Price>of() : prices) {
            if (p.usd() == null || !(p.usd() > 0)) {
                continue;
            }
            String date = p.date() == null ? "" : p.date();
            if (best == null || date.compareTo(best.date()) > 0) {
                String source = p.source() == null ? null : p.source().url() != null
                        ? p.source().title() + ", " + p.source().url() : p.source().title();
                best = new SourcedPrice(p.usd(), p.kind(), date, source);
            }
        }
        return best;
    }

    /** "33600 USD (derived-from-system, 2023-05: source)". */
    public String describe() {
        return Checks.num(usd) + " USD (" + kind + ", " + date + ": " + source + ")";
    }
}
