package chipcast.core.scenario;

import chipcast.core.benchmark.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static chipcast.core.scenario.Fixtures.B200;
import static chipcast.core.scenario.Fixtures.H100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InferenceCalculatorTest {
    static final ReferenceData REF = TestData.reference();
    static final InferenceRequest.Workload ONE_K = InferenceInputs.WORKLOADS.get("1k/1k");

    static Architecture preset(String id) {
        return Architecture.of(REF.model(id).orElseThrow());
    }

    static InferenceRequest.Option option(String name, ChipFigures chip, Integer chips, String precision) {
        return new InferenceRequest.Option(name, chip, chips, precision, null, null, null, null, REF.prices(chip.id()), null);
    }

    static InferenceRequest request(Architecture m, InferenceRequest.Workload w, Long batch, Double perUser,
                                    List<InferenceRequest.Option> options) {
        return new InferenceRequest(m, new InferenceRequest.ModelSource(m.id(), null, null), w, batch, perUser, 10_000.0,
                options, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void llama70bAtFp8NeedsTheKvCacheRoomThatOneH100LacksAt32Sequences() {
        Architecture llama = preset("llama-3.1-70b");
        // 80 layers x 2 x 8 KV heads x 128 = 163,840 values per token; 2,048 tokens at FP8 = 335.5 MB a sequence.
        assertEquals(163_840.0, llama.kvValuesPerToken(), 0);
        InferenceResult r = InferenceCalculator.calculate(request(llama, ONE_K, 32L, null,
                List.of(option("H100", H100, null, null))));
        InferenceResult.OptionResult h = r.options().get(0);
        // One H100: 72 GB usable, 70 GB of weights: 5 sequences fit, not 32; two chips hold them.
        assertEquals(2, h.chipsPerReplica());
        assertEquals(163_840 * 2048 / 1e9, h.memory().kvPerSequenceGB(), 1e-9);
        assertEquals(35.0, h.memory().weightsPerChipGB(), 1e-9);
        assertEquals(32, h.concurrency(), 0);
        assertTrue(h.bound().tokensPerSecondPerChip() >= h.estimate().tokensPerSecondPerChip());
        InferenceResult one = InferenceCalculator.calculate(request(llama, ONE_K, 32L, null,
                List.of(option("H100", H100, 1, null))));
        assertEquals(5, one.options().get(0).memory().maxConcurrency(), 0);
        assertTrue(one.options().get(0).concurrencyCapped());
        assertEquals(5, one.options().get(0).concurrency(), 0);
    }

    @Test
    void aModelThatFitsNowhereIsA400ThatSaysWhy() {
        ScenarioInputException e = assertThrows(ScenarioInputException.class, () -> InferenceCalculator.calculate(
                request(preset("llama-3.1-405b"), ONE_K, null, null, List.of(option("H100", H100, 1, "bf16")))));
        assertEquals("options[0].chipsPerReplica", e.field());
        assertTrue(e.getMessage().contains("810 GB"), e.getMessage());
    }

    @Test
    void bytesPerParameterMustAgreeWithTheWeightPrecision() {
        InferenceRequest r = request(preset("llama-3.1-8b"), ONE_K, 8L, null, List.of(option("H100", H100, null, null)));
        InferenceRequest twoBytes = new InferenceRequest(r.model(), r.modelSource(), r.workload(), r.batchSize(), null,
                null, r.options(), "fp8", null, null, null, null, null, null, null, null, null, null, 2.0, null);
        ScenarioInputException e = assertThrows(ScenarioInputException.class,
                () -> InferenceCalculator.calculate(twoBytes));
        assertEquals("model.bytesPerParameter", e.field());
        assertTrue(e.getMessage().contains("fp8"));
        InferenceRequest wide = request(r.model(), ONE_K, 8L, null, List.of(new InferenceRequest.Option("x", H100, null,
                "fp8", "bf16", null, null, null, List.of(), null)));
        assertEquals("options[0].weightPrecision", assertThrows(ScenarioInputException.class,
                () -> InferenceCalculator.calculate(wide)).field());
    }

    @Test
    void theWorkloadMustFitTheModelsContext() {
        InferenceRequest r = new InferenceRequest(preset("llama-2-70b"), null, InferenceInputs.WORKLOADS.get("8k/1k"), 8L,
                null, null, List.of(option("H100", H100, null, null)), null, null, null, null, null, null, null, null,
                null, null, null, null, 4096);
        assertEquals("workload", assertThrows(ScenarioInputException.class, () -> InferenceCalculator.calculate(r))
                .field());
    }

    @Test
    void aPerUserTargetPicksTheMostSequencesThatKeepIt() {
        InferenceResult r = InferenceCalculator.calculate(request(preset("llama-3.1-70b"), ONE_K, null, 20.0,
                List.of(option("H100", H100, 8, null), option("B200", B200, 8, null))));
        for (InferenceResult.OptionResult o : r.options()) {
            assertEquals(Boolean.TRUE, o.interactivityTargetMet());
            assertTrue(o.estimate().tokensPerSecondPerUser() >= 20.0, o.name());
            assertTrue(o.concurrency() >= 1);
        }
        assertTrue(r.options().get(1).estimate().tokensPerSecondPerChip()
                > r.options().get(0).estimate().tokensPerSecondPerChip());
        InferenceResult tooFast = InferenceCalculator.calculate(request(preset("llama-3.1-70b"), ONE_K, null, 5000.0,
                List.of(option("H100", H100, 8, null))));
        assertEquals(Boolean.FALSE, tooFast.options().get(0).interactivityTargetMet());
        assertEquals(1, tooFast.options().get(0).concurrency(), 0);
    }

    @Test
    void powerIsUnknownWithoutTdpAndTheRestStands() {
        InferenceResult r = InferenceCalculator.calculate(request(preset("llama-3.1-8b"), ONE_K, 16L, null,
                List.of(option("H100", H100, null, null), option("no tdp", Fixtures.withoutTdp(B200), null, null))));
        InferenceResult.OptionResult noTdp = r.options().get(1);
        assertNull(noTdp.power().allInWattsPerChip());
        assertNull(noTdp.power().tokensPerSecondPerMW());
        assertNotNull(noTdp.power().unknownReason());
        assertTrue(noTdp.estimate().tokensPerSecondPerChip() > 0);
        assertNull(noTdp.ratiosToBaseline().tokensPerSecondPerMW());
        InferenceResult.Power h = r.options().get(0).power();
        // All-in: 700 W x Epoch's 1.8214 x PUE 1.25.
        assertEquals(700 * (10.2 / 8 / 0.7) * 1.25, h.allInWattsPerChip(), 1e-9);
        assertEquals(r.options().get(0).estimate().tokensPerSecondPerChip() / h.allInWattsPerChip() * 1e6,
                h.tokensPerSecondPerMW(), 1e-6);
    }

    @Test
    void dollarsPerMillionTokensFromTheBuyerTypesSourcedPrice() {
        InferenceResult r = InferenceCalculator.calculate(request(preset("llama-3.1-8b"), ONE_K, 16L, null,
                List.of(option("H100", H100, null, null))));
        InferenceResult.OptionResult h = r.options().get(0);
        // data/chip-hour-prices.json: H100 3-year rental 1.30 USD per GPU-hour (InferenceX, 2025-08).
        assertEquals(1.3, h.cost().usdPerChipHour(), 0);
        assertEquals("3yr-rental", h.cost().buyerType());
        assertEquals("2025-08", h.cost().asOf());
        assertEquals(1.3 / (h.estimate().tokensPerSecondPerChip() * 3600) * 1e6, h.cost().usdPerMillionTokens(), 1e-9);
        InferenceResult none = InferenceCalculator.calculate(request(preset("llama-3.1-8b"), ONE_K, 16L, null,
                List.of(option("x", new ChipFigures("google-tpu-v6e", "TPU", null, 32.0, 1.64,
                        Fixtures.dense(null, null, null, 918.0, null, 918.0, null, null, null, null)), null, null))));
        assertNull(none.options().get(0).cost().usdPerMillionTokens());
        assertNotNull(none.options().get(0).cost().unknownReason());
    }

    @Test
    void theCurveSweepsConcurrencyFromOneToTheMostThatFit() {
        InferenceResult r = InferenceCalculator.calculate(request(preset("gpt-oss-120b"), ONE_K, null, null,
                List.of(option("B200", B200, 4, "fp4"))));
        List<InferenceResult.CurvePoint> curve = r.options().get(0).curve();
        assertEquals(InferenceCalculator.DEFAULT_CURVE_POINTS, curve.size());
        assertEquals(1, curve.get(0).concurrency(), 0);
        assertEquals(r.options().get(0).memory().maxConcurrency(), curve.get(curve.size() - 1).concurrency(), 0);
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).tokensPerSecondPerChip() > curve.get(i - 1).tokensPerSecondPerChip());
            assertTrue(curve.get(i).tokensPerSecondPerUser() < curve.get(i - 1).tokensPerSecondPerUser());
        }
        assertEquals(List.of(1.0, 2.0, 4.0, 8.0, 16.0), InferenceCalculator.sweep(5, 16));
        assertEquals(List.of(), InferenceCalculator.sweep(0, 16));
    }

    @Test
    void moeReadsTheExpectedDistinctExperts() {
        Architecture ds = preset("deepseek-r1");
        // (671 - 37) / (256 - 8) = 2.556B per routed expert over all layers; shared part 671 - 256 x 2.556 = 16.6B.
        assertEquals((671e9 - 37e9) / 248, ds.expertParameters(), 1);
        assertEquals(37e9, ds.weightsRead(1), 1);
        assertTrue(ds.weightsRead(32) > 5 * ds.active());
        assertTrue(ds.weightsRead(1e6) <= ds.parameters());
        assertEquals(ds.parameters(), ds.weightsRead(1e6), 1e6);
        Architecture unknown = Architecture.build(null, "moe", 1800e9, 280e9, null, null, 0, null, null, null, null, 0);
        assertEquals(280e9, unknown.weightsRead(1), 0);
        assertEquals(1800e9, unknown.weightsRead(32), 0);
    }

    /** Properties over random replicas: the bound never below the estimate, latency and throughput monotone. */
    @Test
    void boundAboveEstimateAndMonotoneInConcurrency() {
        Random random = new Random(12);
        List<ModelPreset> models = REF.models();
        for (int i = 0; i < 2000; i++) {
            Architecture m = Architecture.of(models.get(random.nextInt(models.size())));
            int chips = 1 << random.nextInt(7);
            InferenceModel.Replica r = new InferenceModel.Replica(m, (200 + random.nextDouble() * 10000) * 1e12,
                    (0.3 + random.nextDouble() * 8) * 1e12, (16 + random.nextDouble() * 300) * 1e9, chips,
                    random.nextBoolean() ? 0.5 : 1, 1);
            double in = random.nextInt(9000);
            double out = 1 + random.nextInt(9000);
            InferenceModel.Efficiency e = new InferenceModel.Efficiency(0.1 + 0.9 * random.nextDouble(),
                    0.05 + 0.95 * random.nextDouble(), random.nextDouble() * 0.02);
            double c1 = 1 + random.nextInt(500);
            double c2 = c1 + 1 + random.nextInt(500);
            InferenceModel.Point a = InferenceModel.point(r, c1, in, out, e, false);
            InferenceModel.Point b = InferenceModel.point(r, c2, in, out, e, false);
            InferenceModel.Point bound = InferenceModel.point(r, c1, in, out, InferenceModel.Efficiency.PEAK, true);
            assertTrue(bound.tokensPerSecondPerChip() >= a.tokensPerSecondPerChip() * (1 - 1e-12), "bound " + i);
            assertTrue(b.tpotSeconds() >= a.tpotSeconds() * (1 - 1e-12), "tpot " + i);
            if (!m.moe()) {
                assertTrue(b.tokensPerSecondPerChip() >= a.tokensPerSecondPerChip() * (1 - 1e-12), "throughput " + i);
            }
            double target = a.tpotSeconds();
            double c = InferenceModel.concurrencyFor(r, target, in, out, e, false, 1e5);
            assertFalse(c >= 0 && InferenceModel.point(r, c, in, out, e, false).tpotSeconds() > target * (1 + 1e-6),
                    "concurrencyFor " + i);
        }
    }
}
