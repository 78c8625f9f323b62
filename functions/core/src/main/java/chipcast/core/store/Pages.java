package chipcast.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pages of a small list held in memory (a catalogue bundled with a function, the FX rates), cut the way a Query
 * page is: items in key order after the page token's key, at most {@code limit}, and the last item's key when more
 * follow (never an empty last page). The key is one string attribute, so a {@link PageToken} can carry it.
 */
public final class Pages {
    private Pages() {
    }

    /**
     * The page of {@link #after} as the API serves it: the items and the signed token of the next page, bound to
     * {@code scope} (the listing), so a token of one listing is refused by another.
     */
    public static <T> Listing<T> listing(List<T> sorted, Function<T, String> key, String keyName, int limit,
                                         PageToken tokens, String scope, String nextToken) {
        Page<T> page = after(sorted, key, keyName, limit, tokens.start(scope, nextToken));
        return new Listing<>(page.items(), tokens.next(scope, page));
    }

    /**
     * @param sorted  the items, sorted by {@code key} ascending, keys unique
     * @param keyName the token's attribute name
     * @param start   the key a page token carries, or null for the first page
     */
    public static <T> Page<T> after(List<T> sorted, Function<T, String> key, String keyName, int limit,
                                    Map<String, String> start) {
        String after = null;
        if (start != null) {
            if (!start.keySet().equals(Set.of(keyName))) {
                throw new InvalidPageTokenException("nextToken does not fit this listing");
            }
            after = start.get(keyName);
        }
        List<T> items = new ArrayList<>();
        boolean more = false;
        for (T item : sorted) {
            if (after != null && key.apply(item).compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(item);
        }
        return new Page<>(items, more ? Map.of(keyName, key.apply(items.get(items.size() - 1))) : null);
    }
}
