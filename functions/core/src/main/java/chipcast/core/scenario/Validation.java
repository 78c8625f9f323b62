package chipcast.core.scenario;

import chipcast.core.benchmark.Benchmark;
import chipcast.core.scenario.InferenceModel.Efficiency;
import chipcast.core.scenario.InferenceModel.Replica;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The inference model against the measured results: for every result whose chip and model it knows, the bound and
 * the estimate at the result's own conditions, the fit of the estimate's efficiencies (least squares on the log
 * error), and the error in sample and out of sample. Pure: results, chip figures and presets in, a report out.
 */
public final class Validation {
    /**
     * The maximum input length of each MLPerf LLM benchmark (inference_rules.adoc, the ingress bandwidth table:
     * max_seq_len), by model preset; MLCommons publishes no mean input length.
     */
    static final Map<String, Double> MLPERF_MAX_INPUT = Map.of("llama-2-70b", 1024.0, "llama-3.1-405b", 20000.0,
            "llama-3.1-8b", 2048.0, "mixtral-8x7b", 2048.0, "deepseek-r1", 3136.0);
    static final String RULES = "mlcommons/inference_policies inference_rules.adoc (commit ac93e89c), ingress"
            + " bandwidth table: max_seq_len";
    /** Share of a replica's usable memory the weights may take when choosing the replica size of an MLPerf run. */
    static final double WEIGHT_SHARE = 0.8;
    private static final int ROUNDS = 5;
    private static final int SECTIONS = 22;

    enum Mode { OFFLINE, LATENCY, CONCURRENCY }

    /** A result ready to predict. {@code input} null: the benchmark's input length is fitted under {@code inputKey}. */
    record Observation(Benchmark benchmark, Replica estimate, Replica bound, Mode mode, Double input, String inputKey,
                       double output, double measured, String metric, Double tpotSeconds, boolean inFit) {
        boolean mlperf() {
            return Benchmark.MLPERF.equals(benchmark.sourceKind());
        }
    }

    /** Efficiencies and fitted input lengths. */
    record Params(double bandwidth, double compute, double overhead, Map<String, Double> inputs) {
        Efficiency efficiency() {
            return new Efficiency(bandwidth, compute, overhead);
        }

        Params with(int coordinate, double v) {
            return new Params(coordinate == 0 ? v : bandwidth, coordinate == 1 ? v : compute,
                    coordinate == 2 ? v : overhead, inputs);
        }

        Params withInput(String key, double v) {
            Map<String, Double> next = new TreeMap<>(inputs);
            next.put(key, v);
            return new Params(bandwidth, compute, overhead, next);
        }
    }

    /** A prediction: tokens/s per chip, the concurrency and time per output token it ran at. */
    record Prediction(double perChip, double concurrency, double tpotSeconds) {
    }

    private Validation() {
    }

    /** The report, its in-sample rows at the served calibration. */
    public static ValidationReport report(List<Benchmark> benchmarks, Map<String, ChipFigures> chips,
                                          Function<String, Optional<ModelPreset>> models) {
        List<ValidationReport.Excluded> excluded = new ArrayList<>();
        List<Observation> all = observations(benchmarks, chips, models, excluded);
        List<Observation> fit = all.stream().filter(Observation::inFit).toList();
        Calibration served = Calibration.SERVED;
        Params servedParams = fitInputs(fit, new Params(served.bandwidthEfficiency(), served.computeEfficiency(),
                served.stepOverheadMs() / 1000, Map.of()), fit);
        List<ValidationReport.Row> rows = new ArrayList<>();
        for (Observation o : all) {
            rows.add(row(o, servedParams));
        }
        List<ValidationReport.FittedInput> inputs = new ArrayList<>();
        servedParams.inputs().forEach((model, tokens) -> inputs.add(new ValidationReport.FittedInput(model, round(tokens),
                MLPERF_MAX_INPUT.get(model), RULES)));
        ValidationReport.Fit servedFit = new ValidationReport.Fit(served.bandwidthEfficiency(),
                served.computeEfficiency(), served.stepOverheadMs(), fit.size(), served.source());
        return new ValidationReport(METHOD, servedFit, inputs, errors(fit, servedParams), splits(fit), rows, excluded,
                CAVEATS);
    }

