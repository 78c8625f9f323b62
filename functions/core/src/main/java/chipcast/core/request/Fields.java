package chipcast.core.request;

import java.util.List;

/**
 * Checks of values a typed request body already carries (the JSON binding checked their types): required
 * or not, bounds, lengths. Each failure is a 400 INVALID_BODY naming the field as the body does,
 * e.g. {@code 'options[1].count' must be between 1 and 10000000}.
 */
public final class Fields {
    private Fields() {
    }

    public static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The value, or a 400 "'field' is required" when it is absent (or JSON null). */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw RequestException.invalidField(field, "is required");
        }
        return value;
    }

    /** An integer in [min, max]; null when absent and not required. */
    public static Long integer(String field, Long value, long min, long max, boolean required) {
        if (value == null) {
            return required ? required(field, null) : null;
        }
        if (value < min || value > max) {
            throw RequestException.invalidField(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A finite number in [min, max]; null when absent and not required. */
    public static Double number(String field, Double value, double min, double max, boolean required) {
        if (value == null) {
            return required ? required(field, null) : null;
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw RequestException.invalidField(field, "must be a finite number between " + Text.number(min)
                    + " and " + Text.number(max));
        }
        return value;
    }

    /** A finite number in (0, max]; null when absent and not required. */
    public static Double positive(String field, Double value, double max, boolean required) {
        if (value == null) {
            return required ? required(field, null) : null;
        }
        if (!Double.isFinite(value) || value <= 0 || value > max) {
            throw RequestException.invalidField(field, "must be greater than 0 and at most " + Text.number(max));
        }
        return value;
    }

    /**
     * A string of 1 to {@code maxLength} characters, without angle brackets or control characters (a line break
     * or a tab aside); null when absent and not required. The API echoes what it is given (option names, saved
     * scenarios): it never echoes text a browser could read as markup.
     */
    public static String text(String field, String value, int maxLength, boolean required) {
        if (value == null) {
            return required ? required(field, null) : null;
        }
        if (value.isEmpty() || value.length() > maxLength) {
            throw RequestException.invalidField(field, "must be 1 to " + maxLength + " characters");
        }
        boolean plain = value.chars().allMatch(c -> c != '<' && c != '>' && (!Character.isISOControl(c) || c == '\n' || c == '\t'));
        if (!plain) {
            throw RequestException.invalidField(field, "must not hold '<', '>' or control characters");
        }
        return value;
    }

    /** A list of {@code min} to {@code max} entries, none of them null. */
    public static <T> List<T> list(String field, List<T> value, int min, int max) {
        if (value == null) {
            throw RequestException.invalidField(field, "must be an array");
        }
        if (value.size() < min || value.size() > max) {
            throw RequestException.invalidField(field, "must hold " + min + " to " + max + " entries");
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw RequestException.invalidField(element(field, i), "must be an object");
            }
        }
        return value;
    }
}
