package chipcast.scenarios;

import chipcast.core.json.Bundled;
import chipcast.core.scenario.ClaimCatalog;
import chipcast.core.scenario.VendorClaim;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vendor claims of data/claims.json, bundled in this function's jar. They are published statements
 * that change only with a release, so they travel with the code: no table read, no extra IAM permission,
 * and a claim check always cites the claim text of the deployed version. Read once, on the first look-up.
 */
final class BundledClaims implements ClaimCatalog {
    static final BundledClaims INSTANCE = new BundledClaims();

    /** The JVM initialises a holder class on first use, once and thread-safely. */
    private static final class Holder {
        static final Map<String, VendorClaim> BY_ID = read();
        static final List<VendorClaim> BY_ID_ORDER = BY_ID.values().stream()
                .sorted(Comparator.comparing(VendorClaim::id)).toList();
    }

    private BundledClaims() {
    }

    @Override
    public Optional<VendorClaim> find(String id) {
        return Optional.ofNullable(Holder.BY_ID.get(id));
    }

    @Override
    public List<VendorClaim> all() {
        return Holder.BY_ID_ORDER;
    }

    static Map<String, VendorClaim> read() {
        Map<String, VendorClaim> byId = new LinkedHashMap<>();
        for (VendorClaim c : Bundled.list("claims.json", VendorClaim[].class)) {
            byId.put(c.id(), c);
        }
        return byId;
    }
}
