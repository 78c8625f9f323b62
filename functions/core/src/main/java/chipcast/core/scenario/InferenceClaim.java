package chipcast.core.scenario;

/**
 * "Subject delivers claimedRatio x the inference throughput of baseline, per chip".
 *
 * @param subjectPrecision  precision the claim runs the subject at (e.g. "fp4"); null = the subject's
 *                          fastest float format
 * @param baselinePrecision precision of the baseline; null = the baseline's fastest float format
 *                          (its "best supported precision", e.g. fp8 on H100)
 */
public record InferenceClaim(String id, double claimedRatio, ChipFigures baseline, ChipFigures subject,
                             String subjectPrecision, String baselinePrecision, String conditions,
                             String source) implements Claim {
}
