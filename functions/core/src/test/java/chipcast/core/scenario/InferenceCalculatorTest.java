package chipcast.core.scenario;

import static chipcast.core.scenario.Fixtures.B200;
import static chipcast.core.scenario.Fixtures.H100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InferenceCalculatorTest {
    private static final List<InferenceRequest.Option> BOTH = List.of(
            new InferenceRequest.Option("H100", H100), new InferenceRequest.Option("B200", B200));

    /** 70B dense model in FP8 (1 byte per weight), batch 8, 10,000 tokens/s. */
    private static InferenceRequest llama70(int batch) {
        return new InferenceRequest(new InferenceRequest.Model(70, null, 1), batch, 10_000, BOTH,
                null, null, null, null);
    }

    @Test
    void memoryBoundDecodeRatioIsTheBandwidthRatio() {
        InferenceResult r = InferenceCalculator.calculate(llama70(8));
        InferenceResult.OptionResult h = r.options().get(0);
        InferenceResult.OptionResult b = r.options().get(1);
        assertEquals("memory", h.bound());
        assertEquals("memory", b.bound());
        // 3.35e12 B/s x 8 / 70e9 B = 382.857... tokens/s.
        assertEquals(3.35e12 * 8 / 70e9, h.memoryBoundTokensPerSecond(), 1e-9);
        assertEquals(h.memoryBoundTokensPerSecond(), h.tokensPerSecondPerChip(), 0);
        assertEquals(7.7 / 3.35, b.ratiosToBaseline().tokensPerSecondPerChip(), 1e-12);
        // Compute bound: 0.4 x 1978.9e12 / (2 x 70e9) = 5654 tokens/s.
        assertEquals(0.4 * 1978.9e12 / 140e9, h.computeBoundTokensPerSecond(), 1e-9);
        // 70 GB of weights: 1 H100 (80 GB) fits it; 10,000 / 382.857 = 26.1 -> 27 chips.
        assertEquals(1, h.chipsToFitWeights());
        assertEquals(27, h.chipsForThroughput());
        assertEquals(27, h.chipsNeeded());
        // 27 x 700 W = 18.9 kW IT, 22.68 kW facility; per million tokens 22.68 x 100 s / 3600 h.
        assertEquals(18.9, h.itPowerKW(), 1e-9);
        assertEquals(22.68, h.facilityPowerKW(), 1e-9);
        assertEquals(22.68 * 100 / 3600, h.energyPerMillionTokensKWh(), 1e-12);
        assertEquals(22.68 * 100 / 3600 * 0.10, h.energyCostPerMillionTokensUsd(), 1e-12);
        // B200: 7.7e12 x 8 / 70e9 = 880 tokens/s -> 10,000 / 880 = 11.4 -> 12 chips.
        assertEquals(12, b.chipsNeeded());
    }

    @Test
    void largeBatchBecomesComputeBoundAndWeightsSetTheFloor() {
        InferenceResult r = InferenceCalculator.calculate(new InferenceRequest(
                new InferenceRequest.Model(1800, 280.0, 1), 4096, 1_000, BOTH, "fp8", 0.5, 1.0, 0.0));
        InferenceResult.OptionResult h = r.options().get(0);
        assertEquals("compute", h.bound());
        assertEquals(0.5 * 1978.9e12 / (2 * 280e9), h.tokensPerSecondPerChip(), 1e-9);
        // 1,800 GB of weights / 80 GB = 22.5 -> 23 chips, more than the 1 the throughput needs.
        assertEquals(23, h.chipsToFitWeights());
        assertEquals(1, h.chipsForThroughput());
        assertEquals(23, h.chipsNeeded());
        assertEquals(10, r.options().get(1).chipsToFitWeights()); // 1,800 / 180 exactly, no float noise
    }

    @Test
    void fp4OnH100IsMissing() {
        InferenceRequest req = new InferenceRequest(new InferenceRequest.Model(70, null, 0.5), 8, 100, BOTH,
                "fp4", null, null, null);
        MissingFigureException e = assertThrows(MissingFigureException.class, () -> InferenceCalculator.calculate(req));
        assertEquals("nvidia-h100-sxm", e.chipId());
        assertEquals("denseTFLOPS.fp4", e.figure());
    }

    private static InferenceRequest model(double p, Double a, double bpp) {
        return new InferenceRequest(new InferenceRequest.Model(p, a, bpp), 8, 100, BOTH, null, null, null, null);
    }

    static List<Arguments> invalid() {
        return List.of(
                Arguments.of("model", new InferenceRequest(null, 8, 100, BOTH, null, null, null, null)),
                Arguments.of("model.parametersB", model(0, null, 1)),
                Arguments.of("model.parametersB", model(1e5 + 1, null, 1)),
                Arguments.of("model.activeParametersB", model(70, 0.0, 1)),
                Arguments.of("model.activeParametersB", model(70, 71.0, 1)),
                Arguments.of("model.bytesPerParameter", model(70, null, 0.2)),
                Arguments.of("model.bytesPerParameter", model(70, null, 8.5)),
                Arguments.of("batchSize", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 0, 100, BOTH, null, null, null, null)),
                Arguments.of("batchSize", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 100_001, 100, BOTH, null, null, null, null)),
                Arguments.of("targetTokensPerSecond", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 8, 0, BOTH, null, null, null, null)),
                Arguments.of("targetTokensPerSecond", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 8, 1.1e12, BOTH, null, null, null, null)),
                Arguments.of("options", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 8, 100, List.of(), null, null, null, null)),
                Arguments.of("precision", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 8, 100, BOTH, "FP8", null, null, null)),
                Arguments.of("utilization", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 8, 100, BOTH, null, 0.0, null, null)),
                Arguments.of("utilization", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 8, 100, BOTH, null, 1.5, null, null)),
                Arguments.of("pue", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 8, 100, BOTH, null, null, 0.5, null)),
                Arguments.of("electricityUsdPerKWh", new InferenceRequest(new InferenceRequest.Model(70, null, 1), 8, 100, BOTH, null, null, null, 11.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void boundsNameTheField(String field, InferenceRequest req) {
        ScenarioInputException e = assertThrows(ScenarioInputException.class, () -> InferenceCalculator.calculate(req));
        assertEquals(field, e.field());
    }
}
