package chipcast.core.scenario;

import chipcast.core.benchmark.Benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The measured per-chip ratios available for an inference claim: every pair of results, one on an option's chip and
 * one on the baseline's, measured in the same round of the same source on the same benchmark and scenario. The
 * open division (model or quantisation changed) and invalid results are left out.
 */
final class MeasuredRatios {
    private MeasuredRatios() {
    }

    /**
     * @param claimModel    the model the scenario (and so the claim) is about, in words
     * @param claimWorkload the scenario's prompt/generated tokens, in words
     */
    static List<MeasuredRatio> of(String baselineChip, List<String> subjectChips, Map<String, List<Benchmark>> byChip,
                                  String claimModel, String claimWorkload, String subjectPrecision,
                                  String baselinePrecision, String claimConditions) {
        List<MeasuredRatio> out = new ArrayList<>();
        List<Benchmark> baselines = byChip.getOrDefault(baselineChip, List.of()).stream()
                .filter(MeasuredRatios::comparable).toList();
        for (String chip : subjectChips) {
            if (chip.equals(baselineChip)) {
                continue;
            }
            for (Benchmark s : byChip.getOrDefault(chip, List.of())) {
                if (!comparable(s)) {
                    continue;
                }
                for (Benchmark b : baselines) {
                    if (samePoint(s, b)) {
                        out.add(new MeasuredRatio(chip, baselineChip, s.sourceKind(), s.round(), s.model(),
                                s.scenario() != null ? s.scenario() : s.scenarioKey() + " at concurrency "
                                        + s.concurrency(), s.id(), b.id(), s.generatedPerChip(), b.generatedPerChip(),
                                s.generatedPerChip() / b.generatedPerChip(), differences(s, b, claimModel,
                                claimWorkload, subjectPrecision, baselinePrecision, claimConditions)));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean comparable(Benchmark b) {
        return !"open".equals(b.division()) && !Boolean.FALSE.equals(b.resultValid()) && b.generatedPerChip() != null
                && b.generatedPerChip() > 0;
    }

    private static boolean samePoint(Benchmark s, Benchmark b) {
        return Objects.equals(s.sourceKind(), b.sourceKind()) && Objects.equals(s.round(), b.round())
                && Objects.equals(s.model(), b.model()) && Objects.equals(s.scenarioKey(), b.scenarioKey())
                && Objects.equals(s.concurrency(), b.concurrency());
    }

    private static String accelerators(Benchmark b) {
        return b.acceleratorCount() + (Integer.valueOf(1).equals(b.acceleratorCount()) ? " accelerator" : " accelerators");
    }

    private static List<String> differences(Benchmark s, Benchmark b, String claimModel, String claimWorkload,
                                            String subjectPrecision, String baselinePrecision, String conditions) {
        List<String> d = new ArrayList<>();
        d.add("model: measured on " + s.model() + " (" + s.modelAsPublished() + "); the claim: " + claimModel);
        String measuredWorkload = s.inputTokens() == null
                ? "the benchmark's dataset (mean prompt length unpublished), " + (s.outputTokens() == null
                ? "generated length not stated" : Checks.num(s.outputTokens()) + " generated tokens per sample (reference)")
                : Checks.num(s.inputTokens()) + " prompt / " + Checks.num(s.outputTokens()) + " generated tokens";
        d.add("workload: measured " + measuredWorkload + "; the claim: " + claimWorkload);
        String latency = s.latency() == null || s.latency().constraint() == null ? s.scenario() == null
                ? "no latency limit (a concurrency point)" : s.scenario() + ": no latency limit"
                : s.scenario() + ": " + s.latency().constraint();
        d.add("latency: measured " + latency + "; the claim's conditions: \"" + (conditions == null ? "none stated"
                : conditions.strip()) + "\"");
        if (subjectPrecision != null && !subjectPrecision.equalsIgnoreCase(s.precision())) {
            d.add("subject precision: measured " + s.precision() + "; the claim: " + subjectPrecision);
        }
        if (baselinePrecision != null && !baselinePrecision.equalsIgnoreCase(b.precision())) {
            d.add("baseline precision: measured " + b.precision() + "; the claim: " + baselinePrecision);
        }
        d.add("systems: " + s.system() + " (" + accelerators(s) + ") vs " + b.system() + " (" + accelerators(b) + ")");
        if (!Objects.equals(s.framework(), b.framework()) || !Objects.equals(s.frameworkVersion(), b.frameworkVersion())) {
            d.add("software: " + s.softwareAsPublished() + " vs " + b.softwareAsPublished());
        }
        if ("preview".equals(s.availability()) || "preview".equals(b.availability())) {
            d.add("availability: " + s.availability() + " vs " + b.availability());
        }
        return List.copyOf(d);
    }
}
