package chipcast.dataset.forecasts;

import chipcast.dataset.DatasetException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the reference's CAGR text ("28.25%", ">70%", "~60% (stated current CAGR)") and period ("2026-2032", "to 2027"). */
final class Cagr {
    private static final Pattern PERCENT = Pattern.compile("\\s*([<>~≈]?)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{4})\\s*-\\s*(\\d{4})\\s*");
    private static final Pattern TO = Pattern.compile("\\s*to\\s+(\\d{4})\\s*");

    private Cagr() {
    }

    static Forecast.Cagr parse(String forecastId, String text, String period) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Matcher m = PERCENT.matcher(text);
        if (!m.lookingAt()) {
            throw new DatasetException(forecastId + ": cannot parse CAGR '" + text + "'");
        }
        String bound = switch (m.group(1)) {
            case "" -> "exact";
            case ">" -> "atLeast";
            case "<" -> "atMost";
            default -> "approx"; // ~ or ≈
        };
        double num = Double.parseDouble(m.group(2));
        Number percent = num == Math.rint(num) ? (Number) (int) num : (Number) num;
        Integer from = null;
        Integer to = null;
        if (period != null && !period.isEmpty()) {
            Matcher range = RANGE.matcher(period);
            Matcher toYear = TO.matcher(period);
            if (range.matches()) {
                from = Integer.valueOf(range.group(1));
                to = Integer.valueOf(range.group(2));
            } else if (toYear.matches()) {
                to = Integer.valueOf(toYear.group(1));
            } else {
                throw new DatasetException(forecastId + ": cannot parse CAGR period '" + period + "'");
            }
        }
        return new Forecast.Cagr(percent, from, to, text, bound);
    }
}
