package chipcast.core.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A saved comparison: the compare body as given ({@code request}), its name, and optionally how it
 * maps onto a vendor claim ({@code claim}: claimId plus the claim's stated figures).
 *
 * @param origin  "seed" (bundled dataset, read-only) or "user" (saved with PUT)
 * @param version starts at 1, +1 per update; the ETag and the If-Match value
 */
public record StoredScenario(String scenarioId, String name, String description, String origin, long version,
                             String updatedAt, ObjectNode claim, ObjectNode request) {
    public static final String SEED = "seed";
    public static final String USER = "user";

    public String kind() {
        return request == null ? null : request.path("kind").asText(null);
    }
}
