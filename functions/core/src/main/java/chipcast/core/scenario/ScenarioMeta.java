package chipcast.core.scenario;

/** What a saved scenario carries beside its compare body: a name, a description and an optional claim. */
public record ScenarioMeta(String name, String description, ClaimMapping claim) {
    /** The body's fields that belong here and not to the compare body. */
    public static final java.util.Set<String> FIELDS = java.util.Set.of("name", "description", "claim");
}
