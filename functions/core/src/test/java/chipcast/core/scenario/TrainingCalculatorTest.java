package chipcast.core.scenario;

import static chipcast.core.scenario.Fixtures.B200;
import static chipcast.core.scenario.Fixtures.H100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TrainingCalculatorTest {
    private static final double EPS = 1e-9;

    private static TrainingRequest gtc(Double days, Double totalFlop) {
        return new TrainingRequest(List.of(
                new TrainingRequest.Option("Hopper", H100, 8000, 25_000.0),
                new TrainingRequest.Option("Blackwell", B200, 2000, null)),
                null, null, days, totalFlop, null, null, null);
    }

    @Test
    void gtcClustersPowerAndPeakCompute() {
        TrainingResult r = TrainingCalculator.calculate(gtc(90.0, null));
        TrainingResult.OptionResult h = r.options().get(0);
        TrainingResult.OptionResult b = r.options().get(1);
        // 8,000 x 700 W = 5.6 MW; 2,000 x 1,000 W = 2.0 MW; x 1.2 PUE = 6.72 and 2.4 MW.
        assertEquals(5.6, h.itPowerMW(), EPS);
        assertEquals(2.0, b.itPowerMW(), EPS);
        assertEquals(6.72, h.facilityPowerMW(), EPS);
        assertEquals(2.4, b.facilityPowerMW(), EPS);
        // Peak BF16: 8,000 x 989.4 = 7,915.2 PFLOPS; 2,000 x 2,250 = 4,500 PFLOPS.
        assertEquals(7915.2, h.peakPFLOPS(), 1e-6);
        assertEquals(4500.0, b.peakPFLOPS(), 1e-6);
        assertEquals(4500.0 / 7915.2, b.ratiosToBaseline().peakPFLOPS(), EPS);
        assertEquals(1.0, h.ratiosToBaseline().peakPFLOPS(), EPS);
        assertEquals(2.0 / 5.6, b.ratiosToBaseline().itPowerMW(), EPS);
        // Effective = peak x 0.4 default.
        assertEquals(7915.2 * 0.4, h.effectivePFLOPS(), 1e-6);
        // Delivered work in 90 days and the days Blackwell needs for Hopper's work.
        assertEquals(7915.2 * 0.4 * 1e15 * 90 * 86400, h.totalFlop(), 1e15);
        assertEquals(90 * 7915.2 / 4500.0, b.daysForBaselineFlop(), 1e-9);
        // Energy: 6.72 MW x 90 d x 24 h = 14,515.2 MWh; at 0.10 USD/kWh = 1,451,520 USD.
        assertEquals(14515.2, h.energyMWh(), 1e-6);
        assertEquals(1_451_520.0, h.energyCostUsd(), 1e-3);
        assertEquals(2.4 * (90 * 7915.2 / 4500.0) * 24, b.energyMWhForBaselineFlop(), 1e-6);
        // Capex only where a price is given.
        assertEquals(8000 * 25_000.0, h.capexUsd(), EPS);
        assertNull(b.capexUsd());
        assertNull(b.ratiosToBaseline().capexUsd());
    }

    @Test
    void totalFlopModeGivesDaysNeeded() {
        double flop = TrainingCalculator.trainingFlop(1e9, 2e10);
        assertEquals(1.2e20, flop, 1e6);
        TrainingResult r = TrainingCalculator.calculate(gtc(null, flop));
        assertEquals("totalFlop", r.mode());
        TrainingResult.OptionResult h = r.options().get(0);
        double days = flop / (7915.2 * 0.4 * 1e15) / 86400;
        assertEquals(days, h.days(), 1e-15);
        assertEquals(days, h.daysForBaselineFlop(), 1e-15);
        assertEquals(7915.2 / 4500.0, r.options().get(1).ratiosToBaseline().days(), EPS);
    }

    @Test
    void missingTdpNamesChipAndFigure() {
        TrainingRequest req = new TrainingRequest(List.of(
                new TrainingRequest.Option("Hopper", H100, 8, null),
                new TrainingRequest.Option("no tdp", Fixtures.withoutTdp(B200), 8, null)),
                null, null, 30.0, null, null, null, null);
        MissingFigureException e = assertThrows(MissingFigureException.class, () -> TrainingCalculator.calculate(req));
        assertEquals("nvidia-b200", e.chipId());
        assertEquals("tdpWatts", e.figure());
    }

    @Test
    void fp4OnH100IsMissing() {
        TrainingRequest req = new TrainingRequest(List.of(new TrainingRequest.Option("Hopper", H100, 8, null)),
                "fp4", null, 30.0, null, null, null, null);
        MissingFigureException e = assertThrows(MissingFigureException.class, () -> TrainingCalculator.calculate(req));
        assertEquals("nvidia-h100-sxm", e.chipId());
        assertEquals("denseTFLOPS.fp4", e.figure());
    }

    private static TrainingRequest.Option opt(long count, Double price) {
        return new TrainingRequest.Option("o", H100, count, price);
    }

    private static TrainingRequest base() {
        return new TrainingRequest(List.of(opt(8, null), opt(8, null)), null, null, 30.0, null, null, null, null);
    }

    private static TrainingRequest with(UnaryOperator<TrainingRequest> f) {
        return f.apply(base());
    }

    static List<Arguments> invalid() {
        List<TrainingRequest.Option> eleven = new ArrayList<>(Collections.nCopies(11, opt(1, null)));
        return List.of(
                Arguments.of("options", with(r -> new TrainingRequest(List.of(), r.precision(), r.utilization(),
                        r.days(), r.totalFlop(), r.pue(), r.serverOverhead(), r.electricityUsdPerKWh()))),
                Arguments.of("options", with(r -> new TrainingRequest(eleven, null, null, 30.0, null, null, null, null))),
                Arguments.of("options[1].count", with(r -> new TrainingRequest(List.of(opt(1, null), opt(0, null)),
                        null, null, 30.0, null, null, null, null))),
                Arguments.of("options[0].count", with(r -> new TrainingRequest(List.of(opt(10_000_001, null)),
                        null, null, 30.0, null, null, null, null))),
                Arguments.of("options[0].chipPriceUsd", with(r -> new TrainingRequest(List.of(opt(1, -1.0)),
                        null, null, 30.0, null, null, null, null))),
                Arguments.of("options[0].chipPriceUsd", with(r -> new TrainingRequest(List.of(opt(1, Double.NaN)),
                        null, null, 30.0, null, null, null, null))),
                Arguments.of("options[0].name", with(r -> new TrainingRequest(
                        List.of(new TrainingRequest.Option(" ", H100, 1, null)), null, null, 30.0, null, null, null, null))),
                Arguments.of("options[0].chip", with(r -> new TrainingRequest(
                        List.of(new TrainingRequest.Option("x", null, 1, null)), null, null, 30.0, null, null, null, null))),
                Arguments.of("precision", new TrainingRequest(List.of(opt(1, null)), "fp3", null, 30.0, null, null, null, null)),
                Arguments.of("utilization", new TrainingRequest(List.of(opt(1, null)), null, 0.0, 30.0, null, null, null, null)),
                Arguments.of("utilization", new TrainingRequest(List.of(opt(1, null)), null, 1.01, 30.0, null, null, null, null)),
                Arguments.of("days", new TrainingRequest(List.of(opt(1, null)), null, null, null, null, null, null, null)),
                Arguments.of("totalFlop", new TrainingRequest(List.of(opt(1, null)), null, null, 30.0, 1e24, null, null, null)),
                Arguments.of("days", new TrainingRequest(List.of(opt(1, null)), null, null, 0.0, null, null, null, null)),
                Arguments.of("days", new TrainingRequest(List.of(opt(1, null)), null, null, 3650.5, null, null, null, null)),
                Arguments.of("totalFlop", new TrainingRequest(List.of(opt(1, null)), null, null, null, 1.1e32, null, null, null)),
                Arguments.of("totalFlop", new TrainingRequest(List.of(opt(1, null)), null, null, null, Double.POSITIVE_INFINITY, null, null, null)),
                Arguments.of("totalFlop", new TrainingRequest(List.of(opt(1, null)), null, null, null, -1.0, null, null, null)),
                Arguments.of("pue", new TrainingRequest(List.of(opt(1, null)), null, null, 30.0, null, 0.99, null, null)),
                Arguments.of("pue", new TrainingRequest(List.of(opt(1, null)), null, null, 30.0, null, 3.01, null, null)),
                Arguments.of("serverOverhead", new TrainingRequest(List.of(opt(1, null)), null, null, 30.0, null, null, 0.9, null)),
                Arguments.of("serverOverhead", new TrainingRequest(List.of(opt(1, null)), null, null, 30.0, null, null, 5.1, null)),
                Arguments.of("electricityUsdPerKWh", new TrainingRequest(List.of(opt(1, null)), null, null, 30.0, null, null, null, -0.01)),
                Arguments.of("electricityUsdPerKWh", new TrainingRequest(List.of(opt(1, null)), null, null, 30.0, null, null, null, 10.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void boundsNameTheField(String field, TrainingRequest req) {
        ScenarioInputException e = assertThrows(ScenarioInputException.class, () -> TrainingCalculator.calculate(req));
        assertEquals(field, e.field());
    }

    @Test
    void boundsAreInclusiveWhereDocumented() {
        TrainingRequest edge = new TrainingRequest(List.of(opt(10_000_000, 0.0)), null, 1.0, 3650.0, null, 3.0, 5.0, 0.0);
        TrainingResult r = TrainingCalculator.calculate(edge);
        assertEquals(0.0, r.options().get(0).energyCostUsd(), 0);
        // Baseline cost 0 cannot be a denominator.
        assertNull(r.options().get(0).ratiosToBaseline().energyCostUsd());
    }

    @Test
    void trainingFlopRejectsNonPositive() {
        assertEquals("parameters", assertThrows(ScenarioInputException.class,
                () -> TrainingCalculator.trainingFlop(0, 1)).field());
        assertEquals("tokens", assertThrows(ScenarioInputException.class,
                () -> TrainingCalculator.trainingFlop(1, Double.NaN)).field());
    }
}
