package chipcast.dataset.epoch;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.chips.Chip;
import chipcast.dataset.chips.SourceCatalogue;
import chipcast.dataset.json.Mapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Epoch import (extended build): every row of Epoch's CSV released 2016 or later that gives memory size,
 * memory bandwidth and at least one dense tensor figure (Tensor-FP16/BF16, TF32, FP8, FP4, INT8 or INT4) becomes a
 * chip of tier "epoch-only", unless a curated chip already covers the row (its epochName). Each such row must be
 * listed in data/sources/curation/epoch-import.json, imported (with its id, vendor, name, workload, form factor and
 * any figure withheld, each with its reason) or excluded with its reason; an unlisted row fails the build, so a new
 * copy of the CSV is read row by row, never copied blindly.
 */
public final class EpochImport {
    /** The columns that count as a dense tensor figure. */
    static final List<EpochField> TENSOR = List.of(EpochField.BF16, EpochField.TF32, EpochField.FP8, EpochField.FP4,
            EpochField.INT8, EpochField.INT4);
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Set<String> WORKLOADS = Set.of("training", "inference", "both");

    /** data/sources/curation/epoch-import.json. */
    public record File(String about, Map<String, String> vendors, List<Imported> imported, List<Excluded> excluded) {
    }

    /**
     * A row to import: the chip's id, vendorKey (its vendor name comes from vendors), name, workload and form
     * factor; optionally a per-device note; Epoch figures not served (withheld), each with its reason; a note.
     */
    public record Imported(String epochName, String id, String vendorKey, String name, String workload,
                           String formFactor, String perDeviceNote, List<Withheld> withheld, String note) {
    }

    /** A figure of the row that is not served: a path such as "denseTFLOPS.int4", and why. */
    public record Withheld(String field, String reason) {
    }

    public record Excluded(String epochName, String reason) {
    }

    /**
     * The imported chips, the counts docs/data.md states, and the entries no longer used because a curated chip now
     * covers their row (they should be dropped from the file, but they do not fail the build).
     */
    public record Result(List<Chip> chips, int candidates, int covered, List<Excluded> excluded, List<String> unused) {
    }

    private EpochImport() {
    }

    public static File read(Layout layout) {
        return Mapper.read(layout.path(Layout.EPOCH_IMPORT), Layout.EPOCH_IMPORT, File.class);
    }

    /** Whether a row is in scope: released 2016 or later, memory, bandwidth and a dense tensor figure. */
    public static boolean qualifies(EpochData.Row row) {
        String release = row.cell(EpochField.Columns.RELEASE);
        if (release.length() < 4 || !release.substring(0, 4).chars().allMatch(Character::isDigit)
                || Integer.parseInt(release.substring(0, 4)) < 2016) {
            return false;
        }
        return row.has(EpochField.MEMORY.column()) && row.has(EpochField.BANDWIDTH.column())
                && TENSOR.stream().anyMatch(f -> row.has(f.column()));
    }