    static final String METHOD = "docs/scenarios.md, Validation. Bound: pure roofline (datasheet peak, active weights"
            + " only, memory and compute overlapped, no overhead; an MLPerf result's unknown prompts count as empty)."
            + " Estimate: calibrated efficiencies, expected distinct experts, memory + compute + per-step overhead,"
            + " prefill at the compute efficiency. Offline at the most sequences that fit in memory; Server and"
            + " Interactive at the most sequences that keep the result's measured median time per output token;"
            + " InferenceX points at their concurrency. Error = estimate / measured - 1.";

    static final List<String> CAVEATS = List.of(
            "MLCommons does not publish its datasets' mean input lengths: one effective input length per MLPerf"
                    + " benchmark is fitted with the efficiencies (fittedInputTokens), within the rules' maximum;"
                    + " it is a calibration parameter, not a measurement.",
            "MLPerf results do not publish their parallel layout: the replica is the fewest chips (a power of two,"
                    + " at most the system's) whose usable memory holds the weights in 80% of it.",
            "MLPerf throughput is generated tokens per second; InferenceX's total_token_throughput counts prompt tokens"
                    + " too, so InferenceX points are compared on their output_token_throughput per GPU, and their"
                    + " realised output length is derived from the record's own output/total ratio (the client did"
                    + " not ignore end-of-sequence tokens).",
            "The 9 InferenceX points are one untuned harness run on one 8x B200 node (two models, 1k/1k); there is"
                    + " no MLPerf v5.0 result and no InferenceX dashboard point in the data.",
            "Results in the open division (model or quantisation changed) are shown but neither fitted nor scored.");

