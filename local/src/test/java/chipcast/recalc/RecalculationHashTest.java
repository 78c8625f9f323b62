package chipcast.recalc;

import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.FxRate;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.json.Json;
import chipcast.local.TestStack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The input hash is built from inputs written once per run; it must equal the hash of the material map
 * written whole (what earlier runs stored), or every series would be rewritten after a deploy.
 */
class RecalculationHashTest {
    /** The hash as earlier versions computed it: the whole material map of records, written once. */
    static String wholeMaterialHash(String currency, List<Forecast> inputs, List<FxRate> rates) throws Exception {
        Map<String, Object> material = new LinkedHashMap<>();
        material.put("algorithm", ForecastReports.ALGORITHM_VERSION);
        material.put("currency", currency);
        material.put("forecasts", inputs);
        material.put("fxRates", rates);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Json.write(material).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theHashOfPreWrittenInputsIsTheHashOfTheWholeMaterial() throws Exception {
        List<Forecast> forecasts = new ForecastRepository(TestStack.env().dynamo(), "ForecastsTable").all();
        List<FxRate> rates = new FxRateRepository(TestStack.env().dynamo(), "FxRatesTable").all();
        String ratesJson = Json.write(rates);
        for (String currency : List.of("USD", "KRW")) {
            for (List<Forecast> inputs : List.of(forecasts.subList(0, 1), forecasts.subList(0, 3), forecasts)) {
                assertEquals(wholeMaterialHash(currency, inputs, rates),
                        Recalculation.hash(Recalculation.sha256(), currency, inputs.stream().map(Json::write).toList(), ratesJson));
            }
        }
    }

    @Test
    void planningFromStoredTextGivesTheHashesOfTheParsedRecords() throws Exception {
        ForecastRepository repository = new ForecastRepository(TestStack.env().dynamo(), "ForecastsTable");
        FxRateRepository rateRepository = new FxRateRepository(TestStack.env().dynamo(), "FxRatesTable");
        List<ForecastRepository.StoredForecast> stored = repository.allStored();
        List<Forecast> forecasts = repository.all();
        List<FxRate> rates = rateRepository.all();
        assertEquals(forecasts.size(), stored.size());
        for (int i = 0; i < stored.size(); i++) {
            // The stored text is exactly what Json.write gives for the record, so hashing it needs no parsing.
            assertEquals(Json.write(forecasts.get(i)), stored.get(i).doc());
        }
        List<Recalculation.Planned> planned = Recalculation.plan(stored, rateRepository.allStored());
        assertEquals(42, planned.size());
        for (Recalculation.Planned p : planned) {
            String currency = p.seriesId().substring(p.seriesId().lastIndexOf('#') + 1);
            List<Forecast> inputs = p.seriesId().startsWith("forecast#")
                    ? forecasts.stream().filter(f -> p.seriesId().equals("forecast#" + f.id() + "#" + currency)).toList()
                    : forecasts.stream().filter(f -> p.seriesId().equals("consensus#" + f.market() + "#" + currency)).toList();
            assertEquals(wholeMaterialHash(currency, inputs, rates), p.inputHash(), p.seriesId());
        }
    }
}
