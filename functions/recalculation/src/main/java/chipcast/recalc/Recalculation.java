package chipcast.recalc;

import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.ForecastService;
import chipcast.core.forecast.ForecastStore;
import chipcast.core.forecast.FxRate;
import chipcast.core.forecast.FxRateStore;
import chipcast.core.forecast.SeriesDocument;
import chipcast.core.json.Json;
import chipcast.core.series.SeriesStore;
import chipcast.core.store.StoreRejectedException;
import chipcast.core.store.StoreUnavailableException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Computes every forecast's series and every market's consensus, in every supported currency, and
 * writes those whose inputs changed. Idempotent (an input hash per series), safe against an older run
 * finishing after a newer one (conditional writes on the run's start time), and a failure of one
 * series never stops the others: it is counted and named in the summary, and the next run retries it.
 * A document is computed only when its input hash differs from the stored one: on the usual daily run,
 * with no new figures, that is none. The conditional writes run
 * a few at a time: each is one round trip, and one at a time 10,000 forecasts (20,000+ series) took minutes.
 */
public final class Recalculation {
    /** Conditional PutItems in flight; bounded so a run never floods the table or the HTTP client. */
    public static final int WRITE_CONCURRENCY = 8;

    private final ForecastStore forecasts;
    private final FxRateStore fxRates;
    private final SeriesStore series;
    private final int writeConcurrency;

    public Recalculation(ForecastStore forecasts, FxRateStore fxRates, SeriesStore series) {
        this(forecasts, fxRates, series, WRITE_CONCURRENCY);
    }

    public Recalculation(ForecastStore forecasts, FxRateStore fxRates, SeriesStore series,
                         int writeConcurrency) {
        if (writeConcurrency < 1) {
            throw new IllegalArgumentException("writeConcurrency must be at least 1");
        }
        this.forecasts = forecasts;
        this.fxRates = fxRates;
        this.series = series;
        this.writeConcurrency = writeConcurrency;
    }

    /** A series, the hash of what it is computed from, and how to compute its document if the hash is new. */
    record Planned(String seriesId, String inputHash, Supplier<SeriesDocument> report) {
    }

    /** A series whose document was computed, ready to write. */
    record Computed(String seriesId, String inputHash, String doc) {
    }

    public record Summary(long runStartedAt, int computed, int written, int unchanged, int skippedNewer, int failed,
                          List<String> failedSeries, long durationMs) {
    }

    public static List<String> currencies() {
        return ForecastService.currencies();
    }

    /** What a run would do now: how many series it plans and how many it would recompute. Writes nothing. */
    public record Preview(int planned, int changed) {
    }

    /**
     * The read half of a run, for SnapStart priming: the same Query, BatchGetItem and hashing, no writes
     * (a snapshot is taken when a version is published, not when the schedule fires).
     */
    public Preview preview() {
        Plan plan = readAndPlan();
        int changed = 0;
        for (Planned p : plan.planned()) {
            if (!unchanged(p, plan.stored())) {
                changed++;
            }
        }
        return new Preview(plan.planned().size(), changed);
    }

    /** Every series planned from the stored inputs, and the stored version of each (absent if none). */
    private record Plan(List<Planned> planned, Map<String, SeriesStore.Version> stored) {
    }

    /** The read half of a run: two Queries, the hashing, one BatchGetItem of the series' versions. */
    private Plan readAndPlan() {
        // The stored documents' text: hashing needs no parsing; a document is parsed only for a series to recompute.
        List<Planned> planned = plan(forecasts.allStored(), fxRates.allStored());
        return new Plan(planned, series.versions(planned.stream().map(Planned::seriesId).toList()));
    }

    public Summary run(long runStartedAt) {
        long start = System.nanoTime();
        Plan plan = readAndPlan();
        List<Planned> planned = plan.planned();
        Map<String, SeriesStore.Version> stored = plan.stored();
        List<String> failed = new ArrayList<>();
        int unchanged = 0;
        String computedAt = Instant.ofEpochMilli(runStartedAt).toString();
        List<Computed> changed = new ArrayList<>();
        for (Planned p : planned) {
            if (unchanged(p, stored)) {
                unchanged++;
                continue;
            }
            try {
                changed.add(new Computed(p.seriesId(), p.inputHash(), Json.write(p.report().get())));
            } catch (IllegalArgumentException e) {
                failed.add(p.seriesId()); // e.g. a dataset forecast without a usable point or rate
            }
        }
        int computed = planned.size() - failed.size();
        int written = 0;
        int newer = 0;
        // A pool per run, shut down before returning: no thread outlives the invocation (or a SnapStart snapshot).
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(writeConcurrency, changed.size())), r -> {
            Thread t = new Thread(r, "recalculation-write");
            t.setDaemon(true);
            return t;
        });
        List<Future<SeriesStore.WriteOutcome>> outcomes = new ArrayList<>(changed.size());
        try {
            for (Computed p : changed) {
                outcomes.add(pool.submit(() -> series.putIfNewer(
                        new SeriesStore.Series(p.seriesId(), p.inputHash(), runStartedAt, computedAt, p.doc()))));
            }
            // Collected in plan order, so the failed list reads the same whatever the timing.
            for (int i = 0; i < changed.size(); i++) {
                try {
                    if (outcomes.get(i).get() == SeriesStore.WriteOutcome.WRITTEN) {
                        written++;
                    } else {
                        newer++;
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    // The store down, throttled or refusing this one item: the next run retries this series.
                    if (cause instanceof StoreUnavailableException || cause instanceof StoreRejectedException) {
                        failed.add(changed.get(i).seriesId());
                    } else if (cause instanceof RuntimeException r) {
                        throw r;
                    } else if (cause instanceof Error err) {
                        throw err;
                    } else {
                        throw new IllegalStateException(cause);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("recalculation interrupted", e);
        } finally {
            // On an unexpected failure, writes not yet started are dropped but those in flight finish: an
            // interrupted PutItem could be cut off half-sent, and which writes landed would be left to chance.
            outcomes.forEach(f -> f.cancel(false));
            pool.shutdown();
            awaitWrites(pool);
        }
        return new Summary(runStartedAt, computed, written, unchanged, newer, failed.size(), failed,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether the stored document of a series was computed from the same inputs (its hash matches). */
    private static boolean unchanged(Planned p, Map<String, SeriesStore.Version> stored) {
        SeriesStore.Version version = stored.get(p.seriesId());
        return version != null && version.inputHash().equals(p.inputHash());
    }

    private static void awaitWrites(ExecutorService pool) {
        try {
            // Each write is bounded by the client's apiCallTimeout; this only guards against a hung pool.
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every document to materialise, with the hash of what it would be computed from. Each input is
     * hashed once, as its stored JSON text (what Json.write gives for the parsed record: the loader and the
     * seed write it so), and a series' hash is taken over its inputs' hashes: hashing every series' whole
     * material took ~180 KB of SHA-256 and ~35 ms of a cold start, this ~20 KB. Records are parsed, once
     * per run, only if some series has to be computed.
     */
    static List<Planned> plan(List<ForecastStore.StoredForecast> all, List<String> rateDocs) {
        Map<String, List<ForecastStore.StoredForecast>> byMarket = new TreeMap<>();
        MessageDigest sha256 = sha256();
        Map<String, String> digests = new HashMap<>();
        for (ForecastStore.StoredForecast f : all) {
            byMarket.computeIfAbsent(f.market(), m -> new ArrayList<>()).add(f);
            digests.put(f.id(), hex(sha256, f.doc()));
        }
        String ratesDigest = hex(sha256, "[" + String.join(",", rateDocs) + "]");
        Parsed parsed = new Parsed(all, rateDocs);
        List<Planned> planned = new ArrayList<>();
        for (String currency : currencies()) {
            for (ForecastStore.StoredForecast f : all) {
                planned.add(new Planned(SeriesStore.forecastId(f.id(), currency),
                        hash(sha256, currency, List.of(digests.get(f.id())), ratesDigest),
                        () -> ForecastReports.forecast(parsed.forecast(f.id()), parsed.rates(), currency, null, null)));
            }
            for (Map.Entry<String, List<ForecastStore.StoredForecast>> market : byMarket.entrySet()) {
                List<ForecastStore.StoredForecast> members = market.getValue();
                planned.add(new Planned(SeriesStore.consensusId(market.getKey(), currency),
                        hash(sha256, currency, members.stream().map(m -> digests.get(m.id())).toList(), ratesDigest),
                        () -> ForecastReports.consensus(market.getKey(),
                                members.stream().map(m -> parsed.forecast(m.id())).toList(), parsed.rates(), currency, null, null,
                                false)));
            }
        }
        return planned;
    }

    /** The run's records, parsed on first use: a run with nothing to recompute never parses one. */
    private static final class Parsed {
        private final List<ForecastStore.StoredForecast> stored;
        private final List<String> rateDocs;
        private Map<String, Forecast> forecasts;
        private List<FxRate> rates;

        Parsed(List<ForecastStore.StoredForecast> stored, List<String> rateDocs) {
            this.stored = stored;
            this.rateDocs = rateDocs;
        }

        Forecast forecast(String id) {
            if (forecasts == null) {
                forecasts = new HashMap<>();
                stored.forEach(f -> forecasts.put(f.id(), Json.readStored(f.doc(), Forecast.class)));
            }
            return forecasts.get(id);
        }

        List<FxRate> rates() {
            if (rates == null) {
                rates = rateDocs.stream().map(doc -> Json.readStored(doc, FxRate.class)).toList();
            }
            return rates;
        }
    }

    /**
     * SHA-256 of everything a document depends on, the algorithm version included: the text Json.write
     * gives for {"algorithm":..,"currency":..,"forecasts":[hash, ..],"fxRates":hash}, where each hash is
     * that of the input's JSON text (RecalculationHashTest computes it from the records). A change to any
     * input, the currency or the algorithm changes it.
     */
    static String hash(MessageDigest sha256, String currency, List<String> forecastDigests, String ratesDigest) {
        return hex(sha256, Json.write(new HashMaterial(ForecastReports.ALGORITHM_VERSION, currency, forecastDigests, ratesDigest)));
    }

    /** What a series' hash is taken over: the algorithm, the currency and its inputs' hashes. */
    record HashMaterial(String algorithm, String currency, List<String> forecasts, String fxRates) {
    }

    /** The SHA-256 of a text's UTF-8 bytes, in lower-case hex. */
    static String hex(MessageDigest sha256, String text) {
        return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8))); // digest() resets it
    }

    /**
     * One digest for a whole plan, not one per series: each MessageDigest.getInstance looks the provider up
     * and constructs reflectively, and on JDK 17 the 16th such call spins an accessor class on the cold path.
     */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
