package chipcast.core.scenario;

/**
 * "The same training job needs baselineCount x baseline at baselineClaimedPowerMW, or
 * subjectCount x subject at subjectClaimedPowerMW".
 *
 * @param baselineClaimedPowerMW power the claim states for the baseline cluster; optional
 * @param subjectClaimedPowerMW  power the claim states for the subject cluster; optional
 * @param baselineDays           days the claim states for the baseline; optional
 * @param subjectDays            days the claim states for the subject; optional (null = same as baseline)
 * @param precision              training precision for the like-for-like comparison; null = "bf16"
 * @param baselineFacilityMW     the scenario's all-in power of the baseline cluster (TDP x server factor x PUE);
 *                               null when unknown
 * @param powerBasis             how the scenario computed those powers, quoted in the notes
 */
public record TrainingClusterClaim(String id, ChipFigures baseline, long baselineCount,
                                   Double baselineClaimedPowerMW, ChipFigures subject, long subjectCount,
                                   Double subjectClaimedPowerMW, Double baselineDays, Double subjectDays,
                                   String precision, String conditions, String source, Double baselineFacilityMW,
                                   Double subjectFacilityMW, String powerBasis) implements Claim {

    public TrainingClusterClaim(String id, ChipFigures baseline, long baselineCount, Double baselineClaimedPowerMW,
                                ChipFigures subject, long subjectCount, Double subjectClaimedPowerMW,
                                Double baselineDays, Double subjectDays, String precision, String conditions,
                                String source) {
        this(id, baseline, baselineCount, baselineClaimedPowerMW, subject, subjectCount, subjectClaimedPowerMW,
                baselineDays, subjectDays, precision, conditions, source, null, null, null);
    }

    /**
     * Cluster throughput the claim implies, subject / baseline, for the same job: baselineDays /
     * subjectDays when both are given, else 1 (same job in the same time).
     */
    @Override
    public double claimedRatio() {
        return baselineDays != null && subjectDays != null ? baselineDays / subjectDays : 1.0;
    }
}
