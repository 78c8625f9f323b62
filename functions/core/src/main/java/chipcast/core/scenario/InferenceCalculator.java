package chipcast.core.scenario;

import chipcast.core.scenario.InferenceModel.Efficiency;
import chipcast.core.scenario.InferenceModel.Point;
import chipcast.core.scenario.InferenceModel.Replica;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Serving one model on each option's chips: memory fit with the KV cache, the roofline bound and the calibrated
 * estimate of throughput and latency at the request's load, a concurrency sweep, chips for a target, all-in power
 * and dollars per million tokens. The maths is {@link InferenceModel}; docs/scenarios.md states every formula.
 */
public final class InferenceCalculator {
    public static final String DEFAULT_PRECISION = "fp8";
    public static final String DEFAULT_BUYER_TYPE = "3yr-rental";
    public static final List<String> BUYER_TYPES = List.of("hyperscaler", "neocloud", "3yr-rental", "on-demand-cloud");
    public static final double DEFAULT_ELECTRICITY_USD_PER_KWH = 0.10;
    public static final int DEFAULT_CURVE_POINTS = 8;
    public static final int MAX_CURVE_POINTS = 64;
    public static final int MAX_CHIPS_PER_REPLICA = 1024;
    static final int MAX_BATCH = 100_000;

    private InferenceCalculator() {
    }

    public static InferenceResult calculate(InferenceRequest req) {
        if (req == null) {
            throw new ScenarioInputException("request", "must not be null");
        }
        Architecture m = req.model();
        if (m == null) {
            throw new ScenarioInputException("model", "must not be null");
        }
        InferenceRequest.Workload w = req.workload();
        Checks.range("workload.inputTokens", w.inputTokens(), 0, true, 10_000_000);
        Checks.range("workload.outputTokens", w.outputTokens(), 1, true, 10_000_000);
        if (req.maxContext() != null && w.inputTokens() + w.outputTokens() > req.maxContext()) {
            throw new ScenarioInputException("workload", "prompt + generated tokens (" + Checks.num(w.inputTokens()
                    + w.outputTokens()) + ") exceed the model's context of " + req.maxContext() + " tokens");
        }
        List<InferenceRequest.Option> options = Checks.list("options", req.options(), 1, 10);
        if (req.batchSize() != null && req.targetTokensPerSecondPerUser() != null) {
            throw new ScenarioInputException("targetTokensPerSecondPerUser", "give batchSize or"
                    + " targetTokensPerSecondPerUser, not both: the one follows from the other");
        }
        if (req.batchSize() != null && (req.batchSize() < 1 || req.batchSize() > MAX_BATCH)) {
            throw new ScenarioInputException("batchSize", "must be in 1.." + MAX_BATCH + ", got " + req.batchSize());
        }
        Double perUser = req.targetTokensPerSecondPerUser() == null ? null
                : Checks.range("targetTokensPerSecondPerUser", req.targetTokensPerSecondPerUser(), 0, false, 100_000);
        Double target = req.targetTokensPerSecond() == null ? null
                : Checks.range("targetTokensPerSecond", req.targetTokensPerSecond(), 0, false, 1e12);
        String precision = Checks.precision("precision", req.precision(), DEFAULT_PRECISION);
        Calibration cal = Calibration.SERVED;
        double eb = Checks.rangeOr("bandwidthEfficiency", req.bandwidthEfficiency(), cal.bandwidthEfficiency(), 0, false, 1);
        double ec = Checks.rangeOr("utilization", req.computeEfficiency(), cal.computeEfficiency(), 0, false, 1);
        double overheadMs = Checks.rangeOr("stepOverheadMs", req.stepOverheadMs(), cal.stepOverheadMs(), 0, true, 1000);
        double pue = Checks.rangeOr("pue", req.pue(), PowerDefaults.PUE, 1, true, 3);
        Double factor = req.serverPowerFactor() == null ? null
                : Checks.range("serverPowerFactor", req.serverPowerFactor(), 1, true, 5);
        double electricity = Checks.rangeOr("electricityUsdPerKWh", req.electricityUsdPerKWh(),
                DEFAULT_ELECTRICITY_USD_PER_KWH, 0, true, 10);
        String buyer = req.buyerType() == null ? DEFAULT_BUYER_TYPE : req.buyerType();
        if (!BUYER_TYPES.contains(buyer)) {
            throw new ScenarioInputException("buyerType", "must be one of " + String.join(", ", BUYER_TYPES));
        }
        double years = Checks.rangeOr("amortizationYears", req.amortizationYears(), PowerDefaults.AMORTIZATION_YEARS,
                0, false, 20);
        int points = req.curvePoints() == null ? DEFAULT_CURVE_POINTS : req.curvePoints();
        if (points < 0 || points > MAX_CURVE_POINTS) {
            throw new ScenarioInputException("curvePoints", "must be in 0.." + MAX_CURVE_POINTS + ", got " + points);
        }
        if (req.bytesPerParameter() != null) {
            Checks.range("model.bytesPerParameter", req.bytesPerParameter(), 0.25, true, 8);
        }
        String kvDefault = req.kvCachePrecision() == null ? null
                : Checks.precision("kvCachePrecision", req.kvCachePrecision(), null);
        List<Resolved> resolved = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            resolved.add(resolve(req, options.get(i), i, precision, kvDefault));
        }

