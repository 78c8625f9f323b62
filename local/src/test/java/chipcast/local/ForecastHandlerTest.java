package chipcast.local;

import chipcast.core.store.dynamodb.DynamoSeriesStore;
import chipcast.core.series.SeriesStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static chipcast.local.ChipSpecHandlerTest.assertError;
import static chipcast.local.ChipSpecHandlerTest.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ForecastFunction against dynalite, on the seed article's numbers. */
class ForecastHandlerTest {
    private static final String FN = "ForecastFunction";

    static APIGatewayV2HTTPResponse forecast(String id, Map<String, String> query) {
        return TestStack.invoke(FN, TestStack.event("get-forecast.json", "GET /forecasts/{forecastId}",
                Map.of("forecastId", id), query, null));
    }

    static APIGatewayV2HTTPResponse calculate(String body) {
        return TestStack.invoke(FN, TestStack.event("calculate-forecast-points.json", "POST /forecasts/calculate", null, null, body));
    }

    static APIGatewayV2HTTPResponse consensus(Map<String, String> query) {
        return TestStack.invoke(FN, TestStack.event("forecast-consensus.json", "GET /forecasts/consensus", null, query, null));
    }

    @Test
    void vmrInKrwReproducesTheArticleFromOneMaterialisedRead() throws Exception {
        TestStack.resetCounter();
        APIGatewayV2HTTPResponse response = TestStack.invoke(FN, TestStack.event("get-forecast.json"));
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(Map.of("GetItem", 1), TestStack.COUNTER.snapshot(), "a materialised forecast is one GetItem");
        JsonNode doc = body(response);
        assertEquals(0.2834, doc.path("cagr").asDouble(), 5e-5, "VMR implied CAGR 28.34%");
        assertEquals("KRW", doc.path("currency").asText());
        assertEquals(1340.2, doc.path("fx").path("rate").asDouble(), 0);
        assertEquals("2024-03", doc.path("fx").path("asOf").asText());
        JsonNode series = doc.path("series");
        assertEquals(2023, series.get(0).path("year").asInt());
        assertEquals(21175.16, series.get(0).path("value").asDouble(), 1e-6, "21조1,751억 at 1,340.2");
        assertEquals(121422.12, series.get(7).path("value").asDouble(), 1e-6);
        assertEquals("reported", series.get(0).path("kind").asText());
        assertFalse(doc.path("materialised").isNull(), "served from the recalculation's series");
        assertTrue(doc.path("computedOnTheFly").isNull());
        assertEquals("2024-03", doc.path("source").path("asOf").asText(), "the figure carries its source date");
    }

    @Test
    void kbImpliedCagrMultipleAndGeometricPath() throws Exception {
        JsonNode doc = body(forecast("kb-2024-inference-chips", null));
        double cagr = doc.path("cagr").asDouble();
        assertEquals(0.5730, cagr, 5e-5, "KB implied CAGR 57.30%");
        assertEquals(143.0 / 6.0, doc.path("multiple").asDouble(), 1e-12, "24x in 7 years is 23.8x");
        JsonNode series = doc.path("series");
        assertEquals(8, series.size());
        for (JsonNode year : series) {
            double expected = 6.0 * Math.pow(1 + cagr, year.path("year").asInt() - 2023);
            assertEquals(expected, year.path("value").asDouble(), expected * 1e-9, "on the geometric path: " + year);
            if ("interpolated".equals(year.path("kind").asText())) {
                assertEquals(cagr, year.path("yoyGrowth").asDouble(), 1e-9);
            }
        }
        assertEquals(143.0, series.get(7).path("value").asDouble(), 1e-9);
    }

    @Test
    void statedAndImpliedCagrAreCompared() throws Exception {
        JsonNode vmr2025 = body(forecast("vmr-2025-inference-chips", null));
        assertEquals(28.25, vmr2025.path("statedCagr").path("percent").asDouble(), 0);
        double implied = Math.pow(167.35701 / 31.00361, 1.0 / 8) - 1;
        assertEquals(implied, vmr2025.path("cagr").asDouble(), 1e-12);
        assertEquals((implied - 0.2825) * 100, vmr2025.path("statedCagrGapPoints").asDouble(), 1e-9);
        assertFalse(vmr2025.path("statedCagrConsistent").asBoolean(), "over 0.5 points apart");
        assertTrue(vmr2025.path("statedCagrNote").asText().contains("different periods"));
        // AMD's ">70%" is a floor: 45 -> 400 over 2023-2027 implies 72.7%, consistent with it
        JsonNode amd = body(forecast("amd-2023-12-dc-ai-accelerators", null));
        assertEquals(Math.pow(400.0 / 45, 0.25) - 1, amd.path("cagr").asDouble(), 1e-12);
        assertTrue(amd.path("statedCagrConsistent").asBoolean());
    }