    public static Result run(EpochData epoch, File file, SourceCatalogue.Dated source, List<Chip> curated) {
        Map<String, String> coveredBy = new HashMap<>();
        for (Chip c : curated) {
            if (c.epochName() != null && coveredBy.put(c.epochName(), c.id()) != null) {
                throw new DatasetException("two curated chips name Epoch row '" + c.epochName() + "': "
                        + coveredBy.get(c.epochName()) + " and " + c.id());
            }
        }
        Set<String> chipIds = new HashSet<>();
        curated.forEach(c -> chipIds.add(c.id()));
        Map<String, Object> listed = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (Imported i : file.imported()) {
            list(listed, i.epochName(), i, epoch, problems);
        }
        List<Excluded> excluded = new ArrayList<>();
        for (Excluded x : file.excluded()) {
            list(listed, x.epochName(), x, epoch, problems);
            if (x.reason() == null || x.reason().isBlank()) {
                problems.add("excluded row '" + x.epochName() + "' needs its reason");
            }
            if (!coveredBy.containsKey(x.epochName())) {
                excluded.add(x);
            }
        }
        for (String name : listed.keySet()) {
            if (coveredBy.containsKey(name)) {
                unused.add(Layout.EPOCH_IMPORT + " lists '" + name + "', which curated chip " + coveredBy.get(name)
                        + " now covers: the entry is not used (drop it)");
            }
        }
        int candidates = 0;
        int covered = 0;
        List<String> unlisted = new ArrayList<>();
        List<Chip> chips = new ArrayList<>();
        for (EpochData.Row row : epoch.rows()) {
            if (!qualifies(row)) {
                continue;
            }
            candidates++;
            if (coveredBy.containsKey(row.name())) {
                covered++;
                continue;
            }
            Object entry = listed.get(row.name());
            if (entry == null) {
                unlisted.add("'" + row.name() + "'");
            } else if (entry instanceof Imported i) {
                try {
                    Chip chip = chip(row, i, file.vendors(), source);
                    if (!chipIds.add(chip.id())) {
                        problems.add(i.epochName() + ": chip id " + i.id() + " is already used");
                    }
                    chips.add(chip);
                } catch (DatasetException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!unlisted.isEmpty()) {
            problems.add("Epoch rows in scope that are neither imported nor excluded (add each to imported, with id, "
                    + "vendorKey, name, workload and formFactor, or to excluded, with its reason): " + String.join(", ", unlisted));
        }
        if (!problems.isEmpty()) {
            List<String> out = new ArrayList<>();
            out.add(Layout.EPOCH_IMPORT + ":");
            problems.forEach(p -> out.add("  " + p));
            throw new DatasetException(out);
        }
        return new Result(chips, candidates, covered, excluded, unused);
    }

    private static void list(Map<String, Object> listed, String name, Object entry, EpochData epoch, List<String> problems) {
        EpochData.Row row = epoch.row(name);
        if (row == null) {
            problems.add("'" + name + "' is not a row of " + Layout.EPOCH_CSV);
        } else if (!qualifies(row)) {
            problems.add("'" + name + "' is out of scope (released before 2016, or lacking memory, bandwidth or a tensor figure): drop it");
        }
        if (listed.put(name, entry) != null) {
            problems.add("'" + name + "' is listed twice");
        }
    }

    static Chip chip(EpochData.Row row, Imported entry, Map<String, String> vendors, SourceCatalogue.Dated source) {
        String at = "'" + row.name() + "' (" + entry.id() + ")";
        List<String> problems = new ArrayList<>();
        if (entry.id() == null || !SLUG.matcher(entry.id()).matches()) {
            problems.add(at + ": id must be a lowercase slug");
        }
        if (entry.vendorKey() == null || !vendors.containsKey(entry.vendorKey())) {
            problems.add(at + ": vendorKey '" + entry.vendorKey() + "' is not in vendors");
        }
        if (entry.name() == null || entry.name().isBlank() || entry.formFactor() == null || entry.formFactor().isBlank()) {
            problems.add(at + ": name and formFactor are required");
        }
        if (!WORKLOADS.contains(entry.workload())) {
            problems.add(at + ": workload must be one of " + WORKLOADS);
        }
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (EpochField f : EpochField.values()) {
            BigDecimal v = f.epochExact(row);
            if (v != null) {
                figures.put(f.path(), v);
            }
        }
        List<String> withheldNotes = new ArrayList<>();
        for (Withheld w : entry.withheld() == null ? List.<Withheld>of() : entry.withheld()) {
            BigDecimal v = figures.remove(w.field());
            if (v == null) {
                problems.add(at + ": withholds " + w.field() + ", which the row does not give");
            } else if (w.reason() == null || w.reason().isBlank()) {
                problems.add(at + ": withholding " + w.field() + " needs its reason");
            } else {
                withheldNotes.add(" Not served: " + label(w.field()) + " " + plain(v) + " " + unit(w.field()) + ": "
                        + w.reason().strip() + (w.reason().strip().endsWith(".") ? "" : "."));
            }
        }
        if (TENSOR.stream().noneMatch(f -> figures.containsKey(f.path()) || (f == EpochField.BF16
                && figures.containsKey(EpochField.FP16.path())))) {
            problems.add(at + ": every dense tensor figure is withheld: exclude the row instead");
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }

        Map<String, Number> dense = new LinkedHashMap<>();
        for (String p : Chip.PRECISIONS) {
            dense.put(p, number(figures.get("denseTFLOPS." + p)));
        }
        String release = row.cell(EpochField.Columns.RELEASE);
        boolean yearOnly = release.endsWith("-01-01");
        String launchDate = yearOnly ? release.substring(0, 4) : release.substring(0, Math.min(7, release.length()));
        String launchDateNote = "Epoch release date " + release + (yearOnly
                ? ", a January 1 date, so the year only is served" : "") + "; Epoch's dates are releases, not announcements";
        String epochNotes = flatten(row.cell(EpochField.Columns.NOTES));
        boolean halved = epochNotes.contains("divide performance by 2");
        StringBuilder notes = new StringBuilder("Imported from Epoch AI's Machine Learning Hardware dataset (December 2025 copy, row '")
                .append(row.name()).append("') without a second source (tier epoch-only). fp64/fp32 are Epoch's vector figures; ")
                .append("fp16/bf16 are its Tensor-FP16/BF16 figure; Epoch's non-tensor FP16 column is not used.");
        withheldNotes.forEach(notes::append);
        if (!epochNotes.isEmpty()) {
            notes.append(" Epoch's notes: \"").append(epochNotes).append("\"");
        }
        String datasheet = flatten(row.cell(EpochField.Columns.DATASHEET));
        if (!datasheet.isEmpty()) {
            notes.append(" Epoch's datasheet links: ").append(datasheet).append('.');
        }
        String internode = row.cell(EpochField.Columns.INTERNODE);
        if (!internode.isEmpty()) {
            notes.append(" Epoch's internode bandwidth: ").append(plain(new BigDecimal(internode).movePointLeft(9)))
                    .append(" Gbit/s (no ChipCast field).");
        }
        if (entry.note() != null && !entry.note().isBlank()) {
            notes.append(' ').append(entry.note().strip());
        }
        String fp64Kind = figures.containsKey(EpochField.FP64.path()) ? "vector" : null; // Epoch's FP64 column
        return new Chip(entry.id(), vendors.get(entry.vendorKey()), entry.vendorKey(), entry.name(), null, launchDate,
                launchDateNote, processNode(row), null, number(figures.get(EpochField.MEMORY.path())), null,
                number(figures.get(EpochField.BANDWIDTH.path())), number(figures.get(EpochField.TDP.path())), dense,
                fp64Kind, halved, halved ? "Epoch: \"" + sentence(epochNotes, "divide performance by 2") + "\"" : null,
                new Chip.Interconnect(null, number(figures.get(EpochField.INTRANODE.path()))), entry.formFactor(), null,
                entry.perDeviceNote(), entry.workload(), Chip.TIER_EPOCH_ONLY, row.name(),
                "single source (Epoch AI), not cross-checked", List.of(), List.of(),
                List.of(source.supporting(supports(row, figures))), notes.toString());
    }

    /** The Epoch source's supports text: the row's served figures, in ChipCast's units. */
    static String supports(EpochData.Row row, Map<String, BigDecimal> figures) {
        List<String> parts = new ArrayList<>();
        BigDecimal tensor = figures.containsKey(EpochField.BF16.path()) ? figures.get(EpochField.BF16.path())
                : figures.get(EpochField.FP16.path());
        if (tensor != null) {
            parts.add("Tensor-FP16/BF16 " + plain(tensor) + " TFLOPS");
        }
        for (EpochField f : List.of(EpochField.TF32, EpochField.FP8, EpochField.FP4, EpochField.INT8, EpochField.INT4,
                EpochField.FP32, EpochField.FP64)) {
            BigDecimal v = figures.get(f.path());
            if (v != null) {
                parts.add(label(f.path()) + " " + plain(v) + " " + unit(f.path())
                        + (f == EpochField.FP32 || f == EpochField.FP64 ? " (vector)" : ""));
            }
        }
        for (EpochField f : List.of(EpochField.MEMORY, EpochField.BANDWIDTH, EpochField.TDP, EpochField.INTRANODE)) {
            BigDecimal v = figures.get(f.path());
            if (v != null) {
                parts.add(label(f.path()) + " " + plain(v) + " " + unit(f.path()));
            }
        }
        String process = processNode(row);
        if (process != null) {
            parts.add("process " + process);
        }
        parts.add("release " + row.cell(EpochField.Columns.RELEASE));
        return "row '" + row.name() + "': " + String.join(", ", parts);
    }

    static String processNode(EpochData.Row row) {
        String size = row.cell(EpochField.Columns.PROCESS);
        String foundry = row.cell(EpochField.Columns.FOUNDRY);
        String nm = size.isEmpty() ? "" : plain(new BigDecimal(size)) + "nm";
        String out = (foundry + " " + nm).strip();
        return out.isEmpty() ? null : out;
    }

    private static String label(String path) {
        return switch (path) {
            case "memoryGB" -> "memory";
            case "memoryBandwidthTBs" -> "memory bandwidth";
            case "tdpWatts" -> "TDP";
            case "interconnect.GBs" -> "intranode bandwidth";
            case "denseTFLOPS.bf16", "denseTFLOPS.fp16" -> "Tensor-FP16/BF16 as " + path.substring(12).toUpperCase();
            default -> path.substring(path.indexOf('.') + 1).toUpperCase();
        };
    }

    private static String unit(String path) {
        return switch (path) {
            case "memoryGB" -> "GB";
            case "memoryBandwidthTBs" -> "TB/s";
            case "tdpWatts" -> "W";
            case "interconnect.GBs" -> "GB/s";
            case "denseTFLOPS.int8", "denseTFLOPS.int4" -> "TOPS";
            default -> "TFLOPS";
        };
    }

    /** An exact figure as a JSON number: an integer when whole, else the double nearest to it. */
    static Number number(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) {
            return s.longValueExact() <= Integer.MAX_VALUE ? (Number) s.intValueExact() : (Number) s.longValueExact();
        }
        return s.doubleValue();
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** A CSV cell as one line: runs of whitespace (newlines included) become one space, " / " between lines. */
    static String flatten(String cell) {
        return cell.strip().replaceAll("\\s*\\R\\s*", " / ").replaceAll("( / )+", " / ").replaceAll("[ \\t]+", " ");
    }

    private static String sentence(String text, String containing) {
        for (String s : text.split("(?<=\\.)\\s+")) {
            if (s.contains(containing)) {
                return s.strip();
            }
        }
        return text;
    }
}
