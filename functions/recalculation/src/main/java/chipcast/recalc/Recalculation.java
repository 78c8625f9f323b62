package chipcast.recalc;

import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRate;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.json.Json;
import chipcast.core.series.SeriesRepository;
import software.amazon.awssdk.core.exception.SdkException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes every forecast's series and every market's consensus, in every supported currency, and
 * writes those whose inputs changed. Idempotent (an input hash per series), safe against an older run
 * finishing after a newer one (conditional writes on the run's start time), and a failure of one
 * series never stops the others: it is counted and named in the summary, and the next run retries it.
 */
public final class Recalculation {
    private final ForecastRepository forecasts;
    private final FxRateRepository fxRates;
    private final SeriesRepository series;

    public Recalculation(ForecastRepository forecasts, FxRateRepository fxRates, SeriesRepository series) {
        this.forecasts = forecasts;
        this.fxRates = fxRates;
        this.series = series;
    }

    /** A series ready to write. */
    record Planned(String seriesId, String inputHash, String doc) {
    }

    public record Summary(long runStartedAt, int computed, int written, int unchanged, int skippedNewer, int failed,
                          List<String> failedSeries, long durationMs) {
    }

    public static List<String> currencies() {
        List<String> currencies = new ArrayList<>();
        currencies.add("USD");
        currencies.addAll(FxRateRepository.QUOTES);
        return currencies;
    }

    public Summary run(long runStartedAt) {
        long start = System.nanoTime();
        List<Forecast> all = forecasts.all();
        List<FxRate> rates = fxRates.all();
        List<String> failed = new ArrayList<>();
        List<Planned> planned = plan(all, rates, failed);
        Map<String, SeriesRepository.Version> stored = series.versions(planned.stream().map(Planned::seriesId).toList());
        int written = 0;
        int unchanged = 0;
        int newer = 0;
        String computedAt = Instant.ofEpochMilli(runStartedAt).toString();
        for (Planned p : planned) {
            SeriesRepository.Version version = stored.get(p.seriesId());
            if (version != null && version.inputHash().equals(p.inputHash())) {
                unchanged++;
                continue;
            }
            try {
                SeriesRepository.WriteOutcome outcome = series.putIfNewer(
                        new SeriesRepository.Series(p.seriesId(), p.inputHash(), runStartedAt, computedAt, p.doc()));
                if (outcome == SeriesRepository.WriteOutcome.WRITTEN) {
                    written++;
                } else {
                    newer++;
                }
            } catch (RuntimeException e) {
                // StoreUnavailableException or an SDK fault: the next run retries this series.
                if (!(e instanceof SdkException) && !(e instanceof chipcast.core.store.StoreUnavailableException)) {
                    throw e;
                }
                failed.add(p.seriesId());
            }
        }
        return new Summary(runStartedAt, planned.size(), written, unchanged, newer, failed.size(), failed,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Every document to materialise with the hash of what it was computed from. */
    static List<Planned> plan(List<Forecast> all, List<FxRate> rates, List<String> failed) {
        List<Planned> planned = new ArrayList<>();
        Map<String, List<Forecast>> byMarket = new TreeMap<>();
        for (Forecast f : all) {
            byMarket.computeIfAbsent(f.market(), m -> new ArrayList<>()).add(f);
        }
        for (String currency : currencies()) {
            for (Forecast f : all) {
                String id = SeriesRepository.forecastId(f.id(), currency);
                try {
                    String doc = Json.write(ForecastReports.forecast(f, rates, currency, null, null));
                    planned.add(new Planned(id, hash(currency, List.of(f), rates), doc));
                } catch (IllegalArgumentException e) {
                    failed.add(id); // e.g. a dataset forecast without a usable point or rate
                }
            }
            for (Map.Entry<String, List<Forecast>> market : byMarket.entrySet()) {
                String id = SeriesRepository.consensusId(market.getKey(), currency);
                try {
                    String doc = Json.write(ForecastReports.consensus(market.getKey(), market.getValue(), rates, currency, null, null));
                    planned.add(new Planned(id, hash(currency, market.getValue(), rates), doc));
                } catch (IllegalArgumentException e) {
                    failed.add(id);
                }
            }
        }
        return planned;
    }

    /** SHA-256 of everything a document depends on, including the algorithm version. */
    static String hash(String currency, List<Forecast> inputs, List<FxRate> rates) {
        Map<String, Object> material = new LinkedHashMap<>();
        material.put("algorithm", ForecastReports.ALGORITHM_VERSION);
        material.put("currency", currency);
        material.put("forecasts", inputs);
        material.put("fxRates", rates);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(material).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