    @Test
    void threeOrMorePointsCarryALogLinearFit() throws Exception {
        JsonNode gartner = body(forecast("gartner-2023-ai-semis", null));
        JsonNode fit = gartner.path("fit");
        assertEquals(4, fit.path("points").asInt());
        assertTrue(fit.path("r2").asDouble() > 0.99 && fit.path("r2").asDouble() <= 1.0, fit.toString());
    }

    @Test
    void extrapolationOnlyWhenAskedAndMarked() throws Exception {
        JsonNode doc = body(TestStack.invoke(FN, TestStack.event("get-forecast-extrapolated.json")));
        JsonNode series = doc.path("series");
        assertEquals(10, series.size());
        assertEquals("extrapolated", series.get(9).path("kind").asText());
        assertEquals(143.0 * Math.pow(143.0 / 6.0, 2.0 / 7), series.get(9).path("value").asDouble(), 1e-6);
        assertTrue(doc.path("materialised").isNull());
        assertTrue(doc.path("computedOnTheFly").asText().contains("extrapolated"));
        JsonNode slice = body(forecast("kb-2024-inference-chips", Map.of("from", "2025", "to", "2027")));
        assertEquals(3, slice.path("series").size(), "a range inside the known points is a slice of the materialised series");
        assertFalse(slice.path("materialised").isNull());
    }

    @Test
    void fallsBackToComputingWhenNothingIsMaterialised() throws Exception {
        String seriesId = SeriesStore.forecastId("kb-2024-inference-chips", "USD");
        var dynamo = TestStack.env().dynamo();
        Map<String, AttributeValue> key = Map.of(DynamoSeriesStore.PARTITION_KEY, AttributeValue.fromS(seriesId));
        Map<String, AttributeValue> saved = dynamo.getItem(r -> r.tableName("SeriesTable").key(key)).item();
        dynamo.deleteItem(r -> r.tableName("SeriesTable").key(key));
        try {
            JsonNode doc = body(forecast("kb-2024-inference-chips", null));
            assertTrue(doc.path("materialised").isNull());
            assertTrue(doc.path("computedOnTheFly").asText().contains("no materialised series"));
            assertEquals(0.5730, doc.path("cagr").asDouble(), 5e-5);
        } finally {
            dynamo.putItem(r -> r.tableName("SeriesTable").item(saved));
        }
    }

    @Test
    void badForecastRequestsAre4xx() throws Exception {
        assertError(forecast("no-such-forecast", null), 404, "FORECAST_NOT_FOUND", null);
        assertError(forecast("VMR 2024", null), 400, "INVALID_PARAMETER", "forecastId");
        assertError(forecast("kb-2024-inference-chips", Map.of("currency", "EUR")), 400, "INVALID_PARAMETER", "currency");
        assertError(forecast("kb-2024-inference-chips", Map.of("from", "2030", "to", "2023")), 400, "INVALID_PARAMETER", "from");
        assertError(forecast("kb-2024-inference-chips", Map.of("from", "1800")), 400, "INVALID_PARAMETER", "from");
        assertError(forecast("kb-2024-inference-chips", Map.of("to", "2101")), 400, "INVALID_PARAMETER", "to");
        assertError(forecast("kb-2024-inference-chips", Map.of("to", "NaN")), 400, "INVALID_PARAMETER", "to");
        assertError(forecast("kb-2024-inference-chips", Map.of("curency", "KRW")), 400, "INVALID_PARAMETER", "curency");
        // 57% a year for 70 years overflows nothing, but it is reported, not a 5xx
        APIGatewayV2HTTPResponse far = forecast("kb-2024-inference-chips", Map.of("to", "2100"));
        assertTrue(far.getStatusCode() == 200 || far.getStatusCode() == 400, far.getBody());
    }

    @Test
    void listingIsOneQueryWithEveryForecastAndItsImpliedCagr() throws Exception {
        TestStack.resetCounter();
        JsonNode list = body(TestStack.invoke(FN, TestStack.event("list-forecasts.json")));
        assertEquals(Map.of("Query", 1), TestStack.COUNTER.snapshot());
        assertEquals(DatasetCounts.forecasts(), list.path("items").size());
        for (JsonNode item : list.path("items")) {
            assertFalse(item.path("source").path("asOf").asText().isBlank(), item.path("id").asText());
            if (item.path("id").asText().equals("vmr-2024-inference-chips")) {
                assertEquals(0.2834, item.path("cagr").asDouble(), 5e-5);
            }
        }
        JsonNode market = body(TestStack.invoke(FN, TestStack.event("list-forecasts.json", "GET /forecasts", null,
                Map.of("market", "ai-inference-chips"), null)));
        market.path("items").forEach(i -> assertEquals("ai-inference-chips", i.path("market").asText()));
    }

