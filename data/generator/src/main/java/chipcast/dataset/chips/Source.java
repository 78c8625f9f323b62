package chipcast.dataset.chips;

/**
 * A chip's source as served: what it is, where it is, what it supports (quoting the figures), and the date it
 * speaks for. asOfKind "published": asOf is the source's own date; "checked": the source has no knowable date and
 * asOf is the date the figures were checked.
 */
public record Source(String title, String url, String supports, String asOf, String asOfKind) {
}
