package chipcast.core.scenario;

import java.util.List;
import java.util.Optional;

/** The vendor claims a scenario can be checked against (data/claims.json, bundled with the scenario function). */
public interface ClaimCatalog {
    Optional<VendorClaim> find(String id);

    /** Every claim, in id order (GET /claims). */
    List<VendorClaim> all();
}