    @Test
    void consensusNeverBlendsMarkets() throws Exception {
        APIGatewayV2HTTPResponse response = TestStack.invoke(FN, TestStack.event("forecast-consensus.json"));
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode doc = body(response);
        assertFalse(doc.path("materialised").isNull());
        doc.path("sources").forEach(s -> assertTrue(List.of("vmr-2024-inference-chips", "vmr-2025-inference-chips",
                "kb-2024-inference-chips", "datahorizzon-inference-chips", "datahorizzon-global-inference-chips",
                "intel-mr-inference-chips")
                .contains(s.path("id").asText()), s.path("id").asText()));
        for (JsonNode year : doc.path("years")) {
            assertTrue(year.path("min").asDouble() <= year.path("median").asDouble());
            assertTrue(year.path("median").asDouble() <= year.path("max").asDouble());
            assertEquals(year.path("count").asInt(), year.path("forecastIds").size());
            if (year.path("year").asInt() == 2030) {
                // latest editions: KB 143; DataHorizzon (both reports), Intel MR and VMR-2025 interpolated: 5 sources
                // (VMR 2024's 90.6 is superseded by its 2025 edition)
                assertEquals(5, year.path("count").asInt());
                assertEquals(143.0, year.path("max").asDouble(), 1e-9);
            }
        }
        assertEquals(2023, doc.path("years").get(0).path("year").asInt());
        assertEquals("latest", doc.path("editions").asText());
        assertEquals("vmr-2025-inference-chips", doc.path("superseded").get(0).path("supersededBy").asText());
        doc.path("sources").forEach(s -> assertFalse(s.path("id").asText().equals("vmr-2024-inference-chips"),
                "a superseded edition is not counted by default"));
        assertError(consensus(Map.of("market", "quantum-chips")), 404, "MARKET_NOT_FOUND", null);
        assertError(consensus(Map.of()), 400, "INVALID_PARAMETER", "market");
        assertError(consensus(Map.of("market", "ai-inference-chips", "currency", "JPY")), 400, "INVALID_PARAMETER", "currency");
        JsonNode krw = body(consensus(Map.of("market", "ai-inference-chips", "currency", "KRW", "from", "2030", "to", "2030")));
        assertEquals(1, krw.path("years").size());
        assertEquals(143.0 * 1340.2, krw.path("years").get(0).path("max").asDouble(), 1e-6);
    }

    @Test
    void calculateFromPointsOrFromACagr() throws Exception {
        JsonNode points = body(TestStack.invoke(FN, TestStack.event("calculate-forecast-points.json")));
        assertEquals(0.2834, points.path("cagr").asDouble(), 5e-5);
        assertEquals(10, points.path("series").size());
        assertEquals("extrapolated", points.path("series").get(9).path("kind").asText());
        JsonNode cagr = body(TestStack.invoke(FN, TestStack.event("calculate-forecast-cagr.json")));
        assertEquals(6 * Math.pow(1.573, 7), cagr.path("lastValue").asDouble(), 1e-9);
        String base64 = Base64.getEncoder().encodeToString("{\"knownPoints\":[{\"year\":2023,\"value\":6},{\"year\":2030,\"value\":143}]}"
                .getBytes(StandardCharsets.UTF_8));
        APIGatewayV2HTTPEvent encoded = TestStack.event("calculate-forecast-points.json", "POST /forecasts/calculate", null, null, base64);
        encoded.setIsBase64Encoded(true);
        assertEquals(0.5730, body(TestStack.invoke(FN, encoded)).path("cagr").asDouble(), 5e-5);
    }

