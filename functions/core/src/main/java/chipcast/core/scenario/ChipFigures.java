package chipcast.core.scenario;

import chipcast.core.chip.Chip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The datasheet figures a scenario may use for one chip. Any value may be null: null means
 * "no source gave it", and a scenario that needs it throws {@link MissingFigureException}
 * instead of guessing.
 *
 * @param denseTFLOPS dense (no structured sparsity) TFLOPS, or TOPS for int formats, keyed by
 *                    precision ({@link Precisions#ALL})
 */
public record ChipFigures(String id, String name, Double tdpWatts, Double memoryGB,
                          Double memoryBandwidthTBs, Map<String, Double> denseTFLOPS) {

    public ChipFigures {
        // Map.copyOf rejects null values, and null is a legitimate "unknown" here.
        denseTFLOPS = denseTFLOPS == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(denseTFLOPS));
    }

    /** The figures of a catalogue chip. */
    public static ChipFigures of(Chip chip) {
        return new ChipFigures(chip.id(), chip.name(), chip.tdpWatts(), chip.memoryGB(), chip.memoryBandwidthTBs(),
                chip.denseTFLOPS() == null ? null : chip.denseTFLOPS().asMap());
    }

    /** Dense TFLOPS at {@code precision}, or null when unknown. */
    public Double dense(String precision) {
        return denseTFLOPS.get(precision);
    }
}
