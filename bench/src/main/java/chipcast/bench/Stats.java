package chipcast.bench;

import java.util.Arrays;
import java.util.List;

/** Median and range of a sample of durations. */
public record Stats(double median, double min, double max, int n) {
    public static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Stats(median, v[0], v[v.length - 1], v.length);
    }

    /** "812 (790-901)": median, then min-max, in whole units. */
    public String cell() {
        return String.format("%.0f (%.0f-%.0f)", median, min, max);
    }

    /** "1.08 (1.01-1.15)": a ratio's median, then min-max. */
    public String ratioCell() {
        return String.format("%.2f (%.2f-%.2f)", median, min, max);
    }

    static double[] copy(double[] v) {
        return Arrays.copyOf(v, v.length);
    }
}
