package chipcast.core.scenario;

/**
 * A claim mapping after its checks: the claim exists, the options are in range and name the claim's chips.
 * It is served, as given plus defaults, beside the claim check.
 */
public record ClaimBinding(String claimId, int baselineOption, int subjectOption, Double baselineClaimedPowerMW,
                           Double subjectClaimedPowerMW, Double baselineDays, Double subjectDays,
                           String subjectPrecision, String baselinePrecision) {
}
