package chipcast.core.forecast;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ForecastReports.percent replaced String.format("%.2f%%") on the cold path: it must print the same. */
class PercentTextTest {
    @Test
    void printsWhatFormatPrinted() {
        Random random = new Random(20261128);
        double[] edges = {0, -0.0, 0.005, 0.015, 0.125, -4.785, 28.335, 57.295, 99.995, 1e-9, -1e-9, 1234.5649999};
        for (double v : edges) {
            assertEquals(String.format(Locale.ROOT, "%.2f%%", v), ForecastReports.percent(v), "value " + v);
        }
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextDouble() - 0.3) * 200;
            if (i % 2 == 0) {
                v = Math.round(v * 1000) / 1000.0; // many exact half-way cases at the third decimal
            }
            assertEquals(String.format(Locale.ROOT, "%.2f%%", v), ForecastReports.percent(v), "value " + v);
        }
    }
}
