package chipcast.core.scenario;

import static chipcast.core.scenario.Fixtures.B200;
import static chipcast.core.scenario.Fixtures.H100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // Epoch's chip-to-server factors: H100 10.2 kW / 8 / 0.7 kW = 1.8214, other GPUs 1.8; PUE 1.25.
        double hFactor = 10.2 / 8 / 0.7;
        assertEquals(hFactor, h.serverPowerFactor(), EPS);
        assertEquals(1.8, b.serverPowerFactor(), EPS);
        // 8,000 x 700 W x 1.8214 = 10.2 MW; 2,000 x 1,000 W x 1.8 = 3.6 MW; x 1.25 = 12.75 and 4.5 MW, against
        // NVIDIA's stated 15 and 4 MW.
        assertEquals(10.2, h.itPowerMW(), 1e-9);
        assertEquals(3.6, b.itPowerMW(), 1e-9);
        assertEquals(12.75, h.facilityPowerMW(), 1e-9);
        assertEquals(4.5, b.facilityPowerMW(), 1e-9);
        // Peak BF16: 8,000 x 989.4 = 7,915.2 PFLOPS; 2,000 x 2,250 = 4,500 PFLOPS.
        assertEquals(7915.2, h.peakPFLOPS(), 1e-6);
        assertEquals(4500.0, b.peakPFLOPS(), 1e-6);
        assertEquals(4500.0 / 7915.2, b.ratiosToBaseline().peakPFLOPS(), EPS);
        assertEquals(1.0, h.ratiosToBaseline().peakPFLOPS(), EPS);
        assertEquals(3.6 / 10.2, b.ratiosToBaseline().itPowerMW(), 1e-9);
        // Effective = peak x 0.375, Epoch's median MFU.
        assertEquals(7915.2 * 0.375, h.effectivePFLOPS(), 1e-6);
        assertEquals(TrainingRequest.UTILIZATION_SOURCE, h.utilizationFrom());
        assertEquals(7915.2 * 0.375 * 1e15 * 90 * 86400, h.totalFlop(), 1e15);
        assertEquals(90 * 7915.2 / 4500.0, b.daysForBaselineFlop(), 1e-9);
        // Energy: 12.75 MW x 0.75 average x 90 d x 24 h = 20,655 MWh; at 0.10 USD/kWh = 2,065,500 USD.
        assertEquals(20655.0, h.energyMWh(), 1e-6);
        assertEquals(2_065_500.0, h.energyCostUsd(), 1e-3);
        assertEquals(4.5 * 0.75 * (90 * 7915.2 / 4500.0) * 24, b.energyMWhForBaselineFlop(), 1e-6);
        // Capex only where a price is given.
        assertEquals(8000 * 25_000.0, h.capexUsd(), EPS);
        assertNull(b.capexUsd());
        assertNull(b.ratiosToBaseline().capexUsd());
    }

    @Test
    void tokensModeIs6NDor8ND() {
        TrainingRequest sixND = new TrainingRequest(List.of(new TrainingRequest.Option("Hopper", H100, 1000, null)),
                null, null, null, null, null, null, null, 1e12, 70e9, "llama", null, null);
        TrainingResult r = TrainingCalculator.calculate(sixND);
        assertEquals("tokens", r.mode());
        assertEquals("6ND", r.flopFormula());
        assertEquals(6 * 70e9 * 1e12, r.options().get(0).totalFlop(), 1e12);
        TrainingRequest eightND = new TrainingRequest(sixND.options(), null, null, null, null, null, null, null, 1e12,
                70e9, "llama", "full", null);
        TrainingResult full = TrainingCalculator.calculate(eightND);
        assertEquals("8ND", full.flopFormula());
        assertEquals(8.0 / 6, full.options().get(0).days() / r.options().get(0).days(), 1e-12);
        assertEquals("model", assertThrows(ScenarioInputException.class, () -> TrainingCalculator.calculate(
                new TrainingRequest(sixND.options(), null, null, null, null, null, null, null, 1e12, null, null, null,
                        null))).field());
    }

    @Test
    void perOptionUtilizationAndRental() {
        TrainingRequest req = new TrainingRequest(List.of(
                new TrainingRequest.Option("Hopper", H100, 8, null, 0.5, 2.0, List.of(), null),
                new TrainingRequest.Option("Blackwell", B200, 8, null)), null, null, 10.0, null, null, null, null);
        TrainingResult r = TrainingCalculator.calculate(req);
        assertEquals(0.5, r.options().get(0).utilization(), 0);
        assertEquals("option", r.options().get(0).utilizationFrom());
        assertEquals(0.375, r.options().get(1).utilization(), 0);
        assertEquals(8 * 10 * 24 * 2.0, r.options().get(0).rentalUsd(), 1e-9);
        assertNull(r.options().get(1).rentalUsd());
        // Without a price the catalogue's sourced one gives the capex, and the answer says which.
        SourcedPrice catalogue = new SourcedPrice(33_600, "derived-from-system", "2023-05", "SemiAnalysis");
        TrainingResult sourced = TrainingCalculator.calculate(new TrainingRequest(List.of(new TrainingRequest.Option(
                "Hopper", H100, 8, null, null, null, List.of(), catalogue)), null, null, 10.0, null, null, null, null));
        assertEquals(8 * 33_600.0, sourced.options().get(0).capexUsd(), 0);
        assertTrue(sourced.options().get(0).capexBasis().contains("derived-from-system, 2023-05"));
    }

    @Test
    void totalFlopModeGivesDaysNeeded() {
        double flop = TrainingCalculator.trainingFlop(1e9, 2e10);
        assertEquals(1.2e20, flop, 1e6);
        TrainingResult r = TrainingCalculator.calculate(gtc(null, flop));
        assertEquals("totalFlop", r.mode());
        TrainingResult.OptionResult h = r.options().get(0);
        double days = flop / (7915.2 * 0.375 * 1e15) / 86400;
        assertEquals(days, h.days(), 1e-15);
        assertEquals(days, h.daysForBaselineFlop(), 1e-15);
        assertEquals(7915.2 / 4500.0, r.options().get(1).ratiosToBaseline().days(), EPS);
    }

    @Test
    void missingTdpMarksPowerUnknownAndAnswersTheRest() {
        TrainingRequest req = new TrainingRequest(List.of(
                new TrainingRequest.Option("Hopper", H100, 8, null),
                new TrainingRequest.Option("no tdp", Fixtures.withoutTdp(B200), 8, null)),
                null, null, 30.0, null, null, null, null);
        TrainingResult r = TrainingCalculator.calculate(req);
        TrainingResult.OptionResult noTdp = r.options().get(1);
        assertNull(noTdp.itPowerMW());
        assertNull(noTdp.facilityPowerMW());
        assertNull(noTdp.energyMWh());
        assertNull(noTdp.ratiosToBaseline().itPowerMW());
        assertEquals(8 * 2250 / 1000.0, noTdp.peakPFLOPS(), 1e-9);
        assertTrue(noTdp.powerUnknownReason().contains("no TDP"));
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
                Arguments.of("options[0].utilization", new TrainingRequest(List.of(new TrainingRequest.Option("o", H100, 1,
                        null, 1.5, null, List.of(), null)), null, null, 30.0, null, null, null, null)),
                Arguments.of("recompute", new TrainingRequest(List.of(opt(1, null)), null, null, null, null, null, null,
                        null, 1e9, 1e9, "m", "half", null)),
                Arguments.of("recompute", new TrainingRequest(List.of(opt(1, null)), null, null, 30.0, null, null, null,
                        null, null, null, null, "full", null)),
                Arguments.of("buyerType", new TrainingRequest(List.of(opt(1, null)), null, null, 30.0, null, null, null,
                        null, null, null, null, null, "friend")),
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
