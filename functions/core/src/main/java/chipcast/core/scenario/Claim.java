package chipcast.core.scenario;

/** A vendor performance claim to hold against the datasheet figures of the chips it names. */
public sealed interface Claim permits InferenceClaim, TrainingClusterClaim {
    String id();

    /** What the claim says the subject achieves relative to the baseline (e.g. 30 for "30x"). */
    double claimedRatio();

    /** The claim's stated conditions, quoted; used verbatim in the generated explanations. */
    String conditions();

    String source();
}
