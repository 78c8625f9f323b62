package chipcast.core.store;

import java.util.List;
import java.util.Map;

/**
 * One page of a listing in key order, and the key of its last item when more follow (null on the last
 * page: there is never an empty last page). The key's attributes are strings, so a page token can carry it.
 */
public record Page<T>(List<T> items, Map<String, String> lastKey) {
    public Page {
        items = List.copyOf(items);
    }
}
