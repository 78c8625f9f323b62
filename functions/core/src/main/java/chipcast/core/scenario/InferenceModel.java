package chipcast.core.scenario;

/**
 * The physics of serving one model on one replica (a group of chips holding one copy of the weights, tensor
 * parallel): memory fit with the KV cache, decode steps, prefill, and the throughput and latency they give at a
 * concurrency. Two variants of every figure:
 * <ul>
 *   <li>the bound: a pure roofline, everything at datasheet peak, only the active weights read (the fewest bytes
 *       a step can read), memory and compute fully overlapped, no overhead. Nothing real exceeds it;</li>
 *   <li>the estimate: the calibrated model, bandwidth and compute at the calibrated efficiencies, the expected
 *       distinct experts of the batch read, memory and compute time added, plus a fixed per-step overhead.</li>
 * </ul>
 * Continuous batching is assumed: each of the {@code concurrency} sequences gets one token per decode step, and
 * every request's prefill runs on the same chips between steps, so a token's time is the step time plus the
 * replica's prefill work per output token.
 */
public final class InferenceModel {
    /** Share of a chip's memory the weights and KV cache may use (vLLM's default gpu_memory_utilization). */
    public static final double USABLE_MEMORY = 0.9;
    public static final double MAX_CONCURRENCY = 1_000_000;

    private InferenceModel() {
    }

    /** Efficiencies of the estimate; {@link #PEAK} is the bound's. */
    public record Efficiency(double bandwidth, double compute, double stepOverheadSeconds) {
        public static final Efficiency PEAK = new Efficiency(1, 1, 0);
    }

    /**
     * One replica.
     *
     * @param peakFlops   dense FLOP/s of one chip at the compute precision
     * @param bandwidth   memory bytes/s of one chip
     * @param memoryBytes memory of one chip
     * @param chips       chips per replica (tensor parallel); weights and KV cache split evenly over them
     */
    public record Replica(Architecture model, double peakFlops, double bandwidth, double memoryBytes, int chips,
                          double weightBytesPerValue, double kvBytesPerValue) {

        public double weightBytes() {
            return model.parameters() * weightBytesPerValue;
        }

        public double usableBytes() {
            return memoryBytes * USABLE_MEMORY * chips;
        }

        /** KV cache of one sequence at this context, over the whole replica. */
        public double kvBytesPerSequence(double context) {
            return model.kvBytes(context, kvBytesPerValue);
        }

        /** Sequences of this context that fit beside the weights; 0 when not even the weights fit. */
        public double maxConcurrency(double context) {
            double free = usableBytes() - weightBytes();
            if (free <= 0) {
                return 0;
            }
            double perSequence = kvBytesPerSequence(context);
            return perSequence <= 0 ? MAX_CONCURRENCY : Math.min(MAX_CONCURRENCY, Math.floor(free / perSequence));
        }
    }

    /** The parts of one decode step, in seconds. */
    public record Step(double memorySeconds, double computeSeconds, double overheadSeconds, double seconds) {
    }

    /** Throughput and latency at one concurrency. */
    public record Point(double concurrency, double tpotSeconds, double ttftSeconds, double tokensPerSecondPerReplica,
                        double tokensPerSecondPerChip, double tokensPerSecondPerUser, String limitedBy) {
    }

    /** One decode step of {@code batch} sequences whose average context is {@code context} tokens. */
    public static Step step(Replica r, double batch, double context, Efficiency e, boolean bound) {
        Architecture m = r.model();
        double weights = (bound ? m.active() : m.weightsRead(batch)) * r.weightBytesPerValue();
        double kv = batch * r.kvBytesPerSequence(context);
        double memory = (weights + kv) / (r.chips() * r.bandwidth() * e.bandwidth());
        double flop = batch * (2 * m.active() + m.attentionFlopPerContextToken() * m.cachedTokens(context));
        double compute = flop / (r.chips() * r.peakFlops() * e.compute());
        double seconds = bound ? Math.max(memory, compute) : memory + compute + e.stepOverheadSeconds();
        return new Step(memory, compute, bound ? 0 : e.stepOverheadSeconds(), seconds);
    }

    /** Prefill of one request of {@code input} tokens: compute-bound, causal attention over the prompt. */
    public static double prefillSeconds(Replica r, double input, Efficiency e) {
        Architecture m = r.model();
        double flop = input * 2 * m.active() + m.attentionFlopPerContextToken() * m.cachedTokens(input) * input / 2;
        return flop / (r.chips() * r.peakFlops() * e.compute());
    }

    /**
     * The steady state at {@code concurrency} sequences per replica for requests of {@code input} prompt and
     * {@code output} generated tokens: the average context is input + output / 2.
     */
    public static Point point(Replica r, double concurrency, double input, double output, Efficiency e, boolean bound) {
        double b = Math.max(1e-9, concurrency);
        Step s = step(r, b, input + output / 2, e, bound);
        double prefill = prefillSeconds(r, input, e);
        double tpot = s.seconds() + b * prefill / output;
        double perReplica = b / tpot;
        String limited = limitedBy(s, b * prefill / output);
        return new Point(concurrency, tpot, prefill + s.seconds(), perReplica, perReplica / r.chips(), 1 / tpot,
                limited);
    }

    private static String limitedBy(Step s, double prefillShare) {
        double max = Math.max(Math.max(s.memorySeconds(), s.computeSeconds() + prefillShare), s.overheadSeconds());
        if (max == s.memorySeconds()) {
            return "memory";
        }
        return max == s.overheadSeconds() ? "overhead" : "compute";
    }

    /**
     * The largest concurrency (at most {@code max}) whose time per output token is at most {@code tpotSeconds}, or
     * -1 when even one sequence is slower. Time per token grows with concurrency, so a bisection finds it.
     */
    public static double concurrencyFor(Replica r, double tpotSeconds, double input, double output, Efficiency e,
                                        boolean bound, double max) {
        if (point(r, 1, input, output, e, bound).tpotSeconds() > tpotSeconds) {
            return -1;
        }
        if (point(r, max, input, output, e, bound).tpotSeconds() <= tpotSeconds) {
            return max;
        }
        double lo = 1;
        double hi = max;
        for (int i = 0; i < 50 && hi - lo > 1e-6 * hi; i++) {
            double mid = Math.sqrt(lo * hi);
            if (point(r, mid, input, output, e, bound).tpotSeconds() <= tpotSeconds) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