    static List<Observation> observations(List<Benchmark> benchmarks, Map<String, ChipFigures> chips,
                                          Function<String, Optional<ModelPreset>> models,
                                          List<ValidationReport.Excluded> excluded) {
        List<Observation> out = new ArrayList<>();
        for (Benchmark b : benchmarks) {
            String reason = null;
            Observation o = null;
            ChipFigures chip = b.chipId() == null ? null : chips.get(b.chipId());
            Optional<ModelPreset> preset = b.model() == null ? Optional.empty() : models.apply(b.model());
            String precision = figurePrecision(b.precision());
            if (chip == null) {
                reason = "chip " + b.chipId() + " is not in the catalogue";
            } else if (preset.isEmpty()) {
                reason = "model " + b.model() + " is not a preset of data/models.json";
            } else if (precision == null) {
                reason = "precision " + b.precision() + " is not a known format";
            } else if (!positive(chip.dense(precision))) {
                reason = "the chip has no dense " + precision + " figure";
            } else if (!positive(chip.memoryBandwidthTBs()) || !positive(chip.memoryGB())) {
                reason = "the chip has no memory bandwidth or capacity figure";
            } else {
                Object built = observation(b, chip, Architecture.of(preset.get()), precision);
                if (built instanceof String s) {
                    reason = s;
                } else {
                    o = (Observation) built;
                }
            }
            if (o == null) {
                excluded.add(new ValidationReport.Excluded(b.id(), b.chipId(), b.model(), reason));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    private static Object observation(Benchmark b, ChipFigures chip, Architecture arch, String precision) {
        double peak = chip.dense(precision) * 1e12;
        double bw = chip.memoryBandwidthTBs() * 1e12;
        double mem = chip.memoryGB() * 1e9;
        double wb = Precisions.bytesPerValue(precision);
        // Engines keep the KV cache in FP8 beside FP8/FP4 weights; the bound takes the narrowest the result could use.
        double kvEstimate = wb <= 1 ? 1 : wb;
        double kvBound = Math.min(wb, 1);
        boolean mlperf = Benchmark.MLPERF.equals(b.sourceKind());
        int count = b.acceleratorCount() == null ? 1 : b.acceleratorCount();
        if (mlperf) {
            if (b.throughputPerChip() == null || b.throughput() == null || b.throughput().value() == null
                    || b.samplesPerSecond() == null || b.samplesPerSecond() <= 0) {
                return "no throughput or samples per second to derive the output length";
            }
            int chips = 1;
            while (chips < count && arch.parameters() * wb > WEIGHT_SHARE * mem * InferenceModel.USABLE_MEMORY * chips) {
                chips *= 2;
            }
            chips = Math.min(chips, count);
            if (arch.parameters() * wb > mem * InferenceModel.USABLE_MEMORY * chips) {
                return "the weights do not fit in the system's " + count + " chips";
            }
            // Generated tokens per second over completed samples per second: the realised output per sample.
            double output = b.throughput().value() / b.samplesPerSecond();
            Mode mode;
            Double tpot = null;
            if ("Offline".equals(b.scenario())) {
                mode = Mode.OFFLINE;
            } else if (b.latency() != null && b.latency().tpotMedianMs() != null) {
                mode = Mode.LATENCY;
                tpot = b.latency().tpotMedianMs() / 1000;
            } else {
                return "no measured time per output token for a latency-bound scenario";
            }
            boolean inFit = !"open".equals(b.division()) && MLPERF_MAX_INPUT.containsKey(b.model());
            return new Observation(b, new Replica(arch, peak, bw, mem, chips, wb, kvEstimate),
                    new Replica(arch, peak, bw, mem, chips, wb, kvBound), mode, null, b.model(), output,
                    b.throughputPerChip(), "throughputPerChip (generated tokens/s per chip)", tpot, inFit);
        }
        if (b.concurrency() == null || b.inputTokens() == null || b.outputThroughput() == null
                || b.outputThroughput().value() == null || b.throughput() == null || b.throughput().value() == null) {
            return "no concurrency, input length or output throughput";
        }
        double total = b.throughput().value();
        double generated = b.outputThroughput().value();
        if (!(total > generated && generated > 0)) {
            return "output throughput is not below total throughput";
        }
        double output = b.inputTokens() * generated / (total - generated);
        return new Observation(b, new Replica(arch, peak, bw, mem, count, wb, kvEstimate),
                new Replica(arch, peak, bw, mem, count, wb, kvBound), Mode.CONCURRENCY, b.inputTokens(), null, output,
                generated / count, "outputThroughput / acceleratorCount (generated tokens/s per GPU)",
                b.latency() == null || b.latency().tpotMedianMs() == null ? null : b.latency().tpotMedianMs() / 1000,
                !"open".equals(b.division()));
    }

    /** The figure key of a result's precision ("mxfp4" and "nvfp4" are FP4 formats); null when unknown. */
    static String figurePrecision(String precision) {
        if (precision == null) {
            return null;
        }
        String p = precision.toLowerCase(java.util.Locale.ROOT);
        if (p.endsWith("fp4")) {
            return "fp4";
        }
        return Precisions.isKnown(p) ? p : null;
    }

    static Prediction predict(Observation o, Params p, boolean bound) {
        Replica r = bound ? o.bound() : o.estimate();
        Efficiency e = bound ? Efficiency.PEAK : p.efficiency();
        double input = o.input() != null ? o.input() : bound ? 0 : p.inputs().getOrDefault(o.inputKey(), 0.0);
        double max = r.maxConcurrency(input + o.output());
        double concurrency = switch (o.mode()) {
            case OFFLINE -> max;
            case LATENCY -> Math.max(1, InferenceModel.concurrencyFor(r, o.tpotSeconds(), input, o.output(), e, bound,
                    Math.max(1, max)));
            case CONCURRENCY -> o.benchmark().concurrency();
        };
        InferenceModel.Point point = InferenceModel.point(r, Math.max(1, concurrency), input, o.output(), e, bound);
        return new Prediction(point.tokensPerSecondPerChip(), concurrency, point.tpotSeconds());
    }

    static double loss(List<Observation> obs, Params p) {
        double sum = 0;
        for (Observation o : obs) {
            double l = Math.log(predict(o, p, false).perChip() / o.measured());
            sum += l * l;
        }
        return sum;
    }

    /** Fits efficiencies and input lengths on {@code obs}. */
    static Params fit(List<Observation> obs) {
        Params p = new Params(0.6, 0.5, 0.005, Map.of());
        for (int round = 0; round < ROUNDS; round++) {
            p = fitEfficiencies(obs, p);
            p = fitInputs(obs, p, obs);
        }
        return p;
    }

    static Params fitEfficiencies(List<Observation> obs, Params start) {
        Params p = start;
        double[][] bounds = {{0.05, 1}, {0.05, 1}, {0, 0.02}};
        for (int c = 0; c < 3; c++) {
            Params base = p;
            int coordinate = c;
            p = p.with(c, golden(v -> loss(obs, base.with(coordinate, v)), bounds[c][0], bounds[c][1]));
        }
        return p;
    }

    /** Fits the input length of each MLPerf benchmark present in {@code on}, the efficiencies held. */
    static Params fitInputs(List<Observation> on, Params start, List<Observation> keysFrom) {
        Params p = start;
        Map<String, List<Observation>> byKey = new TreeMap<>();
        for (Observation o : keysFrom) {
            if (o.inputKey() != null) {
                byKey.computeIfAbsent(o.inputKey(), k -> new ArrayList<>());
            }
        }
        for (Observation o : on) {
            if (o.inputKey() != null && byKey.containsKey(o.inputKey())) {
                byKey.get(o.inputKey()).add(o);
            }
        }
        for (Map.Entry<String, List<Observation>> e : byKey.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            Params base = p;
            double tokens = golden(v -> loss(e.getValue(), base.withInput(e.getKey(), v)), 0,
                    MLPERF_MAX_INPUT.get(e.getKey()));
            p = p.withInput(e.getKey(), tokens);
        }
        return p;
    }

    private static double golden(DoubleUnaryOperator f, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        for (int i = 0; i < SECTIONS; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return (a + b) / 2;
    }

    static ValidationReport.Errors errors(List<Observation> obs, Params p) {
        if (obs.isEmpty()) {
            return new ValidationReport.Errors(0, null, null, null);
        }
        List<double[]> errs = new ArrayList<>();
        String worstId = null;
        double worst = -1;
        for (Observation o : obs) {
            double e = Math.abs(predict(o, p, false).perChip() / o.measured() - 1);
            errs.add(new double[] {e});
            if (e > worst) {
                worst = e;
                worstId = o.benchmark().id();
            }
        }
        errs.sort(Comparator.comparingDouble(a -> a[0]));
        int n = errs.size();
        double median = n % 2 == 1 ? errs.get(n / 2)[0] : (errs.get(n / 2 - 1)[0] + errs.get(n / 2)[0]) / 2;
        return new ValidationReport.Errors(n, round(median), round(worst), worstId);
    }

    static List<ValidationReport.Split> splits(List<Observation> fit) {
        Predicate<Observation> mlperf = Observation::mlperf;
        Predicate<Observation> offline = o -> o.mode() == Mode.OFFLINE;
        Predicate<Observation> v51 = o -> "v5.1".equals(o.benchmark().round());
        Predicate<Observation> v4 = o -> o.mlperf() && o.benchmark().round() != null
                && o.benchmark().round().startsWith("v4");
        List<Observation> ml = filter(fit, mlperf);
        List<Observation> ix = filter(fit, mlperf.negate());
        List<ValidationReport.Split> out = new ArrayList<>();
        out.add(split("MLPerf -> InferenceX", "MLPerf", ml, "InferenceX", ix, null));
        // InferenceX cannot inform MLPerf's unpublished input lengths: they come from MLPerf Offline, the
        // efficiencies from InferenceX alone, and only MLPerf Server/Interactive results are scored.
        Params fromIx = fitEfficiencies(ix, new Params(0.6, 0.5, 0.005, Map.of()));
        for (int i = 1; i < ROUNDS; i++) {
            fromIx = fitEfficiencies(ix, fromIx);
        }
        List<Observation> mlOffline = filter(ml, offline);
        List<Observation> mlLatency = filter(ml, offline.negate());
        Params ixThenInputs = fitInputs(mlOffline, fromIx, mlOffline);
        out.add(new ValidationReport.Split("InferenceX -> MLPerf", "InferenceX (efficiencies); MLPerf Offline (input"
                + " lengths only)", "MLPerf Server and Interactive", fit(ixThenInputs, ix.size()),
                errors(mlLatency, ixThenInputs), "InferenceX has no MLPerf workload, so the input lengths MLCommons does"
                + " not publish are fitted on MLPerf Offline with InferenceX's efficiencies held fixed"));
        out.add(split("Offline -> Server/Interactive", "MLPerf Offline", mlOffline, "MLPerf Server and Interactive",
                mlLatency, "MLPerf split by scenario: with 9 InferenceX points, a second out-of-sample test"));
        out.add(split("Server/Interactive -> Offline", "MLPerf Server and Interactive", mlLatency, "MLPerf Offline",
                mlOffline, "MLPerf split by scenario, the other way round"));
        List<Observation> round51 = filter(ml, v51);
        List<Observation> round4 = filter(ml, v4);
        out.add(split("v5.1 -> v4.x", "MLPerf v5.1", round51, "MLPerf v4.0 and v4.1", round4,
                "MLPerf split by round"));
        Params from4 = fit(round4);
        List<Observation> testable = filter(round51, o -> from4.inputs().containsKey(o.inputKey()));
        out.add(new ValidationReport.Split("v4.x -> v5.1", "MLPerf v4.0 and v4.1", "MLPerf v5.1 (benchmarks that v4.x"
                + " has: Llama 2 70B, Mixtral 8x7B)", fit(from4, round4.size()), errors(testable, from4),
                "v5.1's Llama 3.1 8B/405B and DeepSeek-R1 results are not scored: v4.x has no result to fit their"
                + " input lengths on"));
        return out;
    }

    private static ValidationReport.Split split(String name, String calibratedOn, List<Observation> on,
                                                String reportedOn, List<Observation> test, String note) {
        Params p = fit(on);
        // A benchmark of the test part without results in the calibration part keeps no fitted input: fit it on the
        // test part's own Offline results would leak, so it is scored with what the calibration part could know.
        return new ValidationReport.Split(name, calibratedOn, reportedOn, fit(p, on.size()), errors(test, p), note);
    }

    private static ValidationReport.Fit fit(Params p, int n) {
        return new ValidationReport.Fit(round(p.bandwidth()), round(p.compute()), round(p.overhead() * 1000), n,
                "fitted on " + n + " results");
    }

    private static ValidationReport.Row row(Observation o, Params p) {
        Prediction bound = predict(o, p, true);
        Prediction estimate = predict(o, p, false);
        Benchmark b = o.benchmark();
        double input = o.input() != null ? o.input() : p.inputs().getOrDefault(o.inputKey(), 0.0);
        return new ValidationReport.Row(b.id(), b.sourceKind(), b.round(), b.scenario() != null ? b.scenario()
                : b.scenarioKey(), b.chipId(), b.model(), b.precision(), o.estimate().chips(), round(input),
                o.input() == null, round(o.output()), o.metric(), o.measured(), round(bound.perChip()),
                round(estimate.perChip()), round(estimate.perChip() / o.measured() - 1), round(estimate.concurrency()),
                o.tpotSeconds() == null ? null : round(o.tpotSeconds() * 1000), round(estimate.tpotSeconds() * 1000),
                o.inFit());
    }

    private static List<Observation> filter(List<Observation> obs, Predicate<Observation> p) {
        return obs.stream().filter(p).toList();
    }

    private static boolean positive(Double v) {
        return v != null && Double.isFinite(v) && v > 0;
    }

    /** Four significant digits: enough to read, stable across platforms. */
    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }

    /** The in-sample fit on every usable result: what {@link Calibration#SERVED} must equal (ValidationTest). */
    public static ValidationReport.Fit fitAll(List<Benchmark> benchmarks, Map<String, ChipFigures> chips,
                                              Function<String, Optional<ModelPreset>> models) {
        List<Observation> obs = filter(observations(benchmarks, chips, models, new ArrayList<>()), Observation::inFit);
        return fit(fit(obs), obs.size());
    }

    /** Fitted input lengths at the served calibration, for tests and the docs. */
    static Map<String, Double> servedInputs(List<Observation> fit) {
        Calibration s = Calibration.SERVED;
        return new LinkedHashMap<>(fitInputs(fit, new Params(s.bandwidthEfficiency(), s.computeEfficiency(),
                s.stepOverheadMs() / 1000, Map.of()), fit).inputs());
    }
}
