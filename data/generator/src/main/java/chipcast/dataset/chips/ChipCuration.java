package chipcast.dataset.chips;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.json.Mapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * data/sources/curation/chips.json: the curated edits of the reference chips. One entry per reference chip:
 * its Epoch row for the cross-check (or why it has none), the text appended to its notes, and sources added.
 */
public record ChipCuration(String about, Map<String, String> vendorKeys, List<Entry> chips) {

    public record Entry(String id, String epochName, String noEpochRow, String notesAppended,
                        List<ReferenceChip.ReferenceSource> extraSources, String extraSourcesWhy) {
    }

    public static ChipCuration read(Layout layout) {
        return Mapper.read(layout.path(Layout.CHIP_CURATION), Layout.CHIP_CURATION, ChipCuration.class);
    }

    /** Entries by chip id; every reference chip needs exactly one, and no entry may name another chip. */
    public Map<String, Entry> byId(List<ReferenceChip> reference) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Entry e : chips) {
            if (out.put(e.id(), e) != null) {
                throw new DatasetException(Layout.CHIP_CURATION + ": chip " + e.id() + " listed twice");
            }
            if (e.epochName() == null && (e.noEpochRow() == null || e.noEpochRow().isBlank())) {
                throw new DatasetException(Layout.CHIP_CURATION + ": " + e.id() + " has no epochName: say why in noEpochRow");
            }
            if (e.extraSources() != null && !e.extraSources().isEmpty()
                    && (e.extraSourcesWhy() == null || e.extraSourcesWhy().isBlank())) {
                throw new DatasetException(Layout.CHIP_CURATION + ": " + e.id() + " adds sources: say why in extraSourcesWhy");
            }
        }
        for (ReferenceChip r : reference) {
            if (!out.containsKey(r.id())) {
                throw new DatasetException(Layout.CHIP_CURATION + ": no entry for reference chip " + r.id());
            }
        }
        for (String id : out.keySet()) {
            if (reference.stream().noneMatch(r -> r.id().equals(id))) {
                throw new DatasetException(Layout.CHIP_CURATION + ": " + id + " is not a chip of " + Layout.REF_CHIPS);
            }
        }
        return out;
    }
}
