package chipcast.core.scenario;

import java.util.List;

/**
 * A training-cluster comparison. Give exactly one of {@code days} (what each option delivers in that time),
 * {@code totalFlop} (how long each option needs for that work) or {@code tokens} with the model's parameters
 * (work = 6 x N x D, or 8 x N x D with full activation recomputation). Null optional values take the defaults
 * below; each answer says where its defaults come from.
 *
 * @param options        1..10 clusters; the first is the baseline every ratio refers to
 * @param precision      key into {@link ChipFigures#denseTFLOPS()}; default {@value #DEFAULT_PRECISION}
 * @param utilization    model FLOPs utilization in (0, 1] of every option that gives none; default
 *                       {@value #DEFAULT_UTILIZATION} (Epoch AI's median of 33 known training runs)
 * @param pue            facility power / IT power in [1, 3]; default Epoch's 1.25
 * @param serverOverhead server power per watt of chip TDP in [1, 5]; default per chip, Epoch's chip-to-server factor
 * @param parameters     parameters per token (active ones for a mixture of experts), with {@code tokens}
 * @param recompute      "none" (6ND, default) or "full" (8ND: the forward pass runs twice)
 */
public record TrainingRequest(List<Option> options, String precision, Double utilization, Double days,
                              Double totalFlop, Double pue, Double serverOverhead, Double electricityUsdPerKWh,
                              Double tokens, Double parameters, String modelName, String recompute, String buyerType) {

    public static final String DEFAULT_PRECISION = "bf16";
    /** Epoch AI training-cost-trends: MEDIAN_UTILIZATION = 0.375, "median of 33 known values". */
    public static final double DEFAULT_UTILIZATION = 0.375;
    public static final String UTILIZATION_SOURCE = "one shared default: Epoch AI training-cost-trends constants.py"
            + " MEDIAN_UTILIZATION 0.375, the median MFU of 33 training runs with known utilization (not measured for"
            + " this chip); Meta reports 38-43% BF16 MFU for Llama 3 405B on 8K-16K H100 (arXiv:2407.21783, Table 4)";
    public static final double DEFAULT_ELECTRICITY_USD_PER_KWH = 0.10;
    public static final String DEFAULT_BUYER_TYPE = "3yr-rental";

    /** The first version's constructor: the clusters and the days or total FLOP, no model. */
    public TrainingRequest(List<Option> options, String precision, Double utilization, Double days, Double totalFlop,
                           Double pue, Double serverOverhead, Double electricityUsdPerKWh) {
        this(options, precision, utilization, days, totalFlop, pue, serverOverhead, electricityUsdPerKWh, null, null,
                null, null, null);
    }

    /**
     * @param chipPriceUsd   price per chip, optional; without it capex is null
     * @param utilization    this option's MFU; null takes the request's
     * @param usdPerChipHour this option's rental price; null takes the sourced price of the buyer type
     * @param prices         sourced dollars per chip-hour of this chip (data/chip-hour-prices.json)
     * @param purchase       the catalogue's latest purchase price of the chip, for capex without chipPriceUsd
     */
    public record Option(String name, ChipFigures chip, long count, Double chipPriceUsd, Double utilization,
                         Double usdPerChipHour, List<ChipHourPrice> prices, SourcedPrice purchase) {
        public Option(String name, ChipFigures chip, long count, Double chipPriceUsd) {
            this(name, chip, count, chipPriceUsd, null, null, List.of(), null);
        }
    }
}
