package chipcast.core.chip;

import java.util.LinkedHashMap;
import java.util.Map;

/** Figures derived from a chip's datasheet values: efficiency and the roofline ridge point. */
public final class ChipMetrics {
    private ChipMetrics() {
    }

    /**
     * @param tflopsPerWatt  dense TFLOPS (TOPS for integers) per watt of TDP, per precision with a figure
     * @param ridgePointFlopPerByte arithmetic intensity (FLOP per byte of memory traffic) above which a kernel
     *                       is compute-bound: dense FLOP/s divided by memory bandwidth in byte/s
     */
    public record Derived(Map<String, Double> tflopsPerWatt, Map<String, Double> ridgePointFlopPerByte) {
    }

    public static Derived derive(Chip chip) {
        Map<String, Double> perWatt = new LinkedHashMap<>();
        Map<String, Double> ridge = new LinkedHashMap<>();
        if (chip.denseTFLOPS() != null) {
            chip.denseTFLOPS().asMap().forEach((precision, tflops) -> {
                if (tflops == null) {
                    return;
                }
                if (positive(chip.tdpWatts())) {
                    perWatt.put(precision, tflops / chip.tdpWatts());
                }
                if (positive(chip.memoryBandwidthTBs())) {
                    // TFLOPS / (TB/s): the 1e12 factors cancel, leaving FLOP per byte.
                    ridge.put(precision, tflops / chip.memoryBandwidthTBs());
                }
            });
        }
        return new Derived(perWatt, ridge);
    }

    private static boolean positive(Double value) {
        return value != null && value > 0;
    }
}
