package chipcast.scenarios;

import chipcast.core.json.Json;
import chipcast.core.scenario.VendorClaim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The vendor claims of data/claims.json, bundled in this function's jar. They are published
 * statements that change only with a release, so they travel with the code: no table read, no
 * extra IAM permission, and a claim check always cites the claim text of the deployed version.
 */
final class ClaimCatalog {
    private final Map<String, VendorClaim> byId;

    private ClaimCatalog(Map<String, VendorClaim> byId) {
        this.byId = byId;
    }

    static ClaimCatalog bundled() {
        try (InputStream in = ClaimCatalog.class.getResourceAsStream("/dataset/claims.json")) {
            if (in == null) {
                throw new IllegalStateException("dataset/claims.json is not on the classpath");
            }
            VendorClaim[] claims = Json.readLenient(in, VendorClaim[].class);
            Map<String, VendorClaim> byId = new LinkedHashMap<>();
            for (VendorClaim c : claims) {
                byId.put(c.id(), c);
            }
            return new ClaimCatalog(byId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset/claims.json", e);
        }
    }

    Optional<VendorClaim> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
