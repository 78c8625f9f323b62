package chipcast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Seeded random inputs: reproducible, so a failure message's case number can be replayed. */
class ForecastPropertyTest {

    private static final int CASES = 2_000;

    private static int year(Random r) {
        return 1990 + r.nextInt(111);
    }

    /** Log-uniform in [1e-6, 1e6] so small and large magnitudes are equally likely. */
    private static double value(Random r) {
        return Math.pow(10, -6 + 12 * r.nextDouble());
    }

    /** In (-0.99, 10], skipping near-zero rates where strict monotonicity is a rounding question. */
    private static double cagr(Random r) {
        double c;
        do {
            c = -0.99 + 10.99 * r.nextDouble();
        } while (c <= -0.99 || Math.abs(c) < 1e-6);
        return c;
    }

    private static int[] range(Random r) {
        int a = year(r);
        int b = year(r);
        return new int[] {Math.min(a, b), Math.max(a, b)};
    }

    private static void assertFiniteSeries(ForecastCalculation c, String label) {
        assertTrue(Double.isFinite(c.cagr()) && c.cagr() > -1, label + " cagr " + c.cagr());
        assertTrue(Double.isFinite(c.multiple()) && c.multiple() > 0, label + " multiple");
        for (SeriesPoint p : c.series()) {
            assertTrue(Double.isFinite(p.value()) && p.value() > 0, label + " value " + p);
            assertTrue(p.yoyGrowth() == null || Double.isFinite(p.yoyGrowth()), label + " yoy " + p);
        }
        if (c.fit() != null) {
            assertTrue(Double.isFinite(c.fit().annualGrowth()), label + " fit growth");
            assertTrue(c.fit().r2() >= 0 && c.fit().r2() <= 1, label + " r2 " + c.fit().r2());
        }
    }

    private static void assertMonotone(List<SeriesPoint> s, boolean increasing, String label) {
        for (int i = 1; i < s.size(); i++) {
            double prev = s.get(i - 1).value();
            double cur = s.get(i).value();
            assertTrue(increasing ? cur > prev : cur < prev,
                    label + " not " + (increasing ? "increasing" : "decreasing") + " at " + s.get(i).year());
        }
    }

    @Test
    void fromCagrSeriesIsMonotoneInTheSignOfTheCagr() {
        Random r = new Random(20240601L);
        int checked = 0;
        for (int i = 0; i < CASES; i++) {
            int base = year(r);
            int target = year(r);
            double v = value(r);
            double g = cagr(r);
            int[] ft = range(r);
            String label = "case " + i;
            ForecastCalculation c;
            try {
                c = ForecastCalculator.fromCagr(base, v, g, target, ft[0], ft[1]);
            } catch (ForecastInputException e) {
                continue; // out-of-range results are allowed to be rejected, never to be returned
            }
            assertFiniteSeries(c, label);
            assertMonotone(c.series(), g > 0, label);
            for (SeriesPoint p : c.series()) {
                if (p.year() == base) {
                    assertEquals(v, p.value(), 0.0, label + " base reproduced");
                }
                if (p.year() == target && target != base) {
                    double expected = target > base ? c.lastValue() : c.firstValue();
                    assertEquals(expected, p.value(), 0.0, label + " target reproduced");
                    assertTrue(Math.abs(p.value() - v * Math.pow(1 + g, target - base)) <= 1e-9 * p.value(),
                            label + " target on the CAGR path");
                }
            }
            checked++;
        }
        assertTrue(checked > CASES / 2, "most random cases are valid, checked " + checked);
    }

    @Test
    void fromPointsWithMonotoneKnownValuesIsMonotone() {
        Random r = new Random(7L);
        for (int i = 0; i < CASES; i++) {
            boolean increasing = r.nextBoolean();
            int n = 2 + r.nextInt(8);
            TreeSet<Integer> years = new TreeSet<>();
            while (years.size() < n) {
                years.add(year(r));
            }
            List<Double> values = new ArrayList<>();
            TreeSet<Double> distinct = new TreeSet<>();
            while (distinct.size() < n) {
                distinct.add(value(r));
            }
            values.addAll(increasing ? distinct : distinct.descendingSet());
            List<KnownPoint> pts = new ArrayList<>();
            int j = 0;
            for (int y : years) {
                pts.add(new KnownPoint(y, values.get(j++)));
            }
            Collections.shuffle(pts, r);
            int[] ft = range(r);
            String label = "case " + i;
            ForecastCalculation c;
            try {
                c = ForecastCalculator.fromPoints(pts, null, ft[0], ft[1]);
            } catch (ForecastInputException e) {
                assertTrue(e.field().equals("from") || e.field().equals("to"), label + " " + e.getMessage());
                continue;
            }
            assertFiniteSeries(c, label);
            assertEquals(increasing, c.cagr() > 0, label + " sign of cagr");
            assertMonotone(c.series(), increasing, label);
        }
    }

