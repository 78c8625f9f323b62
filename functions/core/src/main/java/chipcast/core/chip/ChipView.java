package chipcast.core.chip;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A chip as GET /chips serves it: every stored field, then the figures derived from them. */
public record ChipView(@JsonUnwrapped Chip chip, ChipMetrics.Derived derived) {

    public static ChipView of(Chip chip) {
        return new ChipView(chip, ChipMetrics.derive(chip));
    }
}
