package chipcast.core.scenario;

import java.util.ArrayList;
import java.util.List;

/** Peak/effective compute, time, power, energy and cost of training clusters, compared to the first. */
public final class TrainingCalculator {
    static final double SECONDS_PER_DAY = 86_400;
    static final long MAX_COUNT = 10_000_000L;
    static final double MAX_DAYS = 3650;
    static final double MAX_TOTAL_FLOP = 1e32;

    private TrainingCalculator() {
    }

    /**
     * Training compute of a dense transformer: about 6 FLOP per parameter per token (2 forward,
     * 4 backward; Kaplan et al. 2020, Hoffmann et al. 2022). For a mixture-of-experts model pass
     * the active parameters per token.
     */
    public static double trainingFlop(double parameters, double tokens) {
        Checks.range("parameters", parameters, 0, false, Double.MAX_VALUE);
        Checks.range("tokens", tokens, 0, false, Double.MAX_VALUE);
        return 6 * parameters * tokens;
    }

    public static TrainingResult calculate(TrainingRequest req) {
        if (req == null) {
            throw new ScenarioInputException("request", "must not be null");
        }
        List<TrainingRequest.Option> options = Checks.list("options", req.options(), 1, 10);
        String precision = Checks.precision("precision", req.precision(), TrainingRequest.DEFAULT_PRECISION);
        double util = Checks.rangeOr("utilization", req.utilization(), TrainingRequest.DEFAULT_UTILIZATION, 0, false, 1);
        if ((req.days() == null) == (req.totalFlop() == null)) {
            throw new ScenarioInputException(req.days() == null ? "days" : "totalFlop",
                    "give exactly one of days or totalFlop");
        }
        boolean daysMode = req.days() != null;
        Double days = daysMode ? Checks.range("days", req.days(), 0, false, MAX_DAYS) : null;
        Double totalFlop = daysMode ? null : Checks.range("totalFlop", req.totalFlop(), 0, false, MAX_TOTAL_FLOP);
        double pue = Checks.rangeOr("pue", req.pue(), TrainingRequest.DEFAULT_PUE, 1, true, 3);
        double overhead = Checks.rangeOr("serverOverhead", req.serverOverhead(),
                TrainingRequest.DEFAULT_SERVER_OVERHEAD, 1, true, 5);
        double price = Checks.rangeOr("electricityUsdPerKWh", req.electricityUsdPerKWh(),
                TrainingRequest.DEFAULT_ELECTRICITY_USD_PER_KWH, 0, true, 10);
        for (int i = 0; i < options.size(); i++) {
            TrainingRequest.Option o = options.get(i);
            String f = "options[" + i + "]";
            Checks.text(f + ".name", o.name());
            Checks.chip(f + ".chip", o.chip());
            if (o.count() < 1 || o.count() > MAX_COUNT) {
                throw new ScenarioInputException(f + ".count", "must be in 1.." + MAX_COUNT + ", got " + o.count());
            }
            if (o.chipPriceUsd() != null) {
                Checks.range(f + ".chipPriceUsd", o.chipPriceUsd(), 0, true, Double.MAX_VALUE);
            }
        }

        // Figures are looked up only after every input passed, so a 400 is never masked by a 422.
        List<double[]> raw = new ArrayList<>();
        for (TrainingRequest.Option o : options) {
            double tflops = Checks.dense(o.chip(), precision);
            double tdp = Checks.tdp(o.chip());
            raw.add(new double[] {tflops, tdp});
        }

        double baselineFlop = 0;
        List<TrainingResult.OptionResult> partial = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            TrainingRequest.Option o = options.get(i);
            double tflops = raw.get(i)[0];
            double peak = o.count() * tflops / 1000;
            double effective = peak * util;
            double flopPerSecond = effective * 1e15;
            double optDays = daysMode ? days : totalFlop / flopPerSecond / SECONDS_PER_DAY;
            double optFlop = daysMode ? flopPerSecond * days * SECONDS_PER_DAY : totalFlop;
            if (i == 0) {
                baselineFlop = optFlop;
            }
            double daysForBaseline = baselineFlop / flopPerSecond / SECONDS_PER_DAY;
            double itMW = o.count() * raw.get(i)[1] * overhead / 1e6;
            double facilityMW = itMW * pue;
            double energyMWh = facilityMW * optDays * 24;
            double energyForBaselineMWh = facilityMW * daysForBaseline * 24;
            Double capex = o.chipPriceUsd() == null ? null : o.count() * o.chipPriceUsd();
            partial.add(new TrainingResult.OptionResult(o.name(), o.chip().id(), o.count(), tflops, peak, effective,
                    optDays, optFlop, daysForBaseline, itMW, facilityMW, energyMWh, energyMWh * 1000 * price,
                    energyForBaselineMWh, energyForBaselineMWh * 1000 * price, capex, null));
        }

        TrainingResult.OptionResult b = partial.get(0);
        List<TrainingResult.OptionResult> results = new ArrayList<>();
        for (TrainingResult.OptionResult r : partial) {
            TrainingResult.Ratios ratios = new TrainingResult.Ratios(
                    Checks.ratio((double) r.count(), (double) b.count()),
                    Checks.ratio(r.peakPFLOPS(), b.peakPFLOPS()),
                    Checks.ratio(r.effectivePFLOPS(), b.effectivePFLOPS()),
                    Checks.ratio(r.days(), b.days()),
                    Checks.ratio(r.totalFlop(), b.totalFlop()),
                    Checks.ratio(r.daysForBaselineFlop(), b.daysForBaselineFlop()),
                    Checks.ratio(r.itPowerMW(), b.itPowerMW()),
                    Checks.ratio(r.facilityPowerMW(), b.facilityPowerMW()),
                    Checks.ratio(r.energyMWh(), b.energyMWh()),
                    Checks.ratio(r.energyCostUsd(), b.energyCostUsd()),
                    Checks.ratio(r.energyMWhForBaselineFlop(), b.energyMWhForBaselineFlop()),
                    Checks.ratio(r.energyCostUsdForBaselineFlop(), b.energyCostUsdForBaselineFlop()),
                    Checks.ratio(r.capexUsd(), b.capexUsd()));
            results.add(new TrainingResult.OptionResult(r.name(), r.chipId(), r.count(), r.denseTFLOPSPerChip(),
                    r.peakPFLOPS(), r.effectivePFLOPS(), r.days(), r.totalFlop(), r.daysForBaselineFlop(),
                    r.itPowerMW(), r.facilityPowerMW(), r.energyMWh(), r.energyCostUsd(),
                    r.energyMWhForBaselineFlop(), r.energyCostUsdForBaselineFlop(), r.capexUsd(), ratios));
        }
        return new TrainingResult(daysMode ? "days" : "totalFlop", precision, util, days, totalFlop, pue, overhead,
                price, List.copyOf(results));
    }
}
