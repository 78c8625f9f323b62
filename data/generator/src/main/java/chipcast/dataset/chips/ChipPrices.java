package chipcast.dataset.chips;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.check.Checks;
import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * data/sources/chip-prices.json: dated prices per chip, each with its source, written to the chip's {@code prices}
 * list in file order. kind: list (vendor list price), street (a reported selling price), estimate (an analyst's
 * estimate) or derived-from-system (a system price divided by its accelerators, e.g. a DGX price / 8). status is
 * "accepted" (the researchers' rejected candidates are listed in docs/chips-data.md, not in the file). A price
 * without a source, a date or a positive amount fails the build.
 */
public final class ChipPrices {
    public record Entry(String chipId, String kind, Number usd, String date, Chip.PriceSource source, String note,
                        String status) {
    }

    public static final Set<String> KINDS = Set.of("list", "street", "estimate", "derived-from-system");
    public static final String ACCEPTED = "accepted";

    private ChipPrices() {
    }

    public static List<Entry> read(Layout layout) {
        return Mapper.read(layout.path(Layout.CHIP_PRICES), Layout.CHIP_PRICES, new TypeReference<List<Entry>>() {
        });
    }

    public static List<Chip> attach(List<Chip> chips, List<Entry> entries) {
        Map<String, List<Chip.Price>> byChip = new LinkedHashMap<>();
        for (Chip c : chips) {
            byChip.put(c.id(), new ArrayList<>());
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String at = Layout.CHIP_PRICES + "[" + i + "] (" + e.chipId() + ")";
            List<Chip.Price> list = byChip.get(e.chipId());
            if (list == null) {
                throw new DatasetException(at + ": no chip " + e.chipId());
            }
            if (!KINDS.contains(e.kind())) {
                throw new DatasetException(at + ": kind must be one of " + KINDS + ", not " + e.kind());
            }
            if (!ACCEPTED.equals(e.status())) {
                throw new DatasetException(at + ": status must be \"" + ACCEPTED + "\" (a rejected price is not served: "
                        + "list it in docs/chips-data.md instead)");
            }
            if (e.usd() == null || e.usd().doubleValue() <= 0) {
                throw new DatasetException(at + ": usd must be a positive amount");
            }
            if (e.date() == null || !Checks.DATE.matcher(e.date()).matches()) {
                throw new DatasetException(at + ": date must be YYYY, YYYY-MM or YYYY-MM-DD");
            }
            Chip.PriceSource s = e.source();
            if (s == null || blank(s.title()) || blank(s.url()) || s.asOf() == null || !Checks.DATE.matcher(s.asOf()).matches()) {
                throw new DatasetException(at + ": a price needs its source {title, url, asOf}: none is invented");
            }
            list.add(new Chip.Price(e.kind(), e.usd(), e.date(), s, e.note()));
        }
        List<Chip> out = new ArrayList<>();
        for (Chip c : chips) {
            out.add(c.withPrices(List.copyOf(byChip.get(c.id()))));
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