    @Test
    void calculateValidatesHard() throws Exception {
        Map<String, String[]> cases = new HashMap<>();
        cases.put("{\"knownPoints\":[{\"year\":1989,\"value\":1}]}", new String[]{"INVALID_BODY", "knownPoints[0].year"});
        cases.put("{\"knownPoints\":[{\"year\":2023,\"value\":0}]}", new String[]{"INVALID_BODY", "knownPoints[0].value"});
        cases.put("{\"knownPoints\":[{\"year\":2023,\"value\":\"15.8\"}]}", new String[]{"INVALID_BODY", "knownPoints[0].value"});
        cases.put("{\"knownPoints\":[{\"year\":2023,\"value\":1e309}]}", new String[]{"INVALID_BODY", "knownPoints[0].value"});
        cases.put("{\"knownPoints\":[{\"year\":2023.5,\"value\":1}]}", new String[]{"INVALID_BODY", "knownPoints[0].year"});
        cases.put("{\"knownPoints\":[{\"year\":2023,\"value\":1,\"currency\":\"USD\"}]}", new String[]{"UNKNOWN_FIELD", "knownPoints[0].currency"});
        cases.put("{\"knownPoints\":[]}", new String[]{"INVALID_BODY", "knownPoints"});
        cases.put("{\"knownPoints\":{}}", new String[]{"INVALID_BODY", "knownPoints"});
        cases.put("{\"knownPoints\":[{\"year\":2023,\"value\":1}],\"statedCagrPercnt\":5}", new String[]{"UNKNOWN_FIELD", "statedCagrPercnt"});
        cases.put("{\"baseYear\":2023,\"baseValue\":6,\"cagrPercent\":-100,\"targetYear\":2030}", new String[]{"INVALID_BODY", "cagrPercent"});
        cases.put("{\"baseYear\":2023,\"baseValue\":6,\"cagrPercent\":57.3}", new String[]{"INVALID_BODY", "targetYear"});
        cases.put("{\"knownPoints\":[{\"year\":2023,\"value\":1}],\"baseYear\":2023}", new String[]{"INVALID_BODY", "baseYear"});
        cases.put("{\"knownPoints\":[{\"year\":2023,\"value\":1},{\"year\":2023,\"value\":2}]}", new String[]{"INVALID_BODY", "knownPoints[1].year"});
        cases.put("{\"knownPoints\":[{\"year\":2023,\"value\":1}],\"from\":2030,\"to\":2020}", new String[]{"INVALID_BODY", "from"});
        cases.put("{\"knownPoints\":[{\"year\":2023,\"value\":1}]}", new String[]{"INVALID_BODY", "statedCagrPercent"});
        cases.put("[1,2]", new String[]{"INVALID_BODY", "body"});
        cases.put("{\"knownPoints\":", new String[]{"INVALID_BODY", "body"});
        cases.put("{\"a\":1,\"a\":2}", new String[]{"INVALID_BODY", "body"});
        cases.put("", new String[]{"INVALID_BODY", "body"});
        cases.put("[".repeat(5000), new String[]{"INVALID_BODY", "body"});
        StringBuilder many = new StringBuilder("{\"knownPoints\":[");
        for (int i = 0; i < 201; i++) {
            many.append(i == 0 ? "" : ",").append("{\"year\":").append(1990 + (i % 111)).append(",\"value\":1}");
        }
        cases.put(many.append("]}").toString(), new String[]{"INVALID_BODY", "knownPoints"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            APIGatewayV2HTTPResponse response = calculate(c.getKey());
            String label = c.getKey().length() > 80 ? c.getKey().substring(0, 80) : c.getKey();
            assertEquals(400, response.getStatusCode(), label + " -> " + response.getBody());
            JsonNode error = LocalJson.MAPPER.readTree(response.getBody()).path("error");
            assertEquals(c.getValue()[0], error.path("code").asText(), label);
            assertEquals(c.getValue()[1], error.path("parameter").asText(), label + " -> " + response.getBody());
        }
        String huge = "{\"knownPoints\":[{\"year\":2023,\"value\":1}],\"pad\":\"" + "x".repeat(70_000) + "\"}";
        assertError(calculate(huge), 413, "PAYLOAD_TOO_LARGE", null);
        APIGatewayV2HTTPEvent xml = TestStack.event("calculate-forecast-points.json");
        xml.setHeaders(Map.of("content-type", "application/xml"));
        assertError(TestStack.invoke(FN, xml), 415, "UNSUPPORTED_MEDIA_TYPE", null);
        assertNull(null);
    }

    @Test
    void markupInBodyFieldNamesAndIdsIsNeverEchoed() throws Exception {
        // Found by HostileInputTest: an unknown field '<script>x</script>' came back verbatim.
        APIGatewayV2HTTPResponse field = calculate("{\"<script>x</script>\": 1, \"baseYear\": 2023, \"baseValue\": 6,"
                + " \"cagrPercent\": 57.3, \"targetYear\": 2030}");
        assertError(field, 400, "UNKNOWN_FIELD", "?script?x?/script?");
        assertFalse(field.getBody().contains("<"), field.getBody());
        APIGatewayV2HTTPResponse id = forecast("<script>alert(1)</script>", null);
        assertError(id, 400, "INVALID_PARAMETER", "forecastId");
        assertFalse(id.getBody().contains("<"), id.getBody());
    }
}
