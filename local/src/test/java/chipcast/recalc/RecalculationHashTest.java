package chipcast.recalc;

import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.FxRate;
import chipcast.core.store.dynamodb.DynamoForecastStore;
import chipcast.core.store.dynamodb.DynamoFxRateStore;
import chipcast.core.json.Json;
import chipcast.local.TestStack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The input hash of a series, planned from the stored documents' text, is the hash the records define:
 * SHA-256 over the algorithm, the currency and the SHA-256 of each input's JSON. A change to one input
 * changes exactly the series computed from it.
 */
class RecalculationHashTest {
    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The definition, from the records: what the stored text must hash to. */
    static String expectedHash(String currency, List<Forecast> inputs, List<FxRate> rates) throws Exception {
        List<String> forecastDigests = new ArrayList<>();
        for (Forecast f : inputs) {
            forecastDigests.add(sha256(Json.write(f)));
        }
        Map<String, Object> material = new LinkedHashMap<>();
        material.put("algorithm", ForecastReports.ALGORITHM_VERSION);
        material.put("currency", currency);
        material.put("forecasts", forecastDigests);
        material.put("fxRates", sha256(Json.write(rates)));
        return sha256(Json.write(material));
    }

    @Test
    void planningFromStoredTextGivesTheHashesTheRecordsDefine() throws Exception {
        DynamoForecastStore repository = new DynamoForecastStore(TestStack.env().dynamo(), "ForecastsTable");
        DynamoFxRateStore rateRepository = new DynamoFxRateStore(TestStack.env().dynamo(), "FxRatesTable");
        List<DynamoForecastStore.StoredForecast> stored = repository.allStored();
        List<Forecast> forecasts = repository.all();
        List<FxRate> rates = rateRepository.all();
        assertEquals(forecasts.size(), stored.size());
        for (int i = 0; i < stored.size(); i++) {
            // The stored text is exactly what Json.write gives for the record, so hashing it needs no parsing.
            assertEquals(Json.write(forecasts.get(i)), stored.get(i).doc());
        }
        List<Recalculation.Planned> planned = Recalculation.plan(stored, rateRepository.allStored());
        assertEquals(chipcast.local.DatasetCounts.series(), planned.size());
        for (Recalculation.Planned p : planned) {
            String currency = p.seriesId().substring(p.seriesId().lastIndexOf('#') + 1);
            List<Forecast> inputs = p.seriesId().startsWith("forecast#")
                    ? forecasts.stream().filter(f -> p.seriesId().equals("forecast#" + f.id() + "#" + currency)).toList()
                    : forecasts.stream().filter(f -> p.seriesId().equals("consensus#" + f.market() + "#" + currency)).toList();
            assertEquals(expectedHash(currency, inputs, rates), p.inputHash(), p.seriesId());
        }
    }

    @Test
    void aChangedInputChangesTheHashesOfExactlyTheSeriesComputedFromIt() {
        DynamoForecastStore repository = new DynamoForecastStore(TestStack.env().dynamo(), "ForecastsTable");
        List<DynamoForecastStore.StoredForecast> stored = repository.allStored();
        List<String> rateDocs = new DynamoFxRateStore(TestStack.env().dynamo(), "FxRatesTable").allStored();
        Map<String, String> before = hashes(Recalculation.plan(stored, rateDocs));

        DynamoForecastStore.StoredForecast changed = stored.get(0);
        List<DynamoForecastStore.StoredForecast> edited = new ArrayList<>(stored);
        edited.set(0, new DynamoForecastStore.StoredForecast(changed.id(), changed.market(),
                changed.doc().replaceFirst("\"id\"", " \"id\"")));
        Set<String> differ = differing(before, hashes(Recalculation.plan(edited, rateDocs)));
        Set<String> expected = new TreeSet<>();
        for (String currency : Recalculation.currencies()) {
            expected.add("forecast#" + changed.id() + "#" + currency);
            expected.add("consensus#" + changed.market() + "#" + currency);
        }
        assertEquals(expected, differ, "the forecast's own series and its market's consensus, in every currency");

        List<String> editedRates = new ArrayList<>(rateDocs);
        editedRates.set(0, " " + rateDocs.get(0));
        assertEquals(before.keySet(), differing(before, hashes(Recalculation.plan(stored, editedRates))),
                "every series converts with the rates");
    }

    private static Map<String, String> hashes(List<Recalculation.Planned> planned) {
        Map<String, String> hashes = new HashMap<>();
        planned.forEach(p -> hashes.put(p.seriesId(), p.inputHash()));
        return hashes;
    }

    private static Set<String> differing(Map<String, String> before, Map<String, String> after) {
        Set<String> differ = new TreeSet<>();
        before.forEach((id, hash) -> {
            if (!hash.equals(after.get(id))) {
                differ.add(id);
            }
        });
        return differ;
    }
}
