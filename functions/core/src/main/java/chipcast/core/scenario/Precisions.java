package chipcast.core.scenario;

import java.util.List;
import java.util.Map;

/** The precision names the chip records use, and facts that follow from the format definitions. */
public final class Precisions {
    public static final List<String> ALL =
            List.of("fp64", "fp32", "tf32", "bf16", "fp16", "fp8", "fp6", "fp4", "int8", "int4");

    /**
     * Floating-point formats LLM work is quoted in, narrowest first: the candidates for a chip's
     * "best supported precision". Integer TOPS are left out because vendor LLM claims compare
     * float formats, and int8 TOPS are not FLOPS.
     */
    public static final List<String> FLOAT_CANDIDATES = List.of("fp4", "fp6", "fp8", "bf16", "fp16");

    // Storage size follows from the format's definition (fp4 = 4 bits), not from any datasheet.
    // tf32 is stored in 32-bit words.
    private static final Map<String, Double> BYTES = Map.of(
            "fp64", 8.0, "fp32", 4.0, "tf32", 4.0, "bf16", 2.0, "fp16", 2.0,
            "fp8", 1.0, "fp6", 0.75, "fp4", 0.5, "int8", 1.0, "int4", 0.5);

    private Precisions() {
    }

    public static boolean isKnown(String precision) {
        return precision != null && BYTES.containsKey(precision);
    }

    /** Bytes one value occupies in this format. */
    public static double bytesPerValue(String precision) {
        Double b = BYTES.get(precision);
        if (b == null) {
            throw new ScenarioInputException("precision", "unknown precision " + precision);
        }
        return b;
    }
}
