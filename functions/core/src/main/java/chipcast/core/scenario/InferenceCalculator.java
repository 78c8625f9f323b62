package chipcast.core.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Roofline sizing of LLM decode. Each decode step reads every active weight once and produces one
 * token per sequence in the batch, so a chip is limited either by memory bandwidth (weights read
 * per step) or by compute (2 FLOP per active parameter per token). KV-cache traffic, KV-cache
 * capacity, prefill and interconnect are not modelled; see docs/scenarios.md.
 */
public final class InferenceCalculator {
    private InferenceCalculator() {
    }

    public static InferenceResult calculate(InferenceRequest req) {
        if (req == null) {
            throw new ScenarioInputException("request", "must not be null");
        }
        InferenceRequest.Model m = req.model();
        if (m == null) {
            throw new ScenarioInputException("model", "must not be null");
        }
        double params = Checks.range("model.parametersB", m.parametersB(), 0, false, 1e5);
        double active = Checks.rangeOr("model.activeParametersB", m.activeParametersB(), params, 0, false, params);
        double bpp = Checks.range("model.bytesPerParameter", m.bytesPerParameter(), 0.25, true, 8);
        int batch = req.batchSize();
        if (batch < 1 || batch > 100_000) {
            throw new ScenarioInputException("batchSize", "must be in 1..100000, got " + batch);
        }
        double target = Checks.range("targetTokensPerSecond", req.targetTokensPerSecond(), 0, false, 1e12);
        List<InferenceRequest.Option> options = Checks.list("options", req.options(), 1, 10);
        for (int i = 0; i < options.size(); i++) {
            Checks.text("options[" + i + "].name", options.get(i).name());
            Checks.chip("options[" + i + "].chip", options.get(i).chip());
        }
        String precision = Checks.precision("precision", req.precision(), InferenceRequest.DEFAULT_PRECISION);
        double util = Checks.rangeOr("utilization", req.utilization(), InferenceRequest.DEFAULT_UTILIZATION, 0, false, 1);
        double pue = Checks.rangeOr("pue", req.pue(), InferenceRequest.DEFAULT_PUE, 1, true, 3);
        double price = Checks.rangeOr("electricityUsdPerKWh", req.electricityUsdPerKWh(),
                InferenceRequest.DEFAULT_ELECTRICITY_USD_PER_KWH, 0, true, 10);

        double weightBytes = params * 1e9 * bpp;
        double bytesPerStep = active * 1e9 * bpp;

        List<InferenceResult.OptionResult> partial = new ArrayList<>();
        for (InferenceRequest.Option o : options) {
            ChipFigures c = o.chip();
            double tflops = Checks.dense(c, precision);
            double bw = Checks.bandwidth(c);
            double memGB = Checks.memoryGB(c);
            double tdp = Checks.tdp(c);
            // With weights sharded over k chips each reads 1/k of them per step, so the per-chip
            // rate below holds for any k under ideal tensor parallelism.
            double memoryBound = bw * 1e12 * batch / bytesPerStep;
            double computeBound = util * tflops * 1e12 / (2 * active * 1e9);
            double perChip = Math.min(memoryBound, computeBound);
            String bound = memoryBound <= computeBound ? "memory" : "compute";
            long toFit = count("options", Checks.ceil(weightBytes / (memGB * 1e9)));
            long forThroughput = count("targetTokensPerSecond", Checks.ceil(target / perChip));
            long needed = Math.max(toFit, forThroughput);
            double itKW = needed * tdp / 1000;
            double facilityKW = itKW * pue;
            double kWhPerMillion = facilityKW * (1e6 / target) / 3600;
            partial.add(new InferenceResult.OptionResult(o.name(), c.id(), tflops, bw, memGB, tdp, memoryBound,
                    computeBound, perChip, bound, toFit, forThroughput, needed, itKW, facilityKW, kWhPerMillion,
                    kWhPerMillion * price, null));
        }

        InferenceResult.OptionResult b = partial.get(0);
        List<InferenceResult.OptionResult> results = new ArrayList<>();
        for (InferenceResult.OptionResult r : partial) {
            InferenceResult.Ratios ratios = new InferenceResult.Ratios(
                    Checks.ratio(r.memoryBoundTokensPerSecond(), b.memoryBoundTokensPerSecond()),
                    Checks.ratio(r.computeBoundTokensPerSecond(), b.computeBoundTokensPerSecond()),
                    Checks.ratio(r.tokensPerSecondPerChip(), b.tokensPerSecondPerChip()),
                    Checks.ratio((double) r.chipsToFitWeights(), (double) b.chipsToFitWeights()),
                    Checks.ratio((double) r.chipsForThroughput(), (double) b.chipsForThroughput()),
                    Checks.ratio((double) r.chipsNeeded(), (double) b.chipsNeeded()),
                    Checks.ratio(r.itPowerKW(), b.itPowerKW()),
                    Checks.ratio(r.facilityPowerKW(), b.facilityPowerKW()),
                    Checks.ratio(r.energyPerMillionTokensKWh(), b.energyPerMillionTokensKWh()),
                    Checks.ratio(r.energyCostPerMillionTokensUsd(), b.energyCostPerMillionTokensUsd()));
            results.add(new InferenceResult.OptionResult(r.name(), r.chipId(), r.denseTFLOPSPerChip(),
                    r.memoryBandwidthTBs(), r.memoryGB(), r.tdpWatts(), r.memoryBoundTokensPerSecond(),
                    r.computeBoundTokensPerSecond(), r.tokensPerSecondPerChip(), r.bound(), r.chipsToFitWeights(),
                    r.chipsForThroughput(), r.chipsNeeded(), r.itPowerKW(), r.facilityPowerKW(),
                    r.energyPerMillionTokensKWh(), r.energyCostPerMillionTokensUsd(), ratios));
        }
        return new InferenceResult(precision, util, pue, price, batch, target, params, active, bpp, weightBytes,
                bytesPerStep, List.copyOf(results));
    }

    private static long count(String field, double chips) {
        if (!(chips <= Checks.MAX_EXACT)) {
            throw new ScenarioInputException(field, "would need more than 2^53 chips");
        }
        return (long) chips;
    }
}
