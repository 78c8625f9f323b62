package chipcast.core.scenario;

import java.util.List;

/**
 * One model of data/models.json as published: the architecture numbers, each from the cited config. Null means
 * no source read gave the number. {@code attention} is "gqa", "mla" or "gqa+sliding" (every other layer a
 * sliding window of {@code slidingWindow} tokens, as gpt-oss).
 */
public record ModelPreset(String id, String name, Double parametersB, Double activeParametersB, Integer layers,
                          Integer hiddenSize, Integer intermediateSize, Integer heads, Integer kvHeads, Integer headDim,
                          Integer vocabulary, Integer maxContext, String maxContextAsPublished, String attention,
                          Integer experts, Integer expertsPerToken, Integer sharedExperts, Integer moeIntermediateSize,
                          Integer denseLayers, Mla mla, Integer slidingWindow, String nativePrecision, Source source,
                          List<Source> sources, String notes) {

    /** Multi-head latent attention (DeepSeek): the KV cache holds a latent of kvLoraRank plus the RoPE key. */
    public record Mla(Integer kvLoraRank, Integer qLoraRank, Integer qkRopeHeadDim, Integer qkNopeHeadDim,
                      Integer vHeadDim) {
    }

    /** Where the numbers come from: repository, path and commit, or a page. */
    public record Source(String title, String repository, String path, String commit, String url, String asOf,
                         String supports) {
    }
}
