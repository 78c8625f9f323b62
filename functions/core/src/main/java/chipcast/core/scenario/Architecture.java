package chipcast.core.scenario;

/**
 * A model as the inference maths needs it, from a preset of data/models.json or from the numbers a request gives.
 * Parameter counts are in parameters (not billions). A mixture-of-experts model splits its weights into
 * {@code sharedParameters} (attention, embeddings, dense layers and shared experts: read every step) and
 * {@code experts} routed experts of {@code expertParameters} each (summed over all layers); these follow from the
 * published totals alone: expertParameters = (parameters - active) / (experts - expertsPerToken).
 *
 * @param kvValuesPerToken values the KV cache holds per token over all layers (2 x kvHeads x headDim per layer for
 *                         GQA/MHA, kvLoraRank + qkRopeHeadDim for MLA); null when the request gives no architecture
 * @param attentionFlopPerContextToken FLOP one new token spends attending to one cached token, over all layers
 * @param slidingFraction  share of layers that attend to a window of {@code slidingWindow} tokens only
 */
public record Architecture(String id, String name, double parameters, double active, Integer layers,
                           Double kvValuesPerToken, double attentionFlopPerContextToken, String attention,
                           Integer experts, Integer expertsPerToken, double expertParameters, double sharedParameters,
                           Integer slidingWindow, double slidingFraction) {

    public boolean moe() {
        return active < parameters;
    }

    /** A known expert layout: the expected distinct experts of a batch can be computed. */
    public boolean expertsKnown() {
        return experts != null && expertsPerToken != null && experts > expertsPerToken;
    }

    /**
     * Weights one decode step reads at this batch, expected value. Dense: all of them. MoE with a known layout:
     * the shared part plus the distinct experts the batch's tokens touch, E x (1 - (1 - k/E)^B) under uniform
     * routing. MoE without a layout: the most a step can read, min(all weights, batch x active).
     */
    public double weightsRead(double batch) {
        if (!moe()) {
            return parameters;
        }
        if (!expertsKnown()) {
            return Math.min(parameters, Math.max(1, batch) * active);
        }
        double touched = experts * (1 - Math.pow(1 - (double) expertsPerToken / experts, Math.max(1, batch)));
        return Math.min(parameters, sharedParameters + expertParameters * touched);
    }

    /** Tokens a sequence of this context keeps in its KV cache, averaged over layers (sliding windows cap some). */
    public double cachedTokens(double context) {
        if (slidingWindow == null || slidingFraction == 0) {
            return context;
        }
        return (1 - slidingFraction) * context + slidingFraction * Math.min(context, slidingWindow);
    }

    /** Bytes of KV cache one sequence holds at this context; 0 when the architecture is unknown. */
    public double kvBytes(double context, double bytesPerValue) {
        return kvValuesPerToken == null ? 0 : kvValuesPerToken * cachedTokens(context) * bytesPerValue;
    }

    /** The architecture of a preset: its published numbers, derived values following the rules above. */
    public static Architecture of(ModelPreset p) {
        double params = p.parametersB() * 1e9;
        double active = (p.activeParametersB() == null ? p.parametersB() : p.activeParametersB()) * 1e9;
        Double kv = null;
        double attn = 0;
        if (p.mla() != null && p.mla().kvLoraRank() != null && p.mla().qkRopeHeadDim() != null && p.layers() != null) {
            kv = (double) p.layers() * (p.mla().kvLoraRank() + p.mla().qkRopeHeadDim());
            if (p.heads() != null) {
                // absorbed MLA: scores over kvLoraRank + rope dims, values over kvLoraRank, per head
                attn = 2.0 * p.layers() * p.heads() * (2.0 * p.mla().kvLoraRank() + p.mla().qkRopeHeadDim());
            }
        } else if (p.layers() != null && p.kvHeads() != null && p.headDim() != null) {
            kv = 2.0 * p.layers() * p.kvHeads() * p.headDim();
            if (p.heads() != null) {
                attn = 4.0 * p.layers() * p.heads() * p.headDim();
            }
        }
        boolean sliding = p.slidingWindow() != null && p.attention() != null && p.attention().contains("sliding");
        return build(p.id(), p.name(), params, active, p.layers(), kv, attn, p.attention(), p.experts(),
                p.expertsPerToken(), sliding ? p.slidingWindow() : null, sliding ? 0.5 : 0);
    }

    /** An architecture from numbers the caller gives (any of the optional ones may be null). */
    public static Architecture build(String id, String name, double parameters, double active, Integer layers,
                                     Double kvValuesPerToken, double attentionFlop, String attention, Integer experts,
                                     Integer expertsPerToken, Integer slidingWindow, double slidingFraction) {
        double expert = 0;
        double shared = parameters;
        if (active < parameters && experts != null && expertsPerToken != null && experts > expertsPerToken) {
            expert = (parameters - active) / (experts - expertsPerToken);
            shared = Math.max(0, parameters - experts * expert);
        }
        return new Architecture(id, name, parameters, active, layers, kvValuesPerToken, attentionFlop, attention,
                experts, expertsPerToken, expert, shared, slidingWindow, slidingFraction);
    }
}
