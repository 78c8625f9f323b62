package chipcast.dataset.chips;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.check.Checks;
import chipcast.dataset.json.FieldPath;
import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * data/sources/chips-audit.json (optional, extended build): corrections of curated chips. Each entry names a chip,
 * a field path ("denseTFLOPS.fp8", "sources[2].url"), the value it has now ({@code from}: the build fails if the
 * chip's value differs, so a correction never lands on a value it did not check), the new value, the source that
 * supports it and the reason. The source is added to the chip's sources (unless one with its url is there) and the
 * chip's notes end with the corrections made, so the served record says what changed and why.
 */
public final class ChipAudit {
    public record Entry(String chipId, String field, JsonNode from, JsonNode to, Source source, String reason) {
    }

    private static final Set<String> FIXED = Set.of("id", "tier", "epochName", "prices");

    private ChipAudit() {
    }

    public static List<Entry> read(Layout layout) {
        return Mapper.read(layout.path(Layout.CHIPS_AUDIT), Layout.CHIPS_AUDIT, new TypeReference<List<Entry>>() {
        });
    }

    /**
     * The curated chips with every entry applied, in entry order; fails on the first entry that does not apply.
     * epochImportIds names the Epoch imports, which are corrected in their own file.
     */
    public static List<Chip> apply(List<Chip> chips, List<Entry> entries, Set<String> epochImportIds) {
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        for (Chip c : chips) {
            trees.put(c.id(), Mapper.tree(c));
        }
        Map<String, List<Entry>> applied = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String at = Layout.CHIPS_AUDIT + "[" + i + "] (" + e.chipId() + " " + e.field() + ")";
            validate(e, at);
            JsonNode tree = trees.get(e.chipId());
            if (epochImportIds.contains(e.chipId())) {
                throw new DatasetException(at + ": " + e.chipId() + " is an Epoch import; correct it in " + Layout.EPOCH_IMPORT
                        + " (withheld), or add it as a curated chip");
            }
            if (tree == null) {
                throw new DatasetException(at + ": no curated chip " + e.chipId());
            }
            FieldPath path = FieldPath.parse(e.field());
            if (path == null || FIXED.contains(e.field().split("[.\\[]")[0])) {
                throw new DatasetException(at + ": '" + e.field() + "' is not a field path an audit may change");
            }
            JsonNode current = path.get(tree);
            if (current == null) {
                throw new DatasetException(at + ": the chip has no field " + e.field());
            }
            if (!FieldPath.sameValue(current, e.from())) {
                throw new DatasetException(at + ": from " + e.from() + " does not match the chip's current value " + current
                        + " (the audit was written against other data: check it again)");
            }
            path.set(tree, e.to());
            applied.computeIfAbsent(e.chipId(), k -> new ArrayList<>()).add(e);
        }
        List<Chip> out = new ArrayList<>();
        for (Chip c : chips) {
            List<Entry> done = applied.get(c.id());
            if (done == null) {
                out.add(c);
                continue;
            }
            Chip patched = Mapper.fromTree(trees.get(c.id()), Chip.class, Layout.CHIPS_AUDIT + ": " + c.id() + " after the audit");
            List<Source> sources = new ArrayList<>(patched.sources());
            StringBuilder notes = new StringBuilder(patched.notes() == null ? "" : patched.notes());
            for (Entry e : done) {
                if (sources.stream().noneMatch(s -> s.url() != null && s.url().equals(e.source().url()))) {
                    sources.add(e.source());
                }
                notes.append(notes.length() == 0 ? "" : " ").append("Corrected (audit): ").append(e.field()).append(' ')
                        .append(e.from()).append(" -> ").append(e.to()).append(": ").append(e.reason().strip());
                if (!e.reason().strip().endsWith(".")) {
                    notes.append('.');
                }
            }
            out.add(patched.withSources(sources).withNotes(notes.toString()));
        }
        return out;
    }

    private static void validate(Entry e, String at) {
        if (e.chipId() == null || e.field() == null) {
            throw new DatasetException(at + ": chipId and field are required");
        }
        if (e.from() == null || e.to() == null) {
            throw new DatasetException(at + ": from and to are required (write null for a null value)");
        }
        if (e.reason() == null || e.reason().isBlank()) {
            throw new DatasetException(at + ": a correction needs its reason");
        }
        Source s = e.source();
        if (s == null || s.title() == null || s.title().isBlank() || s.supports() == null || s.supports().isBlank()
                || s.asOf() == null || !Checks.DATE.matcher(s.asOf()).matches()
                || !(SourceCatalogue.PUBLISHED.equals(s.asOfKind()) || SourceCatalogue.CHECKED.equals(s.asOfKind()))) {
            throw new DatasetException(at + ": a correction needs its source {title, url, supports, asOf, asOfKind}");
        }
    }
}
