package chipcast.core.request;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.stream.Collectors;

/** Small helpers for error messages that quote client input safely. */
public final class Text {
    private static final int MAX_QUOTED = 64;

    private Text() {
    }

    /**
     * Client text shortened and stripped of control characters and angle brackets before it goes into a
     * message: a response must never carry input that a browser could read as markup.
     */
    public static String printable(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(MAX_QUOTED).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || cp == '<' || cp == '>' ? '?' : cp));
        if (raw.codePointCount(0, raw.length()) > MAX_QUOTED) {
            out.append('…');
        }
        return out.toString();
    }

    public static String quoteList(Collection<String> values) {
        return values.stream().limit(40).map(v -> "'" + printable(v) + "'").collect(Collectors.joining(", "));
    }

    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
