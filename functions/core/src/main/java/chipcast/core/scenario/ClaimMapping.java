package chipcast.core.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The optional "claim" of a saved scenario as the caller gives it: which claim of data/claims.json, which
 * options are its baseline and subject, and the figures the claim states in prose. Which fields a claim may
 * carry depends on the scenario's kind ({@link CompareChecks#claim}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimMapping(String claimId, Long baselineOption, Long subjectOption, Double baselineClaimedPowerMW,
                           Double subjectClaimedPowerMW, Double baselineDays, Double subjectDays,
                           String subjectPrecision, String baselinePrecision) {
}
