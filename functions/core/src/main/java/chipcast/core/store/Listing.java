package chipcast.core.store;

import java.util.List;

/** A page as the API serves it: the items and the token of the next page (null on the last one). */
public record Listing<T>(List<T> items, String nextToken) {
}
