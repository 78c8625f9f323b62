package chipcast.dataset.epoch;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.chips.Chip;
import chipcast.dataset.json.Mapper;
import chipcast.dataset.json.PyJson;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The Epoch cross-check of curated chips: each figure of {@link EpochField} is compared with the chip's Epoch row.
 * A difference over the tolerance, or an Epoch figure where the chip has null, must be listed in
 * data/sources/curation/epoch-crosscheck.json with the reason, or the build fails. A chip figure Epoch lacks is
 * not a disagreement.
 */
public final class CrossCheck {
    /** data/sources/curation/epoch-crosscheck.json. */
    public record File(String about, double tolerance, List<Disagreement> disagreements) {
    }

    /** A listed disagreement; chipcast and epoch are the two values as compared (numbers, text or null). */
    public record Disagreement(String chipId, String field, JsonNode chipcast, JsonNode epoch, String why) {
    }

    /** A difference the check found: "differs" (both given, over tolerance) or "null" (one side null). */
    public record Difference(String chipId, String field, Double chipcast, Double epoch, String kind) {
    }

    private CrossCheck() {
    }

    public static File read(Layout layout) {
        return Mapper.read(layout.path(Layout.CROSS_CHECK), Layout.CROSS_CHECK, File.class);
    }

    /** Every numeric difference between the chips with an Epoch row and their rows, in chip and field order. */
    public static List<Difference> differences(List<Chip> chips, EpochData epoch, double tolerance) {
        List<Difference> out = new ArrayList<>();
        for (Chip chip : chips) {
            if (chip.epochName() == null) {
                continue;
            }
            EpochData.Row row = epoch.row(chip.epochName());
            if (row == null) {
                throw new DatasetException("chip " + chip.id() + " names Epoch row '" + chip.epochName()
                        + "', which " + Layout.EPOCH_CSV + " does not have");
            }
            for (EpochField field : EpochField.values()) {
                if (field == EpochField.FP64 && "matrix".equals(chip.fp64Kind())) {
                    continue; // Epoch's FP64 column is the vector figure
                }
                Double a = field.chipValue(chip);
                Double b = field.crossCheckValue(row);
                if (a == null && b == null) {
                    continue;
                }
                if (field == EpochField.FP16 && a == null && chip.denseTFLOPS().get("bf16") != null) {
                    continue; // Epoch's tensor column is FP16/BF16 combined; the chip publishes BF16 only
                }
                if (a == null || b == null) {
                    out.add(new Difference(chip.id(), field.path().replace("denseTFLOPS.", ""), a, b, "null"));
                } else if (Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)) > tolerance) {
                    out.add(new Difference(chip.id(), field.path().replace("denseTFLOPS.", ""), a, b, "differs"));
                }
            }
        }
        return out;
    }

    /** Fails unless every difference (other than a figure Epoch lacks) is listed. */
    public static void check(List<Chip> chips, EpochData epoch, File file) {
        Set<String> listed = new HashSet<>();
        for (Disagreement d : file.disagreements()) {
            if (d.why() == null || d.why().isBlank()) {
                throw new DatasetException(Layout.CROSS_CHECK + ": " + d.chipId() + " " + d.field() + ": say why");
            }
            listed.add(d.chipId() + "\u0000" + d.field());
        }
        List<String> missing = new ArrayList<>();
        List<Difference> found = differences(chips, epoch, file.tolerance());
        Set<String> differing = new HashSet<>();
        found.forEach(d -> differing.add(d.chipId() + "\u0000" + d.field()));
        Map<String, Chip> byId = new HashMap<>();
        chips.forEach(c -> byId.put(c.id(), c));
        for (Disagreement d : file.disagreements()) {
            Chip chip = byId.get(d.chipId());
            EpochField field = EpochField.byName(d.field());
            if (chip == null || chip.epochName() == null || field == null || differing.contains(d.chipId() + "\u0000" + d.field())) {
                continue;
            }
            Double a = field.chipValue(chip);
            Double b = field.crossCheckValue(epoch.row(chip.epochName()));
            if (a != null && b != null) {
                missing.add(d.chipId() + " " + d.field() + ": listed, but ChipCast " + show(a) + " and Epoch " + show(b)
                        + " no longer differ (drop the entry)");
            }
        }
        for (Difference d : found) {
            if (listed.contains(d.chipId() + "\u0000" + d.field())) {
                continue;
            }
            if (d.kind().equals("null") && d.epoch() == null) {
                continue; // ChipCast has the figure and Epoch lacks it: not a disagreement
            }
            missing.add(d.chipId() + " " + d.field() + ": ChipCast " + show(d.chipcast()) + ", Epoch " + show(d.epoch())
                    + (d.kind().equals("null") ? "" : " (differs by more than " + pct(file.tolerance()) + ")"));
        }
        if (!missing.isEmpty()) {
            List<String> problems = new ArrayList<>();
            problems.add("Epoch cross-check: differences not listed in " + Layout.CROSS_CHECK
                    + " (add each with its reason, or fix the chip), or listed and gone:");
            missing.forEach(m -> problems.add("  " + m));
            throw new DatasetException(problems);
        }
    }

    /** The disagreements as the markdown table of docs/data.md. */
    public static String table(File file) {
        StringBuilder out = new StringBuilder("| Chip | Field | ChipCast | Epoch | Why |\n|---|---|---|---|---|\n");
        for (Disagreement d : file.disagreements()) {
            out.append("| ").append(d.chipId()).append(" | ").append(d.field()).append(" | ").append(cell(d.chipcast()))
                    .append(" | ").append(cell(d.epoch())).append(" | ").append(d.why()).append(" |\n");
        }
        return out.toString();
    }

    /** build_data.py's fmt: null, integral numbers without ".0", other numbers as Python prints them, text as is. */
    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isNumber()) {
            return show(v.doubleValue());
        }
        return v.asText();
    }

    private static String show(Double v) {
        if (v == null) {
            return "null";
        }
        if (v == Math.rint(v) && !Double.isInfinite(v)) {
            return Long.toString(v.longValue());
        }
        return PyJson.pythonRepr(v);
    }

    private static String pct(double tolerance) {
        return show(tolerance * 100) + " %";
    }
}
