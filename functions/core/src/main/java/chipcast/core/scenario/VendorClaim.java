package chipcast.core.scenario;

import java.util.List;

/**
 * One vendor claim of data/claims.json as published: the quoted claim, its stated conditions and the
 * source that carries it. {@code subject}/{@code baseline} are chip ids, null where the claim names
 * no specific chip; {@code claimedRatio} is null where the claim states no single ratio.
 */
public record VendorClaim(String id, String vendor, String claimant, String claim, Double claimedRatio,
                          String subject, String baseline, String conditions, String date, Source source,
                          List<Source> sources, String confidence, String notes) {

    public record Source(String title, String url, String asOf, String asOfKind) {
    }
}
