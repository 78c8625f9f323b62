package chipcast.core.scenario;

import java.util.List;

/**
 * A training-cluster comparison. Give exactly one of {@code days} (what each option delivers in
 * that time) or {@code totalFlop} (how long each option needs for that work). Null optional
 * values take the defaults below.
 *
 * @param options        1..10 clusters; the first is the baseline every ratio refers to
 * @param precision      key into {@link ChipFigures#denseTFLOPS()}; default {@value #DEFAULT_PRECISION}
 * @param utilization    model FLOPs utilization in (0, 1]; default 0.4
 * @param pue            facility power / IT power in [1, 3]; default 1.2
 * @param serverOverhead server power per watt of chip TDP (CPUs, NICs, fans) in [1, 5]; default 1.0
 */
public record TrainingRequest(List<Option> options, String precision, Double utilization, Double days,
                              Double totalFlop, Double pue, Double serverOverhead,
                              Double electricityUsdPerKWh) {

    public static final String DEFAULT_PRECISION = "bf16";
    /** A common planning value for large-model MFU; callers should override with their own. */
    public static final double DEFAULT_UTILIZATION = 0.4;
    public static final double DEFAULT_PUE = 1.2;
    public static final double DEFAULT_SERVER_OVERHEAD = 1.0;
    public static final double DEFAULT_ELECTRICITY_USD_PER_KWH = 0.10;

    /** @param chipPriceUsd price per chip, optional; without it capex is null */
    public record Option(String name, ChipFigures chip, long count, Double chipPriceUsd) {
    }
}
