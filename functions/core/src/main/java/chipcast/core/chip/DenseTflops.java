package chipcast.core.chip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dense peak throughput per precision: TFLOPS for floating point, TOPS for int8/int4. */
public record DenseTflops(Double fp64, Double fp32, Double tf32, Double bf16, Double fp16,
                          Double fp8, Double fp6, Double fp4, Double int8, Double int4) {

    public static final List<String> PRECISIONS =
            List.of("fp64", "fp32", "tf32", "bf16", "fp16", "fp8", "fp6", "fp4", "int8", "int4");

    /** The figure at a precision, null when unknown; throws for a name that is not a precision. */
    public Double get(String precision) {
        return switch (precision) {
            case "fp64" -> fp64;
            case "fp32" -> fp32;
            case "tf32" -> tf32;
            case "bf16" -> bf16;
            case "fp16" -> fp16;
            case "fp8" -> fp8;
            case "fp6" -> fp6;
            case "fp4" -> fp4;
            case "int8" -> int8;
            case "int4" -> int4;
            default -> throw new IllegalArgumentException("unknown precision " + precision);
        };
    }

    /** Precision -> figure, in the fixed order above, nulls kept. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (String p : PRECISIONS) {
            map.put(p, get(p));
        }
        return map;
    }
}
