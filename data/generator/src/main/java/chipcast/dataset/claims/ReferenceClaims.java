package chipcast.dataset.claims;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.chips.SourceCatalogue;
import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reference claims (data/sources/reference/claims.json, which carry no ids) with the curated fields of
 * data/sources/curation/claims.json, matched by position: ids, vendor, headline ratio, subject and baseline chip
 * ids, and the primary source.
 */
public final class ReferenceClaims {
    public record ReferenceClaim(String claim, String claimant, String date, String conditions, List<String> sources,
                                 String confidence, String notes) {
    }

    /** data/sources/curation/claims.json. */
    public record Curation(String about, List<Entry> claims) {
    }

    public record Entry(String id, String vendor, Number claimedRatio, String subject, String baseline,
                        String primarySource, String notesAppended) {
    }

    private ReferenceClaims() {
    }

    public static List<Claim> build(Layout layout, SourceCatalogue catalogue, Set<String> chipIds) {
        List<ReferenceClaim> ref = Mapper.read(layout.path(Layout.REF_CLAIMS), Layout.REF_CLAIMS,
                new TypeReference<List<ReferenceClaim>>() {
                });
        Curation cur = Mapper.read(layout.path(Layout.CLAIM_CURATION), Layout.CLAIM_CURATION, Curation.class);
        if (ref.size() != cur.claims().size()) {
            throw new DatasetException(Layout.REF_CLAIMS + " has " + ref.size() + " claims, " + Layout.CLAIM_CURATION
                    + " " + cur.claims().size() + ": the entries match the reference claims by position");
        }
        List<Claim> out = new ArrayList<>();
        for (int i = 0; i < ref.size(); i++) {
            ReferenceClaim r = ref.get(i);
            Entry e = cur.claims().get(i);
            if (!r.sources().contains(e.primarySource())) {
                throw new DatasetException(e.id() + ": primarySource is not one of the reference claim's sources");
            }
            for (String chip : new String[] {e.subject(), e.baseline()}) {
                if (chip != null && !chipIds.contains(chip)) {
                    throw new DatasetException(e.id() + ": unknown chip id " + chip);
                }
            }
            String notes = r.notes() == null ? "" : r.notes().strip();
            if (e.notesAppended() != null) {
                notes = (notes.isEmpty() ? "" : notes + " ") + e.notesAppended();
            }
            List<Claim.ClaimSource> sources = new ArrayList<>();
            for (String url : r.sources()) {
                sources.add(source(catalogue, url));
            }
            out.add(new Claim(e.id(), e.vendor(), r.claimant(), r.claim(), e.claimedRatio(), e.subject(), e.baseline(),
                    r.conditions(), r.date(), source(catalogue, e.primarySource()), sources, r.confidence(), notes));
        }
        return out;
    }

    private static Claim.ClaimSource source(SourceCatalogue catalogue, String url) {
        SourceCatalogue.Dated d = catalogue.url(url);
        return new Claim.ClaimSource(d.title(), d.url(), d.asOf(), d.asOfKind());
    }
}
