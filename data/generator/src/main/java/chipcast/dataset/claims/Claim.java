package chipcast.dataset.claims;

import java.util.List;

/** One vendor performance claim as written to data/claims.json, fields in output order. */
public record Claim(
        String id,
        String vendor,
        String claimant,
        String claim,
        Number claimedRatio,
        String subject,
        String baseline,
        String conditions,
        String date,
        ClaimSource source,
        List<ClaimSource> sources,
        String confidence,
        String notes) {

    /** A claim's source: title, url, and the date it speaks for (published or checked). */
    public record ClaimSource(String title, String url, String asOf, String asOfKind) {
    }
}
