package chipcast.dataset.epoch;

import chipcast.dataset.chips.Chip;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The ChipCast figures that Epoch's CSV also gives: the field's path in a chip, Epoch's column, and the power of
 * ten from Epoch's unit (FLOP/s, OP/s, byte, byte/s) to ChipCast's (TFLOPS, TOPS, GB, TB/s, GB/s).
 */
public enum EpochField {
    FP64("denseTFLOPS.fp64", "FP64 (double precision) performance (FLOP/s)", 12),
    FP32("denseTFLOPS.fp32", "FP32 (single precision) performance (FLOP/s)", 12),
    TF32("denseTFLOPS.tf32", "TF32 (TensorFloat-32) performance (FLOP/s)", 12),
    BF16("denseTFLOPS.bf16", Columns.TENSOR_16, 12),
    FP16("denseTFLOPS.fp16", Columns.TENSOR_16, 12), // ChipCast's fp16 is the matrix (tensor) figure
    FP8("denseTFLOPS.fp8", "FP8 performance (FLOP/s)", 12),
    FP4("denseTFLOPS.fp4", "FP4 performance (FLOP/s)", 12),
    INT8("denseTFLOPS.int8", "INT8 performance (OP/s)", 12),
    INT4("denseTFLOPS.int4", "INT4 performance (OP/s)", 12),
    MEMORY("memoryGB", "Memory size per board (Byte)", 9),
    BANDWIDTH("memoryBandwidthTBs", "Memory bandwidth (byte/s)", 12),
    TDP("tdpWatts", "TDP (W)", 0),
    INTRANODE("interconnect.GBs", "Intranode bandwidth (byte/s)", 9);

    /** Column names of the CSV used beside the fields above. */
    public static final class Columns {
        public static final String TENSOR_16 = "Tensor-FP16/BF16 performance (FLOP/s)";
        public static final String FP16_PLAIN = "FP16 (half precision) performance (FLOP/s)";
        public static final String INTERNODE = "Internode bandwidth (bit/s)";
        public static final String RELEASE = "Release date";
        public static final String MANUFACTURER = "Manufacturer";
        public static final String NOTES = "Notes";
        public static final String DATASHEET = "Link to datasheet";
        public static final String PROCESS = "Process size (nm)";
        public static final String FOUNDRY = "Foundry";

        private Columns() {
        }
    }

    private final String path;
    private final String column;
    private final int power;

    EpochField(String path, String column, int power) {
        this.path = path;
        this.column = column;
        this.power = power;
    }

    /** The field's path in a served chip, e.g. "denseTFLOPS.fp8" or "interconnect.GBs". */
    public String path() {
        return path;
    }

    public String column() {
        return column;
    }

    /** The field a cross-check entry names ("fp8", "memoryGB", "interconnect.GBs"), or null for a text field. */
    public static EpochField byName(String name) {
        for (EpochField f : values()) {
            if (f.path.equals(name) || f.path.equals("denseTFLOPS." + name)) {
                return f;
            }
        }
        return null;
    }

    /** The precision key of a denseTFLOPS field, or null. */
    public String precision() {
        return path.startsWith("denseTFLOPS.") ? path.substring("denseTFLOPS.".length()) : null;
    }

    /** The chip's value of this field, as a double, or null. */
    public Double chipValue(Chip chip) {
        Number n;
        if (this == INTRANODE) {
            n = chip.interconnect().GBs();
        } else if (precision() != null) {
            n = chip.denseTFLOPS().get(precision());
        } else if (this == MEMORY) {
            n = chip.memoryGB();
        } else if (this == BANDWIDTH) {
            n = chip.memoryBandwidthTBs();
        } else {
            n = chip.tdpWatts();
        }
        return n == null ? null : n.doubleValue();
    }

    /**
     * Epoch's value in ChipCast's unit, exactly (decimal arithmetic on the cell's text), or null when the cell is
     * empty.
     */
    public BigDecimal epochExact(EpochData.Row row) {
        String text = row.cell(column);
        return text.isEmpty() ? null : new BigDecimal(text).movePointLeft(power);
    }

    /**
     * The cross-check's value: round(float(cell) / scale, 4) as build_data.py computed it. Groq's row has no tensor
     * column; its plain FP16 column is its matrix figure, so fp16 falls back to it.
     */
    public Double crossCheckValue(EpochData.Row row) {
        String text = row.cell(column);
        if (text.isEmpty()) {
            if (this == FP16 && row.has(Columns.FP16_PLAIN)) {
                text = row.cell(Columns.FP16_PLAIN);
            } else {
                return null;
            }
        }
        double v = Double.parseDouble(text) / Math.pow(10, power);
        return new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }
}
