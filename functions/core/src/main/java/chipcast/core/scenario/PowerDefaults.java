package chipcast.core.scenario;

import java.util.Locale;

/**
 * Power and cost defaults of Epoch AI's training-cost method (github.com/epoch-research/training-cost-trends):
 * server power per watt of chip TDP, PUE, the average share of peak power a training server draws, and the
 * hardware lifetime purchase prices are amortised over.
 */
public final class PowerDefaults {
    public static final String SOURCE = "Epoch AI, training-cost-trends: energy.py (commit 2663ad6f) chip_to_server_power"
            + " (H100: DGX H100 10.2 kW / 8 / 0.7 kW = 1.82; A100: 2.03; other GPUs 1.8; TPUs 1.56) and"
            + " power_usage_effectiveness (1.25; 1.1 for hyperscalers); parameters.py SERVER_TDP_RATIO 0.75,"
            + " DEFAULT_HARDWARE_LIFETIME 3 years";
    public static final String URL = "https://github.com/epoch-research/training-cost-trends/blob/"
            + "2663ad6f2e465825ea5703801d1b0dd8b23ddc51/energy.py";
    /** Epoch's PUE for an organisation that is not a hyperscaler. */
    public static final double PUE = 1.25;
    /** Average server power over peak during training (Epoch's server_TDP_fraction for GPUs). */
    public static final double AVERAGE_POWER_FRACTION = 0.75;
    public static final double AMORTIZATION_YEARS = 3;

    private PowerDefaults() {
    }

    /** Server power per watt of chip TDP, by Epoch's rule for the chip family. */
    public static double serverFactor(String chipId) {
        String id = chipId == null ? "" : chipId.toLowerCase(Locale.ROOT);
        if (id.contains("tpu")) {
            return 1.56;
        }
        if (id.contains("h100")) {
            return 10.2 / 8 / 0.7;
        }
        if (id.contains("a100")) {
            return 6.5 / 8 / 0.4;
        }
        return 1.8;
    }

    /** How {@link #serverFactor} was chosen, in words. */
    public static String serverFactorRule(String chipId) {
        String id = chipId == null ? "" : chipId.toLowerCase(Locale.ROOT);
        if (id.contains("tpu")) {
            return "Epoch: TPU systems (average of TPU v2, v3, v4i) 1.56";
        }
        if (id.contains("h100")) {
            return "Epoch: DGX H100 10.2 kW / 8 GPUs / 0.7 kW = 1.82";
        }
        if (id.contains("a100")) {
            return "Epoch: DGX A100 6.5 kW / 8 GPUs / 0.4 kW = 2.03";
        }
        return "Epoch: other GPUs 1.8 (average of DGX ratios)";
    }
}
