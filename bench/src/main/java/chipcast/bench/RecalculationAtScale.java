package chipcast.bench;

import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.series.SeriesRepository;
import chipcast.local.LocalEnvironment;
import chipcast.local.Log;
import chipcast.recalc.Recalculation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The real recalculation over 1,000 / 5,000 / 10,000 synthetic forecasts in a fresh dynalite each
 * (tables from template.yaml, dataset seeded): a first run writes every series, a second finds them
 * all unchanged (idempotence, and the cost of deciding so).
 *
 * <p>System properties: chipcast.root, recalc.sizes (default 1000,5000,10000), recalc.markets (default 50),
 * recalc.concurrency (default Recalculation.WRITE_CONCURRENCY; 1 is the old sequential loop).
 */
public final class RecalculationAtScale {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("chipcast.root", ".")).toAbsolutePath().normalize();
        int[] sizes = Arrays.stream(System.getProperty("recalc.sizes", "1000,5000,10000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int markets = Integer.getInteger("recalc.markets", 50);
        int concurrency = Integer.getInteger("recalc.concurrency", Recalculation.WRITE_CONCURRENCY);
        List<String> rows = new ArrayList<>();
        // One unreported pass at the smallest size first, so the first measured size is not also the JIT's warm-up.
        run(root, sizes[0], markets, concurrency);
        double perThousandAtSmallest = Double.NaN;
        for (int size : sizes) {
            Recalculation.Summary[] both = run(root, size, markets, concurrency);
            Recalculation.Summary first = both[0];
            Recalculation.Summary again = both[1];
            double perThousand = first.durationMs() / (size / 1000.0);
            if (Double.isNaN(perThousandAtSmallest)) {
                perThousandAtSmallest = perThousand;
            }
            rows.add(String.format("| %,d | %,d | %,d | %d | %,d | %.0f | %.2f | %,d | %,d |", size, first.computed(),
                    first.written(), first.failed(), first.durationMs(), perThousand, perThousand / perThousandAtSmallest,
                    again.unchanged(), again.durationMs()));
            System.err.println("[bench] recalculation of " + size + " forecasts: " + first.durationMs() + " ms");
        }
        System.out.println();
        System.out.println("## Recalculation at scale (real Recalculation against dynalite; " + markets
                + " synthetic markets; " + concurrency + " writes in flight; series = (forecasts + markets) x currencies)");
        System.out.println();
        System.out.println("| forecasts | series computed | written | failed | first run ms | ms per 1,000 forecasts "
                + "| growth vs smallest (1.00 = linear) | unchanged on re-run | re-run ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    /** A first run over {@code size} synthetic forecasts in a fresh store, then a re-run with nothing changed. */
    static Recalculation.Summary[] run(Path root, int size, int markets, int concurrency) {
        try (LocalEnvironment stack = LocalEnvironment.start(root, Log.QUIET)) {
            Map<String, String> env = stack.environment("RecalculationFunction");
            ForecastRepository forecasts = new ForecastRepository(stack.dynamo(), env.get(ForecastRepository.TABLE_ENV));
            Forecast template = forecasts.all().get(0);
            forecasts.putAll(synthetic(template, size, markets));
            Recalculation recalculation = new Recalculation(forecasts,
                    new FxRateRepository(stack.dynamo(), env.get(FxRateRepository.TABLE_ENV)),
                    new SeriesRepository(stack.dynamo(), env.get(SeriesRepository.TABLE_ENV)), concurrency);
            Recalculation.Summary first = recalculation.run(System.currentTimeMillis());
            Recalculation.Summary again = recalculation.run(System.currentTimeMillis() + 1);
            return new Recalculation.Summary[] {first, again};
        }
    }

    /** Copies of a dataset forecast with their own id, market and values, so each series differs. */
    static List<Forecast> synthetic(Forecast t, int size, int markets) {
        List<Forecast> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double scale = 1 + (i % 97) / 100.0;
            List<Forecast.Point> points = t.points().stream()
                    .map(p -> new Forecast.Point(p.year(), p.value() * scale, p.note())).toList();
            list.add(new Forecast(String.format("synthetic-%05d", i), t.publisher(), "synthetic-market-" + (i % markets),
                    t.marketDefinition(), t.currency(), t.unit(), points, t.statedCagr(), t.publicationDate(),
                    t.source(), t.retrievedVia(), t.notes(), t.confidence(), t.scope(), t.edition(), t.editionNotBefore(),
                    t.editionNote(), null, null, null));
        }
        return list;
    }
}
