package chipcast.core.scenario;

import chipcast.core.request.ErrorCode;
import chipcast.core.request.RequestException;
import chipcast.core.store.Listing;
import chipcast.core.store.PageToken;
import chipcast.core.store.Pages;

/** GET /claims and GET /claims/{claimId}: the vendor claims a scenario can be checked against, with their sources. */
public final class ClaimService {
    static final String SCOPE = "claims";

    private final ClaimCatalog claims;
    private final PageToken pageTokens;

    public ClaimService(ClaimCatalog claims, PageToken pageTokens) {
        this.claims = claims;
        this.pageTokens = pageTokens;
    }

    /** One page of the claims, in id order. */
    public Listing<VendorClaim> list(int limit, String nextToken) {
        return Pages.listing(claims.all(), VendorClaim::id, "id", limit, pageTokens, SCOPE, nextToken);
    }

    public VendorClaim get(String id) {
        return claims.find(id).orElseThrow(() -> new RequestException(ErrorCode.CLAIM_NOT_FOUND,
                "no claim with id '" + id + "'; GET /claims lists the claim ids"));
    }
}
