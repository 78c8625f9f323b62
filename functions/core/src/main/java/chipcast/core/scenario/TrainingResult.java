package chipcast.core.scenario;

import java.util.List;

/**
 * Outcome of a training comparison, with the inputs as actually used (defaults filled in).
 *
 * @param mode "days" (fixed time, compare work done) or "totalFlop" (fixed work, compare time)
 */
public record TrainingResult(String mode, String precision, double utilization, Double days, Double totalFlop,
                             double pue, double serverOverhead, double electricityUsdPerKWh,
                             List<OptionResult> options) {

    /**
     * One cluster. {@code days} and {@code totalFlop} are this option's own: in "days" mode every
     * option runs the given days and delivers its own FLOP; in "totalFlop" mode every option does
     * the given work in its own days. The *ForBaselineFlop values always mean "doing the
     * baseline's work", which is what "same job" vendor claims compare.
     */
    public record OptionResult(String name, String chipId, long count, double denseTFLOPSPerChip,
                               double peakPFLOPS, double effectivePFLOPS, double days, double totalFlop,
                               double daysForBaselineFlop, double itPowerMW, double facilityPowerMW,
                               double energyMWh, double energyCostUsd, double energyMWhForBaselineFlop,
                               double energyCostUsdForBaselineFlop, Double capexUsd,
                               Ratios ratiosToBaseline) {
    }

    /** Each value divided by the baseline's; null where either side is unknown or the baseline is 0. */
    public record Ratios(Double count, Double peakPFLOPS, Double effectivePFLOPS, Double days, Double totalFlop,
                         Double daysForBaselineFlop, Double itPowerMW, Double facilityPowerMW, Double energyMWh,
                         Double energyCostUsd, Double energyMWhForBaselineFlop,
                         Double energyCostUsdForBaselineFlop, Double capexUsd) {
    }
}
