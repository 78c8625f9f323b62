package chipcast.core.scenario;

import java.util.List;

/**
 * Outcome of a training comparison, with the inputs as actually used (defaults filled in and where they come
 * from), the assumptions and the caveats.
 *
 * @param mode "days" (fixed time, compare work done), "totalFlop" or "tokens" (fixed work, compare time)
 * @param flopFormula "6ND" or "8ND" in tokens mode, null otherwise
 * @param serverOverhead the request's server factor; null: each option's default (its {@code serverPowerFactor})
 * @param averagePowerFraction share of all-in peak power drawn on average, for energy
 */
public record TrainingResult(String mode, String precision, double utilization, Double days, Double totalFlop,
                             double pue, Double serverOverhead, double electricityUsdPerKWh, Double tokens,
                             Double parametersB, String model, String flopFormula, String utilizationSource,
                             double averagePowerFraction, String powerSource, String buyerType,
                             List<OptionResult> options, List<String> assumptions, List<String> caveats) {

    /**
     * One cluster. {@code days} and {@code totalFlop} are this option's own: in "days" mode every option runs the
     * given days and delivers its own FLOP; otherwise every option does the given work in its own days. The
     * *ForBaselineFlop values always mean "doing the baseline's work", which is what "same job" vendor claims
     * compare. Power and energy are null, with {@code powerUnknownReason}, for a chip without TDP.
     *
     * @param itPowerMW       count x TDP x server factor (peak)
     * @param facilityPowerMW IT power x PUE (peak): what the site must supply
     * @param energyMWh       facility power x average power fraction x hours
     * @param rentalUsd       count x hours x dollars per chip-hour (the option's or the sourced buyer type's)
     * @param capexBasis      where the chip price of capexUsd comes from: the option, or the catalogue's price
     */
    public record OptionResult(String name, String chipId, long count, double denseTFLOPSPerChip,
                               double peakPFLOPS, double effectivePFLOPS, double days, double totalFlop,
                               double daysForBaselineFlop, Double itPowerMW, Double facilityPowerMW,
                               Double energyMWh, Double energyCostUsd, Double energyMWhForBaselineFlop,
                               Double energyCostUsdForBaselineFlop, Double capexUsd, Ratios ratiosToBaseline,
                               double utilization, String utilizationFrom, Double tdpWatts, double serverPowerFactor,
                               String serverPowerFactorFrom, String powerUnknownReason, Double usdPerChipHour,
                               String rentalBasis, Double rentalUsd, String capexBasis) {
    }

    /** Each value divided by the baseline's; null where either side is unknown or the baseline is 0. */
    public record Ratios(Double count, Double peakPFLOPS, Double effectivePFLOPS, Double days, Double totalFlop,
                         Double daysForBaselineFlop, Double itPowerMW, Double facilityPowerMW, Double energyMWh,
                         Double energyCostUsd, Double energyMWhForBaselineFlop,
                         Double energyCostUsdForBaselineFlop, Double capexUsd, Double rentalUsd) {
    }
}
