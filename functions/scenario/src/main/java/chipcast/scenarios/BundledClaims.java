package chipcast.scenarios;

import chipcast.core.json.Json;
import chipcast.core.scenario.ClaimCatalog;
import chipcast.core.scenario.VendorClaim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
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
    private static final class Bundled {
        static final Map<String, VendorClaim> BY_ID = read();
    }

    private BundledClaims() {
    }

    @Override
    public Optional<VendorClaim> find(String id) {
        return Optional.ofNullable(Bundled.BY_ID.get(id));
    }

    static Map<String, VendorClaim> read() {
        try (InputStream in = BundledClaims.class.getResourceAsStream("/dataset/claims.json")) {
            if (in == null) {
                throw new IllegalStateException("dataset/claims.json is not on the classpath");
            }
            Map<String, VendorClaim> byId = new LinkedHashMap<>();
            for (VendorClaim c : Json.readBundled(in.readAllBytes(), VendorClaim[].class)) {
                byId.put(c.id(), c);
            }
            return byId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset/claims.json", e);
        }
    }
}
