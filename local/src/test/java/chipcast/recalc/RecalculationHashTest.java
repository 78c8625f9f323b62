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
    @Test
    void theHashOfPreWrittenInputsIsTheHashOfTheWholeMaterial() throws Exception {
        List<Forecast> forecasts = new ForecastRepository(TestStack.env().dynamo(), "ForecastsTable").all();
        List<FxRate> rates = new FxRateRepository(TestStack.env().dynamo(), "FxRatesTable").all();
        for (String currency : List.of("USD", "KRW")) {
            for (List<Forecast> inputs : List.of(forecasts.subList(0, 1), forecasts.subList(0, 3), forecasts)) {
                Map<String, Object> material = new LinkedHashMap<>();
                material.put("algorithm", ForecastReports.ALGORITHM_VERSION);
                material.put("currency", currency);
                material.put("forecasts", inputs);
                material.put("fxRates", rates);
                String whole = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Json.write(material).getBytes(StandardCharsets.UTF_8)));
                assertEquals(whole, Recalculation.hash(currency, inputs, rates));
            }
        }
    }
}