    @Test
    void knownPointsAreReproducedExactly() {
        Random r = new Random(42L);
        for (int i = 0; i < CASES; i++) {
            int n = 1 + r.nextInt(12);
            Map<Integer, Double> known = new HashMap<>();
            List<KnownPoint> pts = new ArrayList<>();
            while (pts.size() < n) {
                int y = year(r);
                if (known.containsKey(y)) {
                    continue;
                }
                double v = value(r);
                known.put(y, v);
                pts.add(new KnownPoint(y, v));
            }
            Double stated = n == 1 || r.nextBoolean() ? cagr(r) : null;
            String label = "case " + i;
            ForecastCalculation c;
            try {
                // Default range: first to last known year, so every known point is in the series.
                c = ForecastCalculator.fromPoints(pts, stated, null, null);
            } catch (ForecastInputException e) {
                fail(label + " rejected a valid input: " + e.getMessage());
                return;
            }
            assertFiniteSeries(c, label);
            int reported = 0;
            for (SeriesPoint p : c.series()) {
                Double v = known.get(p.year());
                if (v != null) {
                    reported++;
                    assertEquals(SeriesPoint.REPORTED, p.kind(), label);
                    assertTrue(Math.abs(p.value() - v) <= 1e-12 * v, label + " year " + p.year());
                } else {
                    assertEquals(SeriesPoint.INTERPOLATED, p.kind(), label);
                }
            }
            assertEquals(n, reported, label);
            int first = pts.stream().mapToInt(KnownPoint::year).min().orElseThrow();
            int last = pts.stream().mapToInt(KnownPoint::year).max().orElseThrow();
            assertEquals(known.get(first), c.firstValue(), 0.0, label);
            assertEquals(known.get(last), c.lastValue(), 0.0, label);
            assertEquals(last - first + 1, c.series().size(), label);
            assertNull(c.series().get(0).yoyGrowth(), label);
            if (n >= 3) {
                assertNotNull(c.fit(), label);
            }
        }
    }

    @Test
    void anyValidInputGivesFiniteResultsOrForecastInputException() {
        Random r = new Random(99L);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            String label = "case " + i;
            try {
                ForecastCalculation c;
                if (r.nextBoolean()) {
                    int n = 1 + r.nextInt(6);
                    List<KnownPoint> pts = new ArrayList<>();
                    TreeSet<Integer> years = new TreeSet<>();
                    while (years.size() < n) {
                        years.add(year(r));
                    }
                    for (int y : years) {
                        pts.add(new KnownPoint(y, value(r)));
                    }
                    Double stated = n == 1 || r.nextBoolean() ? cagr(r) : null;
                    Integer from = r.nextBoolean() ? year(r) : null;
                    Integer to = r.nextBoolean() ? year(r) : null;
                    c = ForecastCalculator.fromPoints(pts, stated, from, to);
                } else {
                    Integer from = r.nextBoolean() ? year(r) : null;
                    Integer to = r.nextBoolean() ? year(r) : null;
                    c = ForecastCalculator.fromCagr(year(r), value(r), cagr(r), year(r), from, to);
                }
                assertFiniteSeries(c, label);
                if (c.statedCagrGapPoints() != null) {
                    assertTrue(Double.isFinite(c.statedCagrGapPoints()), label);
                }
            } catch (ForecastInputException e) {
                rejected++; // e.g. from > to, or an extreme projection that overflows
            } catch (RuntimeException e) {
                fail(label + " threw " + e, e);
            }
        }
        assertTrue(rejected < CASES, "not everything is rejected");
    }
}
