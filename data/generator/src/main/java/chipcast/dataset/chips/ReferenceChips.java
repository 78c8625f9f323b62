package chipcast.dataset.chips;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curated chips: data/sources/reference/chips.json reshaped to the served schema, with the curated edits of
 * data/sources/curation/chips.json. No figure is changed here; sources get titles and dates, notes get the Epoch
 * cross-check result.
 */
public final class ReferenceChips {
    private ReferenceChips() {
    }

    public static List<ReferenceChip> read(Layout layout) {
        return Mapper.read(layout.path(Layout.REF_CHIPS), Layout.REF_CHIPS, new TypeReference<List<ReferenceChip>>() {
        });
    }

    public static List<Chip> build(List<ReferenceChip> reference, ChipCuration curation, SourceCatalogue catalogue) {
        Map<String, ChipCuration.Entry> entries = curation.byId(reference);
        List<Chip> out = new ArrayList<>();
        for (ReferenceChip r : reference) {
            ChipCuration.Entry entry = entries.get(r.id());
            List<Source> sources = new ArrayList<>();
            for (ReferenceChip.ReferenceSource s : r.sources()) {
                sources.add(catalogue.convert(s));
            }
            if (entry.extraSources() != null) {
                for (ReferenceChip.ReferenceSource s : entry.extraSources()) {
                    sources.add(catalogue.convert(s));
                }
            }
            String notes = r.notes().stripTrailing();
            if (entry.notesAppended() != null) {
                notes = notes + (notes.isEmpty() ? "" : " ") + entry.notesAppended();
            }
            String vendorKey = curation.vendorKeys().get(r.vendor());
            if (vendorKey == null) {
                throw new DatasetException(Layout.CHIP_CURATION + ": vendorKeys has no key for vendor '" + r.vendor()
                        + "' (chip " + r.id() + ")");
            }
            Map<String, Number> dense = new LinkedHashMap<>();
            for (String p : Chip.PRECISIONS) {
                dense.put(p, r.denseTFLOPS().get(p));
            }
            out.add(new Chip(r.id(), r.vendor(), vendorKey, r.name(), r.architecture(), r.launchDate(),
                    r.launchDateNote(), r.processNode(), r.memoryType(), r.memoryGB(), null, r.memoryBandwidthTBs(),
                    r.tdpWatts(), dense, null, r.sourceGivesOnlySparse(), r.sparseNote(),
                    new Chip.Interconnect(r.interconnect().name(), r.interconnect().GBs()), r.formFactor(), null, null,
                    r.primaryWorkload(), Chip.TIER_CURATED, entry.epochName(), r.confidence(), List.of(), List.of(), sources, notes));
        }
        return out;
    }
}
