package chipcast.core.scenario;

import chipcast.core.store.Page;

import java.util.Map;
import java.util.Optional;

/**
 * The scenarios table: seeded scenarios and users' saved ones. Writes of user scenarios are conditional,
 * so an id is never overwritten silently: a lost condition is a {@link chipcast.core.store.WriteConflictException}.
 */
public interface ScenarioStore {
    Optional<StoredScenario> find(String id);

    /** One page in id order after {@code startKey} (null: from the start). */
    Page<StoredScenario> list(int limit, Map<String, String> startKey);

    /** Saves a new scenario; a WriteConflictException when the id exists. */
    void create(StoredScenario scenario);

    /** Replaces a user scenario at {@code expectedVersion}; a WriteConflictException when it moved on or is seeded. */
    void update(StoredScenario scenario, long expectedVersion);
}
