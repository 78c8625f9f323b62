package chipcast.core.request;

import java.util.regex.Pattern;

/** Ids and keys of the API (chip ids, forecast ids, market keys, vendor keys): lowercase slugs. */
public final class Ids {
    public static final int MAX_LENGTH = 64;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Ids() {
    }

    public static boolean isSlug(String raw) {
        return raw != null && raw.length() <= MAX_LENGTH && SLUG.matcher(raw).matches();
    }

    /** The value when it is a slug, else a 400 naming the parameter and showing a valid example. */
    public static String requireSlug(String raw, String parameter, String example) {
        if (!isSlug(raw)) {
            throw RequestException.invalidParameter(parameter, "'" + Text.printable(raw) + "' is not a valid " + parameter
                    + ": lowercase words joined by hyphens, such as " + example);
        }
        return raw;
    }
}
