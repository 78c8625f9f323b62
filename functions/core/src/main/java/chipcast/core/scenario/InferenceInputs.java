package chipcast.core.scenario;

import chipcast.core.request.RequestException;
import chipcast.core.request.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked inference compare body turned into the calculator's request: the model preset or the architecture the
 * body gives, the workload preset or its lengths, and each option's chip figures and sourced prices.
 */
public final class InferenceInputs {
    /** Workload presets: prompt and generated tokens, and where the numbers come from. */
    public static final Map<String, InferenceRequest.Workload> WORKLOADS = workloads();
    static final InferenceRequest.Workload DEFAULT_WORKLOAD = new InferenceRequest.Workload("1k/1k", 1024, 1024,
            "default: preset 1k/1k, InferenceX's 1,024 prompt / 1,024 generated tokens");

    private InferenceInputs() {
    }

    private static Map<String, InferenceRequest.Workload> workloads() {
        String rules = "mlcommons/inference_policies inference_rules.adoc: prompt = the benchmark's max_seq_len (MLCommons"
                + " publishes no mean prompt length), generated = the reference tokens_per_sample";
        Map<String, InferenceRequest.Workload> w = new LinkedHashMap<>();
        w.put("1k/1k", new InferenceRequest.Workload("1k/1k", 1024, 1024, "preset 1k/1k (InferenceX)"));
        w.put("1k/8k", new InferenceRequest.Workload("1k/8k", 1024, 8192, "preset 1k/8k (InferenceX)"));
        w.put("8k/1k", new InferenceRequest.Workload("8k/1k", 8192, 1024, "preset 8k/1k (InferenceX)"));
        w.put("mlperf-llama2-70b", new InferenceRequest.Workload("mlperf-llama2-70b", 1024, 294.45, rules));
        w.put("mlperf-llama3.1-405b", new InferenceRequest.Workload("mlperf-llama3.1-405b", 20000, 684.68, rules));
        w.put("mlperf-mixtral-8x7b", new InferenceRequest.Workload("mlperf-mixtral-8x7b", 2048, 144.84, rules));
        return Map.copyOf(w);
    }

    public static InferenceRequest request(CompareRequest.Inference i, Map<String, ChipFigures> figures,
                                           Map<String, SourcedPrice> purchases, ReferenceData reference) {
        CompareRequest.Model m = i.model();
        Architecture arch;
        InferenceRequest.ModelSource source;
        Integer maxContext = null;
        if (m.preset() != null) {
            onlyPreset(m);
            ModelPreset p = reference.model(m.preset()).orElseThrow(() -> RequestException.invalidField("model.preset",
                    "names no preset of data/models.json: '" + Text.printable(m.preset()) + "'; known: "
                            + String.join(", ", reference.models().stream().map(ModelPreset::id).toList())));
            arch = Architecture.of(p);
            maxContext = p.maxContext();
            source = new InferenceRequest.ModelSource(p.id(), p.source() == null ? null : p.source().title(),
                    p.source() == null ? null : p.source().url());
        } else {
            arch = explicit(m);
            source = new InferenceRequest.ModelSource(null, "request", null);
        }
        List<InferenceRequest.Option> options = new ArrayList<>();
        for (CompareRequest.InferenceOption o : i.options()) {
            options.add(new InferenceRequest.Option(CompareChecks.name(o.name(), o.chipId()), figures.get(o.chipId()),
                    o.chipsPerReplica() == null ? null : o.chipsPerReplica().intValue(), o.precision(),
                    o.weightPrecision(), o.kvCachePrecision(), o.usdPerChipHour(), o.chipPriceUsd(),
                    reference.prices(o.chipId()), purchases.get(o.chipId())));
        }
        return new InferenceRequest(arch, source, workload(i.workload()), i.batchSize(),
                i.targetTokensPerSecondPerUser(), i.targetTokensPerSecond(), options, i.precision(),
                i.kvCachePrecision(), i.utilization(), i.bandwidthEfficiency(), i.stepOverheadMs(), i.pue(),
                i.serverPowerFactor(), i.electricityUsdPerKWh(), i.buyerType(), i.amortizationYears(),
                i.curvePoints() == null ? null : (int) Math.min(Integer.MAX_VALUE, Math.max(-1, i.curvePoints())),
                m.bytesPerParameter(), maxContext);
    }

