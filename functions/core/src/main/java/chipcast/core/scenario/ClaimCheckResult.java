package chipcast.core.scenario;

import java.util.List;

/**
 * What the datasheets alone support of a claim.
 *
 * @param bestSpecRatio      the largest throughput-bounding ratio (compute or bandwidth); capacity,
 *                           power and day ratios are listed but are not throughput bounds
 * @param unexplainedFactor  claimedRatio / bestSpecRatio: above 1, the part of the claim the
 *                           datasheets cannot explain
 * @param assumptionsToCloseGap sentences generated from the numbers above
 */
public record ClaimCheckResult(String claimId, double claimedRatio, List<SpecRatio> specRatios,
                              double bestSpecRatio, double unexplainedFactor,
                              List<String> assumptionsToCloseGap) {
}