        Efficiency estimate = new Efficiency(eb, ec, overheadMs / 1000);
        InferenceResult.Load load = new InferenceResult.Load(req.batchSize() != null ? "batchSize"
                : perUser != null ? "targetTokensPerSecondPerUser" : "maxFit", req.batchSize(), perUser);
        List<InferenceResult.OptionResult> partial = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            partial.add(option(req, resolved.get(i), i, estimate, perUser, target, factor, pue, electricity, buyer,
                    years, points));
        }
        InferenceResult.OptionResult base = partial.get(0);
        List<InferenceResult.OptionResult> results = new ArrayList<>();
        for (InferenceResult.OptionResult r : partial) {
            results.add(withRatios(r, base));
        }
        InferenceResult.ModelView view = new InferenceResult.ModelView(req.modelSource() == null ? null
                : req.modelSource().preset(), m.name(), m.parameters() / 1e9, m.active() / 1e9, m.layers(),
                m.kvValuesPerToken(), m.attention(), m.experts(), m.expertsPerToken(), req.maxContext(),
                m.kvValuesPerToken() != null, req.modelSource());
        InferenceResult.Efficiencies eff = new InferenceResult.Efficiencies(eb, ec, overheadMs,
                from(req.bandwidthEfficiency()), from(req.computeEfficiency()), from(req.stepOverheadMs()), cal.source());
        return new InferenceResult(view, w, load, target, eff,
                new InferenceResult.PowerBasis(factor, pue, electricity, factor == null && req.pue() == null
                        ? PowerDefaults.SOURCE : "request (defaults: " + PowerDefaults.SOURCE + ")"),
                new InferenceResult.CostBasis(buyer, years, "buyer-type prices: data/chip-hour-prices.json (each"
                        + " option's cost names its source and date); amortisation: " + PowerDefaults.SOURCE),
                List.copyOf(results), assumptions(req, m, load), caveats(m, resolved));
    }

    private static String from(Double given) {
        return given == null ? "calibration" : "request";
    }

    /** An option's precisions and chip figures, checked. */
    record Resolved(InferenceRequest.Option option, String precision, String weightPrecision, String kvPrecision,
                    double tflops, double bandwidth, double memoryGB) {
    }

    private static Resolved resolve(InferenceRequest req, InferenceRequest.Option o, int i, String precision,
                                    String kvDefault) {
        String path = "options[" + i + "]";
        Checks.text(path + ".name", o.name());
        Checks.chip(path + ".chip", o.chip());
        String p = o.precision() == null ? precision : Checks.precision(path + ".precision", o.precision(), null);
        String wp = o.weightPrecision() == null ? p : Checks.precision(path + ".weightPrecision", o.weightPrecision(), null);
        if (Precisions.bytesPerValue(wp) > Precisions.bytesPerValue(p)) {
            throw new ScenarioInputException(path + ".weightPrecision", wp + " weights are wider than the " + p
                    + " compute precision: " + p + " matrix units take " + p + " operands, so the weights would be"
                    + " stored in " + p);
        }
        if (req.bytesPerParameter() != null && Precisions.bytesPerValue(wp) != req.bytesPerParameter()) {
            throw new ScenarioInputException("model.bytesPerParameter", Checks.num(req.bytesPerParameter())
                    + " bytes per parameter contradicts " + path + "'s weight precision " + wp + " ("
                    + Checks.num(Precisions.bytesPerValue(wp)) + " bytes); drop bytesPerParameter or set "
                    + path + ".weightPrecision");
        }
        String kv = o.kvCachePrecision() != null ? Checks.precision(path + ".kvCachePrecision", o.kvCachePrecision(), null)
                : kvDefault != null ? kvDefault : Precisions.bytesPerValue(p) <= 1 ? "fp8" : p;
        if (o.chipsPerReplica() != null && (o.chipsPerReplica() < 1 || o.chipsPerReplica() > MAX_CHIPS_PER_REPLICA)) {
            throw new ScenarioInputException(path + ".chipsPerReplica", "must be in 1.." + MAX_CHIPS_PER_REPLICA);
        }
        if (o.usdPerChipHour() != null) {
            Checks.range(path + ".usdPerChipHour", o.usdPerChipHour(), 0, false, 10_000);
        }
        if (o.chipPriceUsd() != null) {
            Checks.range(path + ".chipPriceUsd", o.chipPriceUsd(), 0, false, 1e8);
        }
        // Figures are looked up after the option's inputs passed, so a 400 is never masked by a 422.
        return new Resolved(o, p, wp, kv, Checks.dense(o.chip(), p), Checks.bandwidth(o.chip()),
                Checks.memoryGB(o.chip()));
    }

    private static InferenceResult.OptionResult option(InferenceRequest req, Resolved r, int index, Efficiency e,
                                                       Double perUser, Double target, Double factor, double pue,
                                                       double electricity, String buyer, double years, int points) {
        InferenceRequest.Option o = r.option();
        String path = "options[" + index + "]";
        double in = req.workload().inputTokens();
        double out = req.workload().outputTokens();
        double full = in + out;
        List<String> notes = new ArrayList<>();
        long need = req.batchSize() == null ? 1 : req.batchSize();
        int chips;
        Replica replica;
        if (o.chipsPerReplica() != null) {
            chips = o.chipsPerReplica();
            replica = replica(req, r, chips);
            if (replica.maxConcurrency(full) < 1) {
                throw new ScenarioInputException(path + ".chipsPerReplica", cannotFit(replica, full, chips));
            }
        } else {
            chips = smallestReplica(req, r, need);
            if (chips < 0) {
                chips = smallestReplica(req, r, 1);
            }
            if (chips < 0) {
                Replica largest = replica(req, r, MAX_CHIPS_PER_REPLICA);
                throw new ScenarioInputException(path, "the model cannot be served at any batch: "
                        + cannotFit(largest, full, MAX_CHIPS_PER_REPLICA));
            }
            replica = replica(req, r, chips);
            notes.add(chips + " chips per replica: the fewest (a power of two) whose usable memory ("
                    + pct(InferenceModel.USABLE_MEMORY) + " of each chip) holds the weights and the KV cache of "
                    + (req.batchSize() == null ? "one sequence" : need + " sequences") + " at full context");
        }
        double max = replica.maxConcurrency(full);
        double concurrency;
        boolean capped = false;
        Boolean met = null;
        if (req.batchSize() != null) {
            concurrency = Math.min(req.batchSize(), max);
            if (concurrency < req.batchSize()) {
                capped = true;
                notes.add("batchSize " + req.batchSize() + " does not fit: " + Checks.num(Math.floor(max))
                        + " sequences at full context fit per replica of " + chips + ", so the answer uses "
                        + Checks.num(Math.floor(max)));
                concurrency = Math.floor(max);
            }
        } else if (perUser != null) {
            double c = InferenceModel.concurrencyFor(replica, 1 / perUser, in, out, e, false, max);
            met = c >= 1;
            if (!met) {
                notes.add("not even one sequence reaches " + Checks.num(perUser) + " tokens/s per user on this option"
                        + " (estimate); the answer shows one sequence");
                c = 1;
            }
            concurrency = Math.floor(c);
        } else {
            concurrency = Math.floor(max);
        }
        concurrency = Math.max(1, concurrency);
        Point est = InferenceModel.point(replica, concurrency, in, out, e, false);
        Point bnd = InferenceModel.point(replica, concurrency, in, out, Efficiency.PEAK, true);
        List<InferenceResult.CurvePoint> curve = new ArrayList<>();
        for (double c : sweep(points, Math.max(1, Math.floor(max)))) {
            Point p = InferenceModel.point(replica, c, in, out, e, false);
            curve.add(new InferenceResult.CurvePoint(c, p.tokensPerSecondPerChip(), p.tokensPerSecondPerUser(),
                    p.tpotSeconds() * 1000, p.ttftSeconds() * 1000));
        }
        InferenceResult.Sizing sizing = null;
        if (target != null) {
            double replicas = Checks.ceil(target / est.tokensPerSecondPerReplica());
            if (!(replicas * chips <= Checks.MAX_EXACT)) {
                throw new ScenarioInputException("targetTokensPerSecond", "would need more than 2^53 chips");
            }
            sizing = new InferenceResult.Sizing((long) replicas, (long) replicas * chips);
        }
        InferenceResult.Power power = power(o.chip(), est, sizing, factor, pue, electricity);
        InferenceResult.Cost cost = cost(o, est, buyer, years, power, electricity);
        double usable = r.memoryGB() * InferenceModel.USABLE_MEMORY;
        InferenceResult.Memory memory = new InferenceResult.Memory(usable, replica.weightBytes() / chips / 1e9,
                replica.kvBytesPerSequence(full) / 1e9, concurrency * replica.kvBytesPerSequence(full) / chips / 1e9,
                Math.floor(max));
        return new InferenceResult.OptionResult(o.name(), o.chip().id(), chips, o.chipsPerReplica() != null,
                r.precision(), r.weightPrecision(), r.kvPrecision(), new InferenceResult.Figures(r.tflops(),
                r.bandwidth(), r.memoryGB(), o.chip().tdpWatts()), memory, concurrency, capped, met,
                performance(bnd), performance(est), List.copyOf(curve), sizing, power, cost, null, List.copyOf(notes));
    }

    private static Replica replica(InferenceRequest req, Resolved r, int chips) {
        return new Replica(req.model(), r.tflops() * 1e12, r.bandwidth() * 1e12, r.memoryGB() * 1e9, chips,
                Precisions.bytesPerValue(r.weightPrecision()), Precisions.bytesPerValue(r.kvPrecision()));
    }

    /** The fewest chips (a power of two) holding the weights and {@code need} sequences at full context; -1 if none. */
    private static int smallestReplica(InferenceRequest req, Resolved r, long need) {
        double full = req.workload().inputTokens() + req.workload().outputTokens();
        for (int chips = 1; chips <= MAX_CHIPS_PER_REPLICA; chips *= 2) {
            if (replica(req, r, chips).maxConcurrency(full) >= need) {
                return chips;
            }
        }
        return -1;
    }

    private static String cannotFit(Replica r, double context, int chips) {
        return "weights " + gb(r.weightBytes()) + " + one sequence's KV cache " + gb(r.kvBytesPerSequence(context))
                + " at " + Checks.num(context) + " tokens exceed " + chips + " x " + gb(r.memoryBytes()) + " x "
                + pct(InferenceModel.USABLE_MEMORY) + " usable = " + gb(r.usableBytes());
    }

    private static String gb(double bytes) {
        return Checks.fmt(bytes / 1e9) + " GB";
    }

    private static String pct(double share) {
        return Checks.num(share * 100) + "%";
    }

    /** {@code n} concurrencies from 1 to {@code max}, geometric, whole numbers, without repeats. */
    static List<Double> sweep(int n, double max) {
        Set<Double> out = new LinkedHashSet<>();
        if (n == 0) {
            return List.of();
        }
        if (n == 1 || max <= 1) {
            out.add(Math.max(1, Math.floor(max)));
            return List.copyOf(out);
        }
        for (int i = 0; i < n; i++) {
            out.add((double) Math.round(Math.pow(max, (double) i / (n - 1))));
        }
        return List.copyOf(out);
    }

    private static InferenceResult.Performance performance(Point p) {
        return new InferenceResult.Performance(p.tokensPerSecondPerChip(), p.tokensPerSecondPerReplica(),
                p.tokensPerSecondPerUser(), p.tpotSeconds() * 1000, p.ttftSeconds() * 1000, p.limitedBy());
    }

    private static InferenceResult.Power power(ChipFigures chip, Point est, InferenceResult.Sizing sizing,
                                               Double factor, double pue, double electricity) {
        Double tdp = chip.tdpWatts();
        double f = factor != null ? factor : PowerDefaults.serverFactor(chip.id());
        String fFrom = factor != null ? "request" : PowerDefaults.serverFactorRule(chip.id());
        if (tdp == null || !Double.isFinite(tdp) || tdp <= 0) {
            return new InferenceResult.Power(null, f, fFrom, null, null, null, null, null,
                    "the catalogue has no TDP for " + chip.id() + ": power, tokens per MW and energy are unknown");
        }
        double allIn = tdp * f * pue;
        double perChip = est.tokensPerSecondPerChip();
        double kWhPerMillion = allIn / perChip * 1e6 / 3.6e6;
        return new InferenceResult.Power(tdp, f, fFrom, allIn, sizing == null ? null : sizing.chips() * allIn / 1000,
                perChip / allIn * 1e6, kWhPerMillion, kWhPerMillion * electricity, null);
    }

    private static InferenceResult.Cost cost(InferenceRequest.Option o, Point est, String buyer, double years,
                                             InferenceResult.Power power, double electricity) {
        double tokensPerHour = est.tokensPerSecondPerChip() * 3600;
        if (o.usdPerChipHour() != null) {
            return new InferenceResult.Cost(o.usdPerChipHour(), "request", "rental", null, null, "request",
                    o.usdPerChipHour() / tokensPerHour * 1e6, null);
        }
        if (o.chipPriceUsd() != null) {
            return capex(o.chipPriceUsd(), "request: chip price " + Checks.num(o.chipPriceUsd()) + " USD", years, power,
                    electricity, tokensPerHour);
        }
        for (ChipHourPrice p : o.prices() == null ? List.<ChipHourPrice>of() : o.prices()) {
            if (buyer.equals(p.buyerType()) && p.usdPerChipHour() != null && p.usdPerChipHour() > 0) {
                String source = p.source() == null ? null : p.source().url() != null ? p.source().title() + ", "
                        + p.source().url() : p.source().title();
                return new InferenceResult.Cost(p.usdPerChipHour(), "sourced", p.kind(), buyer, p.asOf(), source,
                        p.usdPerChipHour() / tokensPerHour * 1e6, null);
            }
        }
        if (o.purchase() != null) {
            return capex(o.purchase().usd(), "no " + buyer + " chip-hour price; the catalogue's price "
                    + o.purchase().describe(), years, power, electricity, tokensPerHour);
        }
        return new InferenceResult.Cost(null, "none", null, buyer, null, null, null, "data/chip-hour-prices.json has"
                + " no " + buyer + " price for " + o.chip().id() + " and the catalogue no purchase price; give"
                + " options[].usdPerChipHour or chipPriceUsd");
    }

    /** A purchase price amortised over {@code years} plus all-in power at the electricity price, per chip-hour. */
    private static InferenceResult.Cost capex(double price, String what, double years, InferenceResult.Power power,
                                              double electricity, double tokensPerHour) {
        if (power.allInWattsPerChip() == null) {
            return new InferenceResult.Cost(null, "capex", "capex", null, null, what, null,
                    "a purchase price needs the chip's power for its electricity, and the chip has no TDP");
        }
        double hourly = price / (years * 8766) + power.allInWattsPerChip() / 1000 * electricity;
        return new InferenceResult.Cost(hourly, "capex", "capex", null, null, what + " over " + Checks.num(years)
                + " years plus all-in power at " + Checks.num(electricity) + " USD/kWh", hourly / tokensPerHour * 1e6,
                null);
    }

    private static InferenceResult.OptionResult withRatios(InferenceResult.OptionResult r,
                                                           InferenceResult.OptionResult b) {
        InferenceResult.Ratios ratios = new InferenceResult.Ratios(
                Checks.ratio(r.estimate().tokensPerSecondPerChip(), b.estimate().tokensPerSecondPerChip()),
                Checks.ratio(r.bound().tokensPerSecondPerChip(), b.bound().tokensPerSecondPerChip()),
                r.sizing() == null ? null : Checks.ratio((double) r.sizing().chips(), (double) b.sizing().chips()),
                Checks.ratio(r.power().facilityKW(), b.power().facilityKW()),
                Checks.ratio(r.power().tokensPerSecondPerMW(), b.power().tokensPerSecondPerMW()),
                Checks.ratio(r.cost().usdPerMillionTokens(), b.cost().usdPerMillionTokens()));
        return new InferenceResult.OptionResult(r.name(), r.chipId(), r.chipsPerReplica(), r.chipsPerReplicaGiven(),
                r.precision(), r.weightPrecision(), r.kvCachePrecision(), r.figures(), r.memory(), r.concurrency(),
                r.concurrencyCapped(), r.interactivityTargetMet(), r.bound(), r.estimate(), r.curve(), r.sizing(),
                r.power(), r.cost(), ratios, r.notes());
    }

    private static List<String> assumptions(InferenceRequest req, Architecture m, InferenceResult.Load load) {
        List<String> a = new ArrayList<>();
        InferenceRequest.Workload w = req.workload();
        a.add("Workload: " + Checks.num(w.inputTokens()) + " prompt and " + Checks.num(w.outputTokens())
                + " generated tokens per request (" + w.source() + "); a sequence's average context while decoding"
                + " is prompt + generated / 2, its full context prompt + generated.");
        a.add(switch (load.mode()) {
            case "batchSize" -> "Load: " + load.batchSize() + " sequences in flight per replica (batchSize).";
            case "targetTokensPerSecondPerUser" -> "Load: the most sequences per replica whose estimated time per"
                    + " output token gives " + Checks.num(load.targetTokensPerSecondPerUser()) + " tokens/s per user.";
            default -> "Load: as many sequences per replica as fit in memory at full context (no latency limit).";
        });
        a.add("Continuous batching: one token per sequence per decode step; every request's prefill runs on the same"
                + " chips between steps, so time per output token = step time + concurrency x prefill time / generated"
                + " tokens; time to first token = prefill + one step (no queueing).");
        a.add("Memory: " + Checks.num(InferenceModel.USABLE_MEMORY * 100) + "% of each chip's memory holds weights"
                + " and KV cache (vLLM's default gpu_memory_utilization); weights and KV cache split evenly over a"
                + " replica's chips (ideal tensor parallelism, no communication time but the per-step overhead).");
        a.add("Bound: pure roofline at datasheet peak (dense TFLOPS at the compute precision, memory bandwidth), only"
                + " the active weights read per step, memory and compute fully overlapped, no overhead.");
        a.add("Estimate: memory time (weights read + KV cache read, at the bandwidth efficiency) + compute time (2 FLOP"
                + " per active parameter per token plus attention, at the compute efficiency) + a per-step overhead;"
                + " prefill at the compute efficiency. " + (m.moe() && m.expertsKnown() ? "A step reads the shared"
                + " weights and the expected distinct experts the batch touches, E x (1 - (1 - k/E)^batch) under"
                + " uniform routing." : m.moe() ? "A step reads min(all weights, batch x active) (the expert layout"
                + " is not given)." : "A step reads every weight."));
        a.add("Power: all-in watts per chip = TDP x server factor x PUE, drawn at full TDP (" + PowerDefaults.SOURCE
                + ").");
        a.add("Cost: dollars per million generated tokens = dollars per chip-hour / generated tokens per chip-hour;"
                + " a tco-all-in or rental price already covers power; a purchase price is amortised over the years"
                + " given plus all-in power at the electricity price.");
        return List.copyOf(a);
    }

    private static List<String> caveats(Architecture m, List<Resolved> options) {
        List<String> c = new ArrayList<>();
        if (m.kvValuesPerToken() == null) {
            c.add("The model gives no architecture (layers, kvHeads, headDim or MLA ranks): the KV cache's capacity and"
                    + " reads are left out, which overstates the batch that fits and the throughput; give model.preset"
                    + " or the architecture.");
        }
        if (m.moe() && !m.expertsKnown()) {
            c.add("A mixture of experts without experts/expertsPerToken: the estimate reads min(all weights, batch x"
                    + " active parameters) per step, the most a step can read; give the expert layout for the expected"
                    + " value.");
        }
        c.add("The estimate's efficiencies are fitted to MLPerf submissions (tuned TensorRT-LLM, vLLM) and 9"
                + " InferenceX points: out of sample its median error is within 25% across MLPerf rounds but not across"
                + " sources or software stacks (GET /benchmarks/validation). Interconnect limits beyond the replica,"
                + " speculative decoding, disaggregated prefill, prefix caching, queueing and accuracy at low precision"
                + " are not modelled.");
        boolean tdpMissing = options.stream().anyMatch(r -> r.option().chip().tdpWatts() == null);
        if (tdpMissing) {
            c.add("Some chips have no TDP in the catalogue: their power, tokens per MW and energy are unknown (null),"
                    + " and a purchase price cannot be turned into dollars per token for them.");
        }
        return List.copyOf(c);
    }
}
