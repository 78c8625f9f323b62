package chipcast.core.scenario;

import java.util.ArrayList;
import java.util.List;

/** Peak/effective compute, time, power, energy and cost of training clusters, compared to the first. */
public final class TrainingCalculator {
    static final double SECONDS_PER_DAY = 86_400;
    static final long MAX_COUNT = 10_000_000L;
    static final double MAX_DAYS = 3650;
    static final double MAX_TOTAL_FLOP = 1e32;
    static final double MAX_TOKENS = 1e16;

    private TrainingCalculator() {
    }

    /**
     * Training compute of a dense transformer: about 6 FLOP per parameter per token (2 forward, 4 backward; Kaplan
     * et al. 2020, Hoffmann et al. 2022). For a mixture-of-experts model pass the active parameters per token.
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
        int given = (req.days() == null ? 0 : 1) + (req.totalFlop() == null ? 0 : 1) + (req.tokens() == null ? 0 : 1);
        if (given != 1) {
            throw new ScenarioInputException(req.days() == null ? "days" : req.totalFlop() != null ? "totalFlop"
                    : "tokens", "give exactly one of days, totalFlop or tokens (with model)");
        }
        String mode = req.days() != null ? "days" : req.totalFlop() != null ? "totalFlop" : "tokens";
        Double days = req.days() == null ? null : Checks.range("days", req.days(), 0, false, MAX_DAYS);
        String formula = null;
        Double work = req.totalFlop() == null ? null : Checks.range("totalFlop", req.totalFlop(), 0, false, MAX_TOTAL_FLOP);
        if ("tokens".equals(mode)) {
            double tokens = Checks.range("tokens", req.tokens(), 0, false, MAX_TOKENS);
            if (req.parameters() == null) {
                throw new ScenarioInputException("model", "is required with tokens: the work is 6 x parameters x"
                        + " tokens");
            }
            double n = Checks.range("model.parametersB", req.parameters() / 1e9, 0, false, 1e6) * 1e9;
            String recompute = req.recompute() == null ? "none" : req.recompute();
            if (!recompute.equals("none") && !recompute.equals("full")) {
                throw new ScenarioInputException("recompute", "must be none (6ND) or full (8ND)");
            }
            formula = recompute.equals("full") ? "8ND" : "6ND";
            work = (recompute.equals("full") ? 8 : 6) * n * tokens;
            Checks.range("tokens", work, 0, false, MAX_TOTAL_FLOP);
        } else if (req.recompute() != null || req.parameters() != null) {
            throw new ScenarioInputException(req.recompute() != null ? "recompute" : "model", "applies only with"
                    + " tokens: days or totalFlop already fix the work");
        }
        double pue = Checks.rangeOr("pue", req.pue(), PowerDefaults.PUE, 1, true, 3);
        Double overhead = req.serverOverhead() == null ? null
                : Checks.range("serverOverhead", req.serverOverhead(), 1, true, 5);
        double price = Checks.rangeOr("electricityUsdPerKWh", req.electricityUsdPerKWh(),
                TrainingRequest.DEFAULT_ELECTRICITY_USD_PER_KWH, 0, true, 10);
        String buyer = req.buyerType() == null ? TrainingRequest.DEFAULT_BUYER_TYPE : req.buyerType();
        if (!InferenceCalculator.BUYER_TYPES.contains(buyer)) {
            throw new ScenarioInputException("buyerType", "must be one of " + String.join(", ",
                    InferenceCalculator.BUYER_TYPES));
        }
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
            if (o.utilization() != null) {
                Checks.range(f + ".utilization", o.utilization(), 0, false, 1);
            }
            if (o.usdPerChipHour() != null) {
                Checks.range(f + ".usdPerChipHour", o.usdPerChipHour(), 0, false, 10_000);
            }
        }

        // Figures are looked up only after every input passed, so a 400 is never masked by a 422. A missing TDP
        // only makes the power figures unknown: the compute answer stands.
        List<Double> tflops = new ArrayList<>();
        for (TrainingRequest.Option o : options) {
            tflops.add(Checks.dense(o.chip(), precision));
        }

        double baselineFlop = 0;
        boolean anyUnknownPower = false;
        List<TrainingResult.OptionResult> partial = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            TrainingRequest.Option o = options.get(i);
            double u = o.utilization() == null ? util : o.utilization();
            String uFrom = o.utilization() != null ? "option" : req.utilization() != null ? "request"
                    : TrainingRequest.UTILIZATION_SOURCE;
            double peak = o.count() * tflops.get(i) / 1000;
            double effective = peak * u;
            double flopPerSecond = effective * 1e15;
            double optDays = days != null ? days : work / flopPerSecond / SECONDS_PER_DAY;
            double optFlop = days != null ? flopPerSecond * days * SECONDS_PER_DAY : work;
            if (i == 0) {
                baselineFlop = optFlop;
            }
            double daysForBaseline = baselineFlop / flopPerSecond / SECONDS_PER_DAY;
            double factor = overhead != null ? overhead : PowerDefaults.serverFactor(o.chip().id());
            String factorFrom = overhead != null ? "request" : PowerDefaults.serverFactorRule(o.chip().id());
            Double tdp = o.chip().tdpWatts() != null && o.chip().tdpWatts() > 0 ? o.chip().tdpWatts() : null;
            Double itMW = null;
            Double facilityMW = null;
            Double energy = null;
            Double energyForBaseline = null;
            String unknown = null;
            if (tdp == null) {
                anyUnknownPower = true;
                unknown = "the catalogue has no TDP for " + o.chip().id() + ": power and energy are unknown";
            } else {
                itMW = o.count() * tdp * factor / 1e6;
                facilityMW = itMW * pue;
                energy = facilityMW * PowerDefaults.AVERAGE_POWER_FRACTION * optDays * 24;
                energyForBaseline = facilityMW * PowerDefaults.AVERAGE_POWER_FRACTION * daysForBaseline * 24;
            }
            Double chipPrice = o.chipPriceUsd() != null ? o.chipPriceUsd()
                    : o.purchase() != null ? Double.valueOf(o.purchase().usd()) : null;
            Double capex = chipPrice == null ? null : o.count() * chipPrice;
            String capexBasis = o.chipPriceUsd() != null ? "option" : o.purchase() != null
                    ? "catalogue price " + o.purchase().describe() : null;
            Double hourly = o.usdPerChipHour();
            String rentalBasis = hourly != null ? "option" : null;
            if (hourly == null) {
                for (ChipHourPrice p : o.prices() == null ? List.<ChipHourPrice>of() : o.prices()) {
                    if (buyer.equals(p.buyerType()) && p.usdPerChipHour() != null && p.usdPerChipHour() > 0) {
                        hourly = p.usdPerChipHour();
                        rentalBasis = p.kind() + ", " + buyer + ", as of " + p.asOf() + ": "
                                + (p.source() == null ? "data/chip-hour-prices.json" : p.source().title());
                        break;
                    }
                }
            }
            Double rental = hourly == null ? null : o.count() * optDays * 24 * hourly;
            partial.add(new TrainingResult.OptionResult(o.name(), o.chip().id(), o.count(), tflops.get(i), peak,
                    effective, optDays, optFlop, daysForBaseline, itMW, facilityMW, energy,
                    energy == null ? null : energy * 1000 * price, energyForBaseline,
                    energyForBaseline == null ? null : energyForBaseline * 1000 * price, capex, null, u, uFrom, tdp,
                    factor, factorFrom, unknown, hourly, rentalBasis, rental, capexBasis));
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
                    Checks.ratio(r.capexUsd(), b.capexUsd()),
                    Checks.ratio(r.rentalUsd(), b.rentalUsd()));
            results.add(new TrainingResult.OptionResult(r.name(), r.chipId(), r.count(), r.denseTFLOPSPerChip(),
                    r.peakPFLOPS(), r.effectivePFLOPS(), r.days(), r.totalFlop(), r.daysForBaselineFlop(),
                    r.itPowerMW(), r.facilityPowerMW(), r.energyMWh(), r.energyCostUsd(),
                    r.energyMWhForBaselineFlop(), r.energyCostUsdForBaselineFlop(), r.capexUsd(), ratios,
                    r.utilization(), r.utilizationFrom(), r.tdpWatts(), r.serverPowerFactor(),
                    r.serverPowerFactorFrom(), r.powerUnknownReason(), r.usdPerChipHour(), r.rentalBasis(),
                    r.rentalUsd(), r.capexBasis()));
        }
        List<String> assumptions = new ArrayList<>();
        assumptions.add("Work: " + (formula == null ? "days or totalFlop as given" : formula + " = "
                + (formula.equals("8ND") ? "8" : "6") + " x " + Checks.num(req.parameters() * 1e-9) + "B parameters x "
                + Checks.num(req.tokens()) + " tokens (" + (formula.equals("8ND") ? "forward, backward and a second"
                + " forward pass for full activation recomputation" : "2 FLOP forward, 4 backward per parameter per"
                + " token; Kaplan et al. 2020") + ")") + "; effective compute = peak dense " + precision.toUpperCase(
                java.util.Locale.ROOT) + " x MFU.");
        assumptions.add("Power: IT = count x TDP x server factor, facility = IT x PUE (" + PowerDefaults.SOURCE
                + "); energy = facility power x " + Checks.num(PowerDefaults.AVERAGE_POWER_FRACTION)
                + " (Epoch's average share of peak server power) x hours.");
        assumptions.add("Cost: capex = count x chip price (the option's, else the catalogue's latest sourced price;"
                + " null without one); rental = count x hours x dollars per"
                + " chip-hour (" + buyer + " prices of data/chip-hour-prices.json unless the option gives one);"
                + " energy cost = energy x electricity price.");
        List<String> caveats = new ArrayList<>();
        caveats.add("MFU is an input, not a measurement of these chips: the default is one shared value for every"
                + " option; interconnect, pipeline bubbles, failures and restarts are in it, not modelled.");
        if (anyUnknownPower) {
            caveats.add("Some chips have no TDP in the catalogue: their power and energy are null, the rest of the"
                    + " answer stands.");
        }
        return new TrainingResult(mode, precision, util, days, work,
                pue, overhead, price, req.tokens(), req.parameters() == null ? null : req.parameters() / 1e9,
                req.modelName(), formula, req.utilization() != null ? "request" : TrainingRequest.UTILIZATION_SOURCE,
                PowerDefaults.AVERAGE_POWER_FRACTION, PowerDefaults.SOURCE, buyer, List.copyOf(results),
                List.copyOf(assumptions), List.copyOf(caveats));
    }
}
