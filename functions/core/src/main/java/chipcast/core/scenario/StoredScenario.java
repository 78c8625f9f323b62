package chipcast.core.scenario;

/**
 * A saved comparison: the compare body ({@code request}), its name, and optionally how it maps onto a
 * vendor claim ({@code claim}: the claim's id plus the figures it states).
 *
 * @param origin  "seed" (bundled dataset, read-only) or "user" (saved with PUT)
 * @param version starts at 1, +1 per update; the ETag and the If-Match value
 */
public record StoredScenario(String scenarioId, String name, String description, String origin, long version,
                             String updatedAt, ClaimMapping claim, CompareRequest request) {
    public static final String SEED = "seed";
    public static final String USER = "user";

    public String kind() {
        return request == null ? null : request.kind();
    }
}
