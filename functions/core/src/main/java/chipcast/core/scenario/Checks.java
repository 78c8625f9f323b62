package chipcast.core.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Shared validation, figure look-up and small maths used by the calculators. */
final class Checks {
    /** Largest chip count we return; beyond 2^53 a double no longer holds every integer. */
    static final double MAX_EXACT = 9.007199254740992e15;

    private Checks() {
    }

    /** Written so that NaN fails: every comparison with NaN is false. */
    static double range(String field, double v, double lo, boolean loInclusive, double hi) {
        boolean ok = Double.isFinite(v) && (loInclusive ? v >= lo : v > lo) && v <= hi;
        if (!ok) {
            throw new ScenarioInputException(field, "must be in " + (loInclusive ? "[" : "(")
                    + plain(lo) + ", " + plain(hi) + "], got " + v);
        }
        return v;
    }

    static double rangeOr(String field, Double v, double dflt, double lo, boolean loInclusive, double hi) {
        return range(field, v == null ? dflt : v, lo, loInclusive, hi);
    }

    static String precision(String field, String p, String dflt) {
        String value = p == null ? dflt : p;
        if (!Precisions.isKnown(value)) {
            throw new ScenarioInputException(field, "unknown precision '" + value + "'; known: " + Precisions.ALL);
        }
        return value;
    }

    static <T> List<T> list(String field, List<T> items, int min, int max) {
        if (items == null || items.size() < min || items.size() > max) {
            throw new ScenarioInputException(field, "needs " + min + ".." + max + " entries, got "
                    + (items == null ? "none" : items.size()));
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new ScenarioInputException(field + "[" + i + "]", "must not be null");
            }
        }
        return items;
    }

    static String text(String field, String s) {
        if (s == null || s.isBlank()) {
            throw new ScenarioInputException(field, "must not be blank");
        }
        return s;
    }

    static ChipFigures chip(String field, ChipFigures c) {
        if (c == null) {
            throw new ScenarioInputException(field, "must not be null");
        }
        text(field + ".id", c.id());
        return c;
    }

    /** A figure a scenario divides or multiplies by: must be a positive finite number. */
    static double figure(ChipFigures chip, String name, Double v) {
        if (v == null || !Double.isFinite(v) || v <= 0) {
            throw new MissingFigureException(chip.id(), name);
        }
        return v;
    }

    static double tdp(ChipFigures c) {
        return figure(c, "tdpWatts", c.tdpWatts());
    }

    static double memoryGB(ChipFigures c) {
        return figure(c, "memoryGB", c.memoryGB());
    }

    static double bandwidth(ChipFigures c) {
        return figure(c, "memoryBandwidthTBs", c.memoryBandwidthTBs());
    }

    static double dense(ChipFigures c, String precision) {
        return figure(c, "denseTFLOPS." + precision, c.dense(precision));
    }

    static boolean hasDense(ChipFigures c, String precision) {
        Double v = c.dense(precision);
        return v != null && Double.isFinite(v) && v > 0;
    }

    /** The float format with the highest dense figure; on a tie the narrower format wins. */
    static String bestFloatPrecision(ChipFigures c) {
        String best = null;
        for (String p : Precisions.FLOAT_CANDIDATES) {
            if (hasDense(c, p) && (best == null || c.dense(p) > c.dense(best))) {
                best = p;
            }
        }
        if (best == null) {
            throw new MissingFigureException(c.id(), "denseTFLOPS (any of " + Precisions.FLOAT_CANDIDATES + ")");
        }
        return best;
    }

    /** value / baseline, or null where either is unknown or the baseline is zero. */
    static Double ratio(Double value, Double baseline) {
        if (value == null || baseline == null || baseline == 0) {
            return null;
        }
        return value / baseline;
    }

    /**
     * Ceiling that ignores floating-point noise: 160e9 / 80e9 may come out as 2.0000000000000004,
     * which must count as 2 chips, not 3.
     */
    static double ceil(double x) {
        double r = Math.rint(x);
        return Math.abs(x - r) <= 1e-9 * Math.max(1.0, Math.abs(x)) ? r : Math.ceil(x);
    }

    /** Ratios and derived days in sentences: three significant digits, zeros kept ("2.00"), no exponent. */
    static String fmt(double x) {
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(3));
        if (d.precision() < 3 && d.scale() >= 0) {
            d = d.setScale(d.scale() + 3 - d.precision());
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** Input figures in sentences, as given (1978.9 stays 1978.9), trimmed of float noise. */
    static String num(double x) {
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        return plain(new BigDecimal(x).round(new MathContext(9)).doubleValue());
    }

    private static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