    /** A preset is the whole architecture: numbers beside it would contradict or silently replace it. */
    private static void onlyPreset(CompareRequest.Model m) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("parametersB", m.parametersB());
        given.put("activeParametersB", m.activeParametersB());
        given.put("layers", m.layers());
        given.put("heads", m.heads());
        given.put("kvHeads", m.kvHeads());
        given.put("headDim", m.headDim());
        given.put("attention", m.attention());
        given.put("kvLoraRank", m.kvLoraRank());
        given.put("qkRopeHeadDim", m.qkRopeHeadDim());
        given.put("experts", m.experts());
        given.put("expertsPerToken", m.expertsPerToken());
        for (Map.Entry<String, Object> e : given.entrySet()) {
            if (e.getValue() != null) {
                throw RequestException.invalidField("model." + e.getKey(), "give model.preset or the architecture,"
                        + " not both: the preset " + m.preset() + " states its own");
            }
        }
    }

    private static Architecture explicit(CompareRequest.Model m) {
        if (m.parametersB() == null) {
            throw RequestException.invalidField("model.parametersB", "is required without model.preset");
        }
        double params = m.parametersB();
        if (!(params > 0 && params <= 1e5)) {
            throw RequestException.invalidField("model.parametersB", "must be greater than 0 and at most 100000");
        }
        double active = m.activeParametersB() == null ? params : m.activeParametersB();
        if (!(active > 0 && active <= params)) {
            throw RequestException.invalidField("model.activeParametersB", "must be greater than 0 and at most"
                    + " model.parametersB (" + Text.number(params) + ")");
        }
        Integer layers = small("model.layers", m.layers(), 1, 10_000);
        Integer heads = small("model.heads", m.heads(), 1, 100_000);
        Integer kvHeads = small("model.kvHeads", m.kvHeads(), 1, 100_000);
        Integer headDim = small("model.headDim", m.headDim(), 1, 100_000);
        Integer rank = small("model.kvLoraRank", m.kvLoraRank(), 1, 100_000);
        Integer rope = small("model.qkRopeHeadDim", m.qkRopeHeadDim(), 0, 100_000);
        Integer experts = small("model.experts", m.experts(), 2, 1_000_000);
        Integer perToken = small("model.expertsPerToken", m.expertsPerToken(), 1, 1_000_000);
        Double kv = null;
        double attn = 0;
        String attention = m.attention();
        if (attention != null && !List.of("gqa", "mha", "mla").contains(attention)) {
            throw RequestException.invalidField("model.attention", "must be one of gqa, mha, mla");
        }
        if ("mla".equals(attention)) {
            if (rank == null || rope == null || layers == null) {
                throw RequestException.invalidField(rank == null ? "model.kvLoraRank" : rope == null
                        ? "model.qkRopeHeadDim" : "model.layers", "is required with attention mla: the cache holds"
                        + " kvLoraRank + qkRopeHeadDim values per token per layer");
            }
            kv = (double) layers * (rank + rope);
            attn = heads == null ? 0 : 2.0 * layers * heads * (2.0 * rank + rope);
        } else {
            if (rank != null || rope != null) {
                throw RequestException.invalidField(rank != null ? "model.kvLoraRank" : "model.qkRopeHeadDim",
                        "belongs to attention mla");
            }
            int known = (layers == null ? 0 : 1) + (kvHeads == null ? 0 : 1) + (headDim == null ? 0 : 1);
            if (known > 0 && known < 3) {
                throw RequestException.invalidField(layers == null ? "model.layers" : kvHeads == null ? "model.kvHeads"
                        : "model.headDim", "give layers, kvHeads and headDim together: the KV cache holds"
                        + " 2 x kvHeads x headDim values per token per layer");
            }
            if (known == 3) {
                if (heads != null && kvHeads > heads) {
                    throw RequestException.invalidField("model.kvHeads", "exceeds model.heads (" + heads + ")");
                }
                kv = 2.0 * layers * kvHeads * headDim;
                attn = heads == null ? 0 : 4.0 * layers * heads * headDim;
            } else if (attention != null) {
                throw RequestException.invalidField("model.layers", "is required with attention " + attention);
            }
        }
        if ((experts == null) != (perToken == null)) {
            throw RequestException.invalidField(experts == null ? "model.experts" : "model.expertsPerToken",
                    "give experts and expertsPerToken together");
        }
        if (experts != null) {
            if (perToken >= experts) {
                throw RequestException.invalidField("model.expertsPerToken", "must be below model.experts (" + experts
                        + ")");
            }
            if (m.activeParametersB() == null || active >= params) {
                throw RequestException.invalidField("model.activeParametersB", "a mixture of experts activates fewer"
                        + " parameters per token than it has: give activeParametersB below parametersB");
            }
        }
        return Architecture.build(null, "request", params * 1e9, active * 1e9, layers, kv, attn,
                attention == null ? kv == null ? null : "gqa" : attention, experts, perToken, null, 0);
    }

    private static Integer small(String field, Long v, long min, long max) {
        if (v == null) {
            return null;
        }
        if (v < min || v > max) {
            throw RequestException.invalidField(field, "must be between " + min + " and " + max);
        }
        return v.intValue();
    }

    private static InferenceRequest.Workload workload(CompareRequest.Workload w) {
        if (w == null) {
            return DEFAULT_WORKLOAD;
        }
        if (w.preset() != null) {
            if (w.inputTokens() != null || w.outputTokens() != null) {
                throw RequestException.invalidField(w.inputTokens() != null ? "workload.inputTokens"
                        : "workload.outputTokens", "give workload.preset or the token counts, not both");
            }
            InferenceRequest.Workload p = WORKLOADS.get(w.preset());
            if (p == null) {
                throw RequestException.invalidField("workload.preset", "must be one of " + String.join(", ",
                        WORKLOADS.keySet().stream().sorted().toList()));
            }
            return p;
        }
        if (w.inputTokens() == null || w.outputTokens() == null) {
            throw RequestException.invalidField(w.inputTokens() == null ? "workload.inputTokens"
                    : "workload.outputTokens", "is required without workload.preset");
        }
        if (w.inputTokens() < 0 || w.inputTokens() > 10_000_000) {
            throw RequestException.invalidField("workload.inputTokens", "must be between 0 and 10000000");
        }
        if (w.outputTokens() < 1 || w.outputTokens() > 10_000_000) {
            throw RequestException.invalidField("workload.outputTokens", "must be between 1 and 10000000");
        }
        return new InferenceRequest.Workload(null, w.inputTokens(), w.outputTokens(), "request");
    }
}
