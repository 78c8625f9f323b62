package chipcast.core.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/** Chip figures copied from /work/shared/reference/chips.json (dense TFLOPS; null = no source). */
final class Fixtures {
    private Fixtures() {
    }

    static Map<String, Double> dense(Double fp64, Double fp32, Double tf32, Double bf16, Double fp16, Double fp8,
                                     Double fp6, Double fp4, Double int8, Double int4) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("fp64", fp64);
        m.put("fp32", fp32);
        m.put("tf32", tf32);
        m.put("bf16", bf16);
        m.put("fp16", fp16);
        m.put("fp8", fp8);
        m.put("fp6", fp6);
        m.put("fp4", fp4);
        m.put("int8", int8);
        m.put("int4", int4);
        return m;
    }

    static final ChipFigures H100 = new ChipFigures("nvidia-h100-sxm", "H100 SXM5 80GB", 700.0, 80.0, 3.35,
            dense(33.5, 66.9, 494.7, 989.4, 989.4, 1978.9, null, null, 1978.9, null));
    static final ChipFigures B200 = new ChipFigures("nvidia-b200", "B200 (HGX B200, 1000 W)", 1000.0, 180.0, 7.7,
            dense(40.0, 80.0, 1100.0, 2250.0, 2250.0, 4500.0, 4500.0, 9000.0, 4500.0, null));
    static final ChipFigures GB200 = new ChipFigures("nvidia-gb200", "GB200 (per Blackwell GPU, 1200 W, in NVL72)",
            1200.0, 186.0, 8.0, dense(45.0, 90.0, 1250.0, 2500.0, 2500.0, 5000.0, 5000.0, 10000.0, 5000.0, null));

    static ChipFigures withoutTdp(ChipFigures c) {
        return new ChipFigures(c.id(), c.name(), null, c.memoryGB(), c.memoryBandwidthTBs(), c.denseTFLOPS());
    }
}
