package chipcast.dataset.chips;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.check.Checks;
import chipcast.dataset.json.FieldPath;
import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * data/sources/chips-audit.json: the audit of curated chips. Each entry names a chip, a field, the value it has now
 * ({@code from}: the build fails if the chip's value differs, so an entry never lands on a value it did not check),
 * the value after the audit, the source that supports it, the reason, the action and the audit's confidence.
 *
 * <ul>
 * <li>{@code action: fix} changes the field from {@code from} to {@code to} (they must differ); the source is added
 * to the chip's sources unless one with its url is there, and the notes end with "Corrected (audit, confidence
 * ...): {field} {from} -> {to}: {reason}." (When the chip already cites the source's url and the field is a figure,
 * that source's supports text gains the entry's instead.)</li>
 * <li>{@code action: explain} keeps the value ({@code to} must equal {@code from}); the notes end with "Checked
 * (audit, confidence ...): {field} kept at {value}: {reason}."</li>
 * </ul>
 *
 * Fields: a path such as {@code denseTFLOPS.fp8}, {@code interconnect.GBs} or {@code sources[2].url}, which must
 * exist; {@code sources[+]} (optionally {@code sources[+].supports (figure path)}) adds the entry's source, with
 * {@code from} null and {@code to} a short label; {@code sources[N].asOf/asOfKind} re-dates a source, with
 * {@code from}/{@code to} "{asOf} {asOfKind}" and the entry's source being that source (same url).
 */
public final class ChipAudit {
    public record Entry(String chipId, String field, JsonNode from, JsonNode to, Source source, String reason,
                        String action, String confidence) {
    }

    public static final String FIX = "fix";
    public static final String EXPLAIN = "explain";

    private static final Set<String> FIXED = Set.of("id", "tier", "epochName", "prices");
    private static final Pattern ADD_SOURCE = Pattern.compile("sources\\[\\+\\](?:\\.supports \\(([A-Za-z0-9.]+)\\))?");
    private static final Pattern REDATE = Pattern.compile("sources\\[(\\d+)\\]\\.asOf/asOfKind");
    private static final Pattern DATED = Pattern.compile("(\\S+) (published|checked)");
    /** The figure fields: a fix of one keeps the figure quoted by its source. */
    private static final Pattern FIGURE = Pattern.compile("denseTFLOPS\\.\\w+|memoryGB|memoryPhysicalGB|memoryBandwidthTBs|tdpWatts|interconnect\\.GBs");

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
            change(tree, e, at);
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
                if (FIX.equals(e.action()) && !REDATE.matcher(e.field()).matches()) {
                    addSource(sources, e);
                }
                notes.append(notes.length() == 0 ? "" : " ").append(note(e));
            }
            out.add(patched.withSources(sources).withNotes(notes.toString()));
        }
        return out;
    }

    /**
     * A fix's source joins the chip's sources; when the chip already cites its url and the fix sets a figure, the
     * cited source's supports text gains the entry's, so the figure stays quoted by the source that gives it.
     */
    private static void addSource(List<Source> sources, Entry e) {
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            if (s.url() != null && s.url().equals(e.source().url())) {
                if (FIGURE.matcher(e.field()).matches() && !s.supports().contains(e.source().supports())) {
                    sources.set(i, new Source(s.title(), s.url(), s.supports() + "; " + e.source().supports(), s.asOf(), s.asOfKind()));
                }
                return;
            }
        }
        sources.add(e.source());
    }

    /** The sentence an entry appends to the chip's notes. */
    static String note(Entry e) {
        String reason = e.reason().strip();
        String how = " (audit, confidence " + e.confidence() + "): ";
        String text;
        if (ADD_SOURCE.matcher(e.field()).matches()) {
            text = "Source added" + how + e.source().title() + ": " + reason;
        } else if (FIX.equals(e.action())) {
            text = "Corrected" + how + e.field() + " " + e.from() + " -> " + e.to() + ": " + reason;
        } else {
            text = "Checked" + how + e.field() + " kept at " + e.from() + ": " + reason;
        }
        return text + (reason.endsWith(".") ? "" : ".");
    }

    private static void change(JsonNode tree, Entry e, String at) {
        boolean fix = FIX.equals(e.action());
        if (fix == FieldPath.sameValue(e.from(), e.to()) && !ADD_SOURCE.matcher(e.field()).matches()) {
            throw new DatasetException(at + ": " + (fix ? "a fix must change the value (to equals from): use action explain"
                    : "an explanation keeps the value (to must equal from): use action fix"));
        }
        Matcher add = ADD_SOURCE.matcher(e.field());
        if (add.matches()) {
            if (!fix || !e.from().isNull() || !e.to().isTextual()) {
                throw new DatasetException(at + ": sources[+] is a fix with from null and to a label of the source added");
            }
            if (add.group(1) != null && FieldPath.parse(add.group(1)).get(tree) == null) {
                throw new DatasetException(at + ": the chip has no field " + add.group(1));
            }
            return; // the source is added with the other fixes' sources
        }
        Matcher redate = REDATE.matcher(e.field());
        if (redate.matches()) {
            JsonNode source = tree.path("sources").path(Integer.parseInt(redate.group(1)));
            Matcher from = DATED.matcher(e.from().asText());
            Matcher to = DATED.matcher(e.to().asText());
            if (!source.isObject() || !from.matches() || !to.matches() || !Checks.DATE.matcher(to.group(1)).matches()) {
                throw new DatasetException(at + ": needs an existing source and from/to written \"{asOf} {published|checked}\"");
            }
            if (!source.path("url").asText("").equals(e.source().url())) {
                throw new DatasetException(at + ": the entry's source url " + e.source().url() + " is not the url of "
                        + e.field().replace(".asOf/asOfKind", "") + " (" + source.path("url").asText() + ")");
            }
            if (!source.path("asOf").asText().equals(from.group(1)) || !source.path("asOfKind").asText().equals(from.group(2))) {
                throw new DatasetException(at + ": from " + e.from() + " does not match the source's current \""
                        + source.path("asOf").asText() + " " + source.path("asOfKind").asText() + "\"");
            }
            ((ObjectNode) source).set("asOf", TextNode.valueOf(to.group(1)));
            ((ObjectNode) source).set("asOfKind", TextNode.valueOf(to.group(2)));
            return;
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
        if (fix) {
            path.set(tree, e.to());
        }
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
        if (!FIX.equals(e.action()) && !EXPLAIN.equals(e.action())) {
            throw new DatasetException(at + ": action must be \"fix\" or \"explain\", not " + e.action());
        }
        if (e.confidence() == null || e.confidence().isBlank()) {
            throw new DatasetException(at + ": say the audit's confidence (e.g. high, medium)");
        }
        Source s = e.source();
        if (s == null || s.title() == null || s.title().isBlank() || s.supports() == null || s.supports().isBlank()
                || s.asOf() == null || !Checks.DATE.matcher(s.asOf()).matches()
                || !(SourceCatalogue.PUBLISHED.equals(s.asOfKind()) || SourceCatalogue.CHECKED.equals(s.asOfKind()))) {
            throw new DatasetException(at + ": a correction needs its source {title, url, supports, asOf, asOfKind}");
        }
    }
}
