package chipcast.core.scenario;

import static chipcast.core.scenario.Fixtures.B200;
import static chipcast.core.scenario.Fixtures.GB200;
import static chipcast.core.scenario.Fixtures.H100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {
    private static final String COND_30X = "Per-GPU comparison of GB200 NVL72 rack vs 8-GPU HGX H100; "
            + "Blackwell run at FP4, H100 at FP8";

    private static double ratio(ClaimCheckResult r, String name) {
        return r.specRatios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().ratio();
    }

    @Test
    void gtc30xInferenceClaim() {
        InferenceClaim claim = new InferenceClaim("nvidia-gtc2024-30x", 30, H100, GB200, "fp4", null, COND_30X,
                "https://developer.nvidia.com/blog/nvidia-gb200-nvl72-delivers-trillion-parameter-llm-training-and-real-time-inference/");
        ClaimCheckResult r = ClaimCheck.check(claim);
        // H100's best float format is FP8 (1978.9).
        assertEquals(5000 / 1978.9, ratio(r, "dense FP8 TFLOPS, same precision"), 1e-12);
        assertEquals(10000 / 1978.9, ratio(r, "dense TFLOPS, FP4 vs FP8"), 1e-12);
        assertEquals(8.0 / 3.35, ratio(r, "memory bandwidth"), 1e-12);
        assertEquals(8.0 / 3.35 * 2, ratio(r, "memory-bound decode, weights in FP4 vs FP8"), 1e-12);
        assertEquals(186.0 / 80, ratio(r, "memory capacity"), 1e-12);
        // Best = FP4 vs FP8 compute: 10000 / 1978.9 = 5.0533; unexplained 30 / 5.0533 = 5.9367.
        assertEquals(10000 / 1978.9, r.bestSpecRatio(), 1e-12);
        assertEquals(30 / (10000 / 1978.9), r.unexplainedFactor(), 1e-12);
        assertEquals(5.9367, r.unexplainedFactor(), 1e-4);
        assertTrue(r.assumptionsToCloseGap().stream().anyMatch(s -> s.startsWith("FP4 on") && s.contains("x2.00 of compute")));
        assertTrue(r.assumptionsToCloseGap().stream().anyMatch(s -> s.contains("remaining x5.94") && s.contains(COND_30X)));
    }

    @Test
    void sameClaimAgainstAStandaloneB200() {
        ClaimCheckResult r = ClaimCheck.check(new InferenceClaim("30x-b200", 30, H100, B200, "fp4", "fp8", "", null));
        // Here FP4 weights on B200's bandwidth (7.7 / 3.35 x 2 = 4.597) beat FP4 compute (9000 / 1978.9 = 4.548).
        assertEquals(9000 / 1978.9, ratio(r, "dense TFLOPS, FP4 vs FP8"), 1e-12);
        assertEquals(7.7 / 3.35 * 2, r.bestSpecRatio(), 1e-12);
        assertEquals(30 / (7.7 / 3.35 * 2), r.unexplainedFactor(), 1e-12);
    }

    @Test
    void gtcTrainingClusterClaim() {
        TrainingClusterClaim claim = new TrainingClusterClaim("nvidia-gtc2024-gpt-moe-1.8t", H100, 8000, 15.0,
                B200, 2000, 4.0, 90.0, null, null, "Same model, same training job", null);
        ClaimCheckResult r = ClaimCheck.check(claim);
        assertEquals(1.0, r.claimedRatio(), 0);
        // BF16 peak: 2,000 x 2,250 = 4,500 PF vs 8,000 x 989.4 = 7,915.2 PF.
        assertEquals(4500 / 7915.2, ratio(r, "peak cluster compute, BF16"), 1e-12);
        // Each at its fastest float format: 2,000 x 9,000 FP4 vs 8,000 x 1,978.9 FP8.
        assertEquals(18000 / 15831.2, ratio(r, "peak cluster compute, FP4 vs FP8"), 1e-12);
        assertEquals(7915.2 / 4500, ratio(r, "days for the same job, BF16"), 1e-12);
        // IT power from TDP 2.0 / 5.6 MW against the claimed 4 / 15 MW.
        assertEquals(2.0 / 5.6, ratio(r, "IT power from TDP"), 1e-12);
        assertEquals(4.0 / 15.0, ratio(r, "claimed power"), 1e-12);
        assertEquals(18000 / 15831.2, r.bestSpecRatio(), 1e-12);
        assertEquals(15831.2 / 18000, r.unexplainedFactor(), 1e-12);
        // 90 days on Hopper at BF16 take 90 x 1.7589 = 158 days on Blackwell.
        assertTrue(r.specRatios().stream().anyMatch(s -> s.explanation().contains("take 158 days")));
        // 15 MW / 8,000 = 1,875 W (x2.68 TDP) vs 4 MW / 2,000 = 2,000 W (x2.00 TDP).
        assertTrue(r.assumptionsToCloseGap().stream()
                .anyMatch(s -> s.contains("1875 W") && s.contains("x2.68 its TDP") && s.contains("x2.00 its TDP")));
        assertTrue(r.assumptionsToCloseGap().stream().anyMatch(s -> s.contains("only if")));
    }

    @Test
    void missingFiguresAndBounds() {
        InferenceClaim noFp4 = new InferenceClaim("x", 2, B200, H100, "fp4", null, null, null);
        MissingFigureException e = assertThrows(MissingFigureException.class, () -> ClaimCheck.check(noFp4));
        assertEquals("nvidia-h100-sxm", e.chipId());
        assertEquals("denseTFLOPS.fp4", e.figure());
        TrainingClusterClaim noTdp = new TrainingClusterClaim("y", H100, 8, null, Fixtures.withoutTdp(B200), 2,
                null, null, null, null, null, null);
        ClaimCheckResult withoutPower = ClaimCheck.check(noTdp);
        assertTrue(withoutPower.specRatios().stream().noneMatch(x -> x.name().contains("power")));
        assertTrue(withoutPower.assumptionsToCloseGap().stream().anyMatch(x -> x.contains("no TDP")));

        List<Object[]> cases = List.of(
                new Object[] {"claimedRatio", new InferenceClaim("x", 0, H100, B200, null, null, null, null)},
                new Object[] {"id", new InferenceClaim(" ", 2, H100, B200, null, null, null, null)},
                new Object[] {"subject", new InferenceClaim("x", 2, H100, null, null, null, null, null)},
                new Object[] {"subjectPrecision", new InferenceClaim("x", 2, H100, B200, "fp2", null, null, null)},
                new Object[] {"baselineCount", new TrainingClusterClaim("x", H100, 0, null, B200, 1, null, null, null, null, null, null)},
                new Object[] {"subjectCount", new TrainingClusterClaim("x", H100, 1, null, B200, 10_000_001, null, null, null, null, null, null)},
                new Object[] {"baselineClaimedPowerMW", new TrainingClusterClaim("x", H100, 1, -1.0, B200, 1, null, null, null, null, null, null)},
                new Object[] {"baselineDays", new TrainingClusterClaim("x", H100, 1, null, B200, 1, null, 4000.0, null, null, null, null)},
                new Object[] {"precision", new TrainingClusterClaim("x", H100, 1, null, B200, 1, null, null, null, "bf15", null, null)});
        for (Object[] c : cases) {
            ScenarioInputException ex = assertThrows(ScenarioInputException.class, () -> ClaimCheck.check((Claim) c[1]));
            assertEquals(c[0], ex.field());
        }
    }
}
