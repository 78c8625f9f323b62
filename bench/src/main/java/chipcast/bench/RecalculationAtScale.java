package chipcast.bench;

import chipcast.core.forecast.Forecast;
import chipcast.core.store.dynamodb.DynamoBenchmarkStore;
import chipcast.core.store.dynamodb.DynamoChipStore;
import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.core.store.dynamodb.DynamoDatasetWriter;
import chipcast.core.store.dynamodb.DynamoForecastStore;
import chipcast.core.store.dynamodb.DynamoFxRateStore;
import chipcast.core.store.dynamodb.DynamoScenarioStore;
import chipcast.core.store.dynamodb.DynamoSeriesStore;
import chipcast.local.LocalEnvironment;
import chipcast.local.LocalJson;
import chipcast.local.Log;
import chipcast.recalc.Recalculation;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
            DynamoForecastStore forecasts = new DynamoForecastStore(stack.dynamo(), env.get(DynamoForecastStore.TABLE_ENV));
            Map<String, String> loader = stack.environment("DataLoaderFunction");
            new DynamoDatasetWriter(stack.dynamo(), new DynamoDatasetWriter.Tables(loader.get(DynamoChipStore.TABLE_ENV),
                    loader.get(DynamoForecastStore.TABLE_ENV), loader.get(DynamoFxRateStore.TABLE_ENV),
                    loader.get(DynamoScenarioStore.TABLE_ENV), loader.get(DynamoBenchmarkStore.TABLE_ENV)),
                    DynamoClients.BATCH_BACKOFF)
                    .write(new DynamoDatasetWriter.Dataset(List.of(), synthetic(forecasts.all().get(0), size, markets),
                            List.of(), List.of(), List.of()));
            Recalculation recalculation = new Recalculation(forecasts,
                    new DynamoFxRateStore(stack.dynamo(), env.get(DynamoFxRateStore.TABLE_ENV)),
                    new DynamoSeriesStore(stack.dynamo(), env.get(DynamoSeriesStore.TABLE_ENV)), concurrency);
            Recalculation.Summary first = recalculation.run(System.currentTimeMillis());
            Recalculation.Summary again = recalculation.run(System.currentTimeMillis() + 1);
            return new Recalculation.Summary[] {first, again};
        }
    }

    /** Copies of a dataset forecast with their own id, market and values, so each series differs. */
    static List<Forecast> synthetic(Forecast t, int size, int markets) {
        ObjectNode template = LocalJson.MAPPER.valueToTree(t);
        List<Forecast> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double scale = 1 + (i % 97) / 100.0;
            ObjectNode copy = template.deepCopy();
            copy.put("id", String.format("synthetic-%05d", i)).put("market", "synthetic-market-" + (i % markets));
            for (var point : (ArrayNode) copy.get("points")) {
                ((ObjectNode) point).put("value", point.path("value").asDouble() * scale);
            }
            list.add(LocalJson.MAPPER.convertValue(copy, Forecast.class));
        }
        return list;
    }
}
