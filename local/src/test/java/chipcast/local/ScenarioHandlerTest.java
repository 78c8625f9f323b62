package chipcast.local;

import chipcast.core.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static chipcast.local.ChipSpecHandlerTest.assertError;
import static chipcast.local.ChipSpecHandlerTest.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ScenarioFunction driven with events/ files and variants of them, against dynalite and the bundled dataset. */
class ScenarioHandlerTest {
    private static final String FN = "ScenarioFunction";
    private static final double H100_BF16 = 989.4;
    private static final double B200_BF16 = 2250;

    static APIGatewayV2HTTPResponse invoke(String file) {
        return TestStack.invoke(FN, TestStack.event(file));
    }

    /** An events/ file with its JSON body changed by {@code edit}. */
    static APIGatewayV2HTTPResponse compare(String file, Consumer<ObjectNode> edit) throws Exception {
        APIGatewayV2HTTPEvent event = TestStack.event(file);
        ObjectNode body = (ObjectNode) LocalJson.MAPPER.readTree(event.getBody());
        edit.accept(body);
        event.setBody(Json.write(body));
        return TestStack.invoke(FN, event);
    }

    static APIGatewayV2HTTPResponse put(String id, String ifMatch, Consumer<ObjectNode> edit) throws Exception {
        APIGatewayV2HTTPEvent event = TestStack.event("put-scenario.json");
        event.setPathParameters(Map.of("scenarioId", id));
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        event.setHeaders(headers);
        ObjectNode body = (ObjectNode) LocalJson.MAPPER.readTree(event.getBody());
        edit.accept(body);
        event.setBody(Json.write(body));
        return TestStack.invoke(FN, event);
    }

    static APIGatewayV2HTTPResponse get(String route, String id, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = TestStack.event("get-scenario.json");
        event.setRouteKey(route);
        event.setPathParameters(id == null ? null : Map.of("scenarioId", id));
        event.setQueryStringParameters(query);
        return TestStack.invoke(FN, event);
    }

    static JsonNode ok(APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals(200, response.getStatusCode(), response.getBody());
        return body(response);
    }

    static JsonNode option(JsonNode doc, int i) {
        return doc.path("result").path("options").get(i);
    }

    static JsonNode ratio(JsonNode check, String name) {
        for (JsonNode r : check.path("specRatios")) {
            if (name.equals(r.path("name").asText())) {
                return r;
            }
        }
        throw new AssertionError("no spec ratio '" + name + "' in " + check.path("specRatios"));
    }

    @Test
    void trainingGtc2024ClusterPowerAndPeakComputeFromTheDatasetInOneBatchGet() throws Exception {
        TestStack.resetCounter();
        JsonNode doc = ok(invoke("compare-training.json"));
        assertEquals(Map.of("BatchGetItem", 1), TestStack.COUNTER.snapshot(), "both chips in one BatchGetItem");
        JsonNode h100 = option(doc, 0);
        JsonNode b200 = option(doc, 1);
        // Epoch's chip-to-server factors: 8,000 x 700 W x 1.8214 = 10.2 MW; 2,000 x 1,000 W x 1.8 = 3.6 MW; PUE 1.25.
        assertEquals(10.2, h100.path("itPowerMW").asDouble(), 1e-9);
        assertEquals(3.6, b200.path("itPowerMW").asDouble(), 1e-9);
        assertEquals(10.2 * 1.25, h100.path("facilityPowerMW").asDouble(), 1e-9);
        // Peak BF16: 8,000 x 989.4 = 7,915.2 PF vs 2,000 x 2,250 = 4,500 PF.
        assertEquals(8000 * H100_BF16 / 1000, h100.path("peakPFLOPS").asDouble(), 1e-9);
        assertEquals(2000 * B200_BF16 / 1000, b200.path("peakPFLOPS").asDouble(), 1e-9);
        assertEquals((2000 * B200_BF16) / (8000 * H100_BF16), b200.path("ratiosToBaseline").path("peakPFLOPS").asDouble(), 1e-12);
        assertEquals(3.6 / 10.2, b200.path("ratiosToBaseline").path("itPowerMW").asDouble(), 1e-12);
        // With days given, each option also gets the days for the baseline's FLOP: 90 x 7915.2 / 4500.
        assertEquals(90 * 7915.2 / 4500, b200.path("daysForBaselineFlop").asDouble(), 1e-9);
        assertEquals(0.375, doc.path("result").path("utilization").asDouble(), 0, "default echoed");
        assertTrue(doc.path("result").path("utilizationSource").asText().contains("Epoch"), "and where it comes from");
        // Every figure carries its source.
        assertEquals(2, doc.path("chips").size());
        for (JsonNode chip : doc.path("chips")) {
            assertTrue(chip.path("sources").size() > 0, chip.path("id").asText());
            assertTrue(chip.path("sources").get(0).hasNonNull("asOf"));
        }
        assertTrue(doc.path("claimCheck").isMissingNode(), "a plain compare has no claim");
    }

    @Test
    void theFirstVersionsInferenceBodyStillAnswersWithItsCaveats() throws Exception {
        TestStack.resetCounter();
        JsonNode doc = ok(invoke("compare-inference.json"));
        assertEquals(Map.of("BatchGetItem", 1), TestStack.COUNTER.snapshot());
        JsonNode h100 = option(doc, 0);
        JsonNode b200 = option(doc, 1);
        // 1,800 GB of FP8 weights in 72 GB usable per H100: 25 chips, so a replica of 32.
        assertEquals(32, h100.path("chipsPerReplica").asInt());
        for (JsonNode o : doc.path("result").path("options")) {
            assertTrue(o.path("bound").path("tokensPerSecondPerChip").asDouble()
                    >= o.path("estimate").path("tokensPerSecondPerChip").asDouble(), o.path("name").asText());
        }
        assertTrue(b200.path("ratiosToBaseline").path("estimateTokensPerSecondPerChip").asDouble() > 1);
        // No architecture and no expert layout: the answer says what it leaves out.
        String caveats = doc.path("result").path("caveats").toString();
        assertTrue(caveats.contains("KV cache") && caveats.contains("expertsPerToken"), caveats);
        assertEquals("1k/1k", doc.path("result").path("workload").path("preset").asText(), "the default workload");
        assertEquals(3, doc.path("chips").size());
    }

    @Test
    void aPresetModelGetsItsKvCacheAndItsSourcedCost() throws Exception {
        JsonNode doc = ok(compare("compare-inference.json", b -> {
            b.remove("model");
            b.putObject("model").put("preset", "llama-3.1-70b");
            b.putObject("workload").put("preset", "1k/1k");
        }));
        JsonNode h100 = option(doc, 0);
        assertEquals("llama-3.1-70b", doc.path("result").path("model").path("preset").asText());
        assertTrue(doc.path("result").path("model").path("kvCacheModelled").asBoolean());
        assertEquals(0.3355, h100.path("memory").path("kvPerSequenceGB").asDouble(), 1e-4);
        assertEquals("3yr-rental", h100.path("cost").path("buyerType").asText());
        assertTrue(h100.path("cost").path("usdPerMillionTokens").asDouble() > 0);
        assertFalse(h100.path("cost").path("source").asText().isBlank(), "the price names its source");
        // bytesPerParameter 2 against FP8 weights is a contradiction, not a silent choice.
        assertError(compare("compare-inference.json", b -> ((ObjectNode) b.path("model")).put("bytesPerParameter", 2)),
                400, "INVALID_BODY", "model.bytesPerParameter");
        assertError(compare("compare-inference.json", b -> ((ObjectNode) b.path("model")).put("preset", "llama-2-70b")),
                400, "INVALID_BODY", "model.parametersB");
    }

    @Test
    void marketKbOverVmrIn2030Is143Over90point6() throws Exception {
        JsonNode doc = ok(invoke("compare-market.json"));
        JsonNode y2030 = null;
        for (JsonNode row : doc.path("result").path("years")) {
            if (row.path("year").asInt() == 2030) {
                y2030 = row;
            }
        }
        assertNotNull(y2030);
        assertEquals("kb-2024-inference-chips", y2030.path("values").get(1).path("forecastId").asText());
        assertEquals(143 / 90.6, y2030.path("values").get(1).path("ratioToFirst").asDouble(), 1e-9);
        assertEquals(143 - 90.6, y2030.path("values").get(1).path("gapToFirst").asDouble(), 1e-9);
        assertEquals(8, doc.path("result").path("years").size(), "2023..2030");
        assertEquals("USD", doc.path("currency").asText());
        for (JsonNode source : doc.path("sources")) {
            assertFalse(source.path("source").path("title").asText().isBlank(), "each forecast cites its source");
        }
        // In KRW both convert at the article's rate, so the ratio is unchanged.
        JsonNode krw = ok(compare("compare-market.json", b -> b.put("currency", "KRW")));
        assertEquals("KRW", krw.path("currency").asText());
        assertEquals(143 / 90.6, krw.path("result").path("years").get(7).path("values").get(1).path("ratioToFirst").asDouble(), 1e-9);
    }

    @Test
    void claimCheckOfTheGtc30xInferenceClaim() throws Exception {
        JsonNode doc = ok(invoke("get-scenario-comparison.json"));
        assertEquals("gtc-2024-inference-30x", doc.path("scenario").path("scenarioId").asText());
        JsonNode check = doc.path("claimCheck");
        assertEquals(30, check.path("claimedRatio").asDouble(), 0);
        // GB200 FP4 10,000 vs H100 FP8 1,978.9 dense TFLOPS is the best datasheet ratio: x5.05, leaving x5.94.
        assertEquals(10000 / 1978.9, ratio(check, "dense TFLOPS, FP4 vs FP8").path("ratio").asDouble(), 1e-12);
        assertEquals(5000 / 1978.9, ratio(check, "dense FP8 TFLOPS, same precision").path("ratio").asDouble(), 1e-12);
        assertEquals(8.0 / 3.35, ratio(check, "memory bandwidth").path("ratio").asDouble(), 1e-12);
        assertEquals(10000 / 1978.9, check.path("bestSpecRatio").asDouble(), 1e-12);
        assertEquals(30 / (10000 / 1978.9), check.path("unexplainedFactor").asDouble(), 1e-12);
        assertTrue(check.path("assumptionsToCloseGap").toString().contains("remaining x5.94"));
        assertTrue(check.path("assumptionsToCloseGap").toString().contains("x2.00 of compute"), "FP4 vs FP8 named");
        assertEquals("https://developer.nvidia.com/blog/nvidia-gb200-nvl72-delivers-trillion-parameter-llm-training-and-real-time-inference/",
                check.path("claim").path("source").path("url").asText(), "the claim is cited");
        assertFalse(check.path("claim").path("conditions").asText().isBlank());
        // Every measured per-chip ratio against H100 in the same round, benchmark and scenario, with what differs.
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (JsonNode m : check.path("measuredRatios")) {
            assertEquals("nvidia-h100-sxm", m.path("baselineChipId").asText());
            assertEquals(m.path("subjectTokensPerSecondPerChip").asDouble() / m.path("baselineTokensPerSecondPerChip")
                    .asDouble(), m.path("ratio").asDouble(), 1e-9);
            assertTrue(m.path("differsFromClaim").toString().contains("model: measured on"));
            if (m.path("subjectChipId").asText().equals("nvidia-gb200")) {
                lo = Math.min(lo, m.path("ratio").asDouble());
                hi = Math.max(hi, m.path("ratio").asDouble());
            }
        }
        assertTrue(check.path("measuredRatios").size() >= 4, check.path("measuredRatios").toString());
        assertTrue(lo > 3 && hi < 5, "GB200 over H100 measured x" + lo + " to x" + hi + ", far below the claimed x30");
        assertTrue(check.path("measuredSummary").asText().contains("beyond what was measured"));
    }

    @Test
    void claimCheckOfTheGtcTrainingClaim() throws Exception {
        TestStack.resetCounter();
        JsonNode doc = ok(get("GET /scenarios/{scenarioId}/comparison", "gtc-2024-training", null));
        assertEquals(Map.of("GetItem", 1, "BatchGetItem", 1), TestStack.COUNTER.snapshot());
        JsonNode check = doc.path("claimCheck");
        assertEquals(1.0, check.path("claimedRatio").asDouble(), 0, "same job in the same 90 days");
        assertEquals(4500 / 7915.2, ratio(check, "peak cluster compute, BF16").path("ratio").asDouble(), 1e-12);
        assertEquals(18000 / 15831.2, ratio(check, "peak cluster compute, FP4 vs FP8").path("ratio").asDouble(), 1e-12);
        assertEquals(2.0 / 5.6, ratio(check, "IT power from TDP").path("ratio").asDouble(), 1e-12);
        assertEquals(4.0 / 15.0, ratio(check, "claimed power").path("ratio").asDouble(), 1e-12);
        assertEquals(4.5 / 12.75, ratio(check, "all-in facility power").path("ratio").asDouble(), 1e-12);
        assertEquals(15831.2 / 18000, check.path("unexplainedFactor").asDouble(), 1e-12);
        String notes = check.path("assumptionsToCloseGap").toString();
        assertTrue(notes.contains("1875 W") && notes.contains("x2.68 its TDP"), notes);
        assertTrue(notes.contains("only if"), "FP4 vs FP8 is what closes the gap");
        assertTrue(notes.contains("12.75 MW") && notes.contains("4.5 MW"), "all-in power against the claimed 15 / 4 MW");
        assertTrue(ratio(check, "days for the same job, BF16").path("explanation").asText().contains("take 158 days"));
        assertEquals("https://fnnews.com/ampNews/202403190838289464", check.path("claim").path("source").path("url").asText());
        // The comparison itself is the same as POSTing the stored body.
        assertEquals(10.2, option(doc, 0).path("itPowerMW").asDouble(), 1e-9);
    }

    @Test
    void everyBoundAndTypoIsA400NamingTheField() throws Exception {
        Object[][] cases = {
                {"compare-training.json", (Consumer<ObjectNode>) b -> ((ObjectNode) b.path("options").get(0)).put("count", 0), "options[0].count"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> ((ObjectNode) b.path("options").get(1)).put("count", 10_000_001), "options[1].count"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> ((ObjectNode) b.path("options").get(0)).put("count", 2.5), "options[0].count"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.put("utilization", 0), "utilization"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.put("utilization", 1.01), "utilization"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.put("utilization", "high"), "utilization"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.put("days", 0), "days"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.put("days", 3650.5), "days"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.put("totalFlop", 1e25), "totalFlop"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.put("pue", 0.9), "pue"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.put("precision", "fp2"), "precision"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.put("kind", "mining"), "kind"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.remove("kind"), "kind"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> b.putArray("options"), "options"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> {
                    ArrayNode options = b.putArray("options");
                    for (int i = 0; i < 11; i++) {
                        options.addObject().put("chipId", "nvidia-h100-sxm").put("count", 1);
                    }
                }, "options"},
                {"compare-training.json", (Consumer<ObjectNode>) b -> ((ObjectNode) b.path("options").get(0)).put("chipId", "NVIDIA H100"), "options[0].chipId"},
                {"compare-inference.json", (Consumer<ObjectNode>) b -> b.put("batchSize", 0), "batchSize"},
                {"compare-inference.json", (Consumer<ObjectNode>) b -> ((ObjectNode) b.path("model")).put("parametersB", -1), "model.parametersB"},
                {"compare-inference.json", (Consumer<ObjectNode>) b -> ((ObjectNode) b.path("model")).put("activeParametersB", 2000), "model.activeParametersB"},
                {"compare-inference.json", (Consumer<ObjectNode>) b -> b.put("targetTokensPerSecond", 0), "targetTokensPerSecond"},
                {"compare-inference.json", (Consumer<ObjectNode>) b -> b.put("utilization", 0), "utilization"},
                {"compare-inference.json", (Consumer<ObjectNode>) b -> b.remove("model"), "model"},
                {"compare-market.json", (Consumer<ObjectNode>) b -> b.putArray("forecastIds").add("vmr-2024-inference-chips"), "forecastIds"},
                {"compare-market.json", (Consumer<ObjectNode>) b -> b.putArray("forecastIds").add("vmr-2024-inference-chips").add("vmr-2024-inference-chips"), "forecastIds[1]"},
                {"compare-market.json", (Consumer<ObjectNode>) b -> b.put("currency", "EUR"), "currency"},
                {"compare-market.json", (Consumer<ObjectNode>) b -> b.put("from", 2031), "to"},
                {"compare-market.json", (Consumer<ObjectNode>) b -> b.put("to", 2200), "to"},
                {"compare-market.json", (Consumer<ObjectNode>) b -> b.put("from", 1990).put("to", 2100), "to"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Consumer<ObjectNode> edit = (Consumer<ObjectNode>) c[1];
            APIGatewayV2HTTPResponse response = compare((String) c[0], edit);
            assertError(response, 400, "INVALID_BODY", (String) c[2]);
        }
        // A typo never falls back to a default.
        assertError(compare("compare-training.json", b -> b.put("utilisation", 0.5)), 400, "UNKNOWN_FIELD", "utilisation");
        assertError(compare("compare-training.json", b -> ((ObjectNode) b.path("options").get(0)).put("cout", 1)),
                400, "UNKNOWN_FIELD", "options[0].cout");
        assertError(compare("compare-inference.json", b -> ((ObjectNode) b.path("model")).put("params", 1)),
                400, "UNKNOWN_FIELD", "model.params");
        assertError(compare("compare-market.json", b -> b.put("days", 90)), 400, "UNKNOWN_FIELD", "days");
        assertError(compare("compare-training.json", b -> b.put("claim", "x")), 400, "UNKNOWN_FIELD", "claim");
    }

    @Test
    void malformedOversizedAndUnknownInputsAreClientErrors() throws Exception {
        APIGatewayV2HTTPEvent event = TestStack.event("compare-training.json");
        event.setBody("{\"kind\":\"training\",");
        assertError(TestStack.invoke(FN, event), 400, "INVALID_BODY", "body");
        event.setBody("[1,2]");
        assertError(TestStack.invoke(FN, event), 400, "INVALID_BODY", "body");
        event.setBody(null);
        assertError(TestStack.invoke(FN, event), 400, "INVALID_BODY", "body");
        event.setBody("{\"kind\":\"training\",\"description\":\"" + "x".repeat(70_000) + "\"}");
        assertError(TestStack.invoke(FN, event), 413, "PAYLOAD_TOO_LARGE", null);
        assertError(compare("compare-training.json", b -> ((ObjectNode) b.path("options").get(1)).put("chipId", "nvidia-h900")),
                404, "CHIP_NOT_FOUND", null);
        assertError(compare("compare-market.json", b -> b.putArray("forecastIds").add("vmr-2024-inference-chips").add("no-such-forecast")),
                404, "FORECAST_NOT_FOUND", null);
        assertError(get("GET /scenarios/{scenarioId}", "no-such-scenario", null), 404, "SCENARIO_NOT_FOUND", null);
        assertError(get("GET /scenarios/{scenarioId}", "Bad Id", null), 400, "INVALID_PARAMETER", "scenarioId");
        assertError(get("GET /scenarios", null, Map.of("limit", "0")), 400, "INVALID_PARAMETER", "limit");
        assertError(get("GET /scenarios", null, Map.of("nextToken", "forged.token")), 400, "INVALID_PARAMETER", "nextToken");
    }

    @Test
    void aChipWithoutTdpLeavesPowerUnknownAndAMissingComputeFigureIs422() throws Exception {
        JsonNode tpu = ok(compare("compare-training.json",
                b -> ((ObjectNode) b.path("options").get(1)).put("chipId", "google-tpu-v5e")));
        JsonNode v5e = option(tpu, 1);
        assertTrue(v5e.path("itPowerMW").isNull() && v5e.path("energyMWh").isNull(), v5e.toString());
        assertTrue(v5e.path("powerUnknownReason").asText().contains("no TDP"));
        assertTrue(v5e.path("peakPFLOPS").asDouble() > 0, "the compute answer stands");
        // H100 has no FP4 figure: a FP4 comparison names it rather than using zero.
        APIGatewayV2HTTPResponse response = compare("compare-training.json", b -> b.put("precision", "fp4"));
        assertEquals(422, response.getStatusCode(), response.getBody());
        JsonNode fp4 = body(response).path("error");
        assertEquals("MISSING_FIGURE", fp4.path("code").asText());
        assertEquals("nvidia-h100-sxm", fp4.path("chipId").asText());
        assertEquals("denseTFLOPS.fp4", fp4.path("figure").asText());
    }

    @Test
    void listingIsAQueryAndPagesWithSignedTokens() throws Exception {
        TestStack.resetCounter();
        JsonNode all = ok(invoke("list-scenarios.json"));
        assertFalse(TestStack.COUNTER.snapshot().containsKey("Scan"), "never a Scan");
        assertEquals(Set.of("Query"), TestStack.COUNTER.snapshot().keySet());
        Set<String> ids = new HashSet<>();
        all.path("items").forEach(i -> ids.add(i.path("scenarioId").asText()));
        assertTrue(ids.containsAll(List.of("gtc-2024-training", "gtc-2024-inference-30x", "vmr-vs-kb-2030")), ids.toString());
        JsonNode first = ok(get("GET /scenarios", null, Map.of("limit", "2")));
        assertEquals(2, first.path("items").size());
        JsonNode second = ok(get("GET /scenarios", null, Map.of("limit", "2", "nextToken", first.path("nextToken").asText())));
        assertTrue(second.path("items").size() >= 1);
        assertFalse(second.path("items").get(0).path("scenarioId").asText()
                .equals(first.path("items").get(1).path("scenarioId").asText()), "pages do not overlap");
        JsonNode seeded = ok(invoke("get-scenario.json"));
        assertEquals("seed", seeded.path("origin").asText());
        assertEquals("nvidia-gtc2024-gpt-moe-1.8t-training-2000-vs-8000", seeded.path("claim").path("claimId").asText());
    }

    @Test
    void putCreatesThenNeedsTheCurrentVersionToUpdate() throws Exception {
        String id = "test-put-" + System.nanoTime();
        APIGatewayV2HTTPResponse created = put(id, null, b -> { });
        assertEquals(201, created.getStatusCode(), created.getBody());
        assertEquals("\"1\"", created.getHeaders().get("ETag"));
        assertEquals(1, body(created).path("version").asLong());
        assertEquals("user", body(created).path("origin").asText());

        assertError(put(id, null, b -> { }), 409, "CONFLICT", null);
        assertError(put(id, "\"7\"", b -> { }), 412, "PRECONDITION_FAILED", "If-Match");
        assertError(put(id, "soon", b -> { }), 400, "INVALID_PARAMETER", "If-Match");

        APIGatewayV2HTTPResponse updated = put(id, "\"1\"", b -> b.put("days", 45));
        assertEquals(200, updated.getStatusCode(), updated.getBody());
        assertEquals("\"2\"", updated.getHeaders().get("ETag"));
        assertError(put(id, "\"1\"", b -> { }), 412, "PRECONDITION_FAILED", "If-Match");

        APIGatewayV2HTTPResponse read = get("GET /scenarios/{scenarioId}", id, null);
        assertEquals("\"2\"", read.getHeaders().get("ETag"));
        assertEquals(45, body(read).path("request").path("days").asDouble(), 0);
        assertFalse(body(read).path("request").has("name"), "name is the scenario's, not the compare body's");
        JsonNode comparison = ok(get("GET /scenarios/{scenarioId}/comparison", id, null));
        assertEquals(45, comparison.path("result").path("days").asDouble(), 0);

        // Seeded scenarios are read-only; If-Match on a missing id is a failed precondition.
        APIGatewayV2HTTPResponse seeded = put("gtc-2024-training", null, b -> { });
        assertError(seeded, 409, "CONFLICT", null);
        assertTrue(body(seeded).path("error").path("message").asText().contains("read-only"));
        assertError(put("gtc-2024-training", "\"1\"", b -> { }), 409, "CONFLICT", null);
        assertError(put("test-missing-" + System.nanoTime(), "\"1\"", b -> { }), 412, "PRECONDITION_FAILED", "If-Match");
    }

    @Test
    void putValidatesLikeCompareAndChecksTheClaimMapping() throws Exception {
        String id = "test-invalid-" + System.nanoTime();
        assertError(put(id, null, b -> b.put("utilisation", 0.5)), 400, "UNKNOWN_FIELD", "utilisation");
        assertError(put(id, null, b -> b.remove("name")), 400, "INVALID_BODY", "name");
        assertError(put(id, null, b -> b.put("precision", "fp4")), 422, "MISSING_FIGURE", null);
        assertError(put(id, null, b -> b.putObject("claim").put("claimId", "no-such-claim").put("subjectOption", 1)),
                400, "INVALID_BODY", "claim.claimId");
        // The 30x claim is an inference claim about GB200 vs H100: neither a training check nor other chips fit it.
        assertError(put(id, null, b -> b.putObject("claim").put("claimId", "nvidia-gtc2024-gb200-nvl72-30x-inference")
                .put("subjectOption", 1)), 400, "INVALID_BODY", "claim.claimId");
        ObjectNode inference = (ObjectNode) LocalJson.MAPPER.readTree(TestStack.event("compare-inference.json").getBody());
        assertError(put(id, null, b -> {
            b.removeAll();
            b.setAll(inference);
            b.put("name", "30x against B200");
            b.putObject("claim").put("claimId", "nvidia-gtc2024-gb200-nvl72-30x-inference").put("subjectOption", 1);
        }), 400, "INVALID_BODY", "claim.subjectOption");
        assertError(put(id, null, b -> b.putObject("claim").put("claimId", "nvidia-gtc2024-gpt-moe-1.8t-training-2000-vs-8000")
                .put("subjectOption", 5)), 400, "INVALID_BODY", "claim.subjectOption");
        // The claim check's own bounds are named as fields of the mapping.
        assertError(put(id, null, b -> b.putObject("claim").put("claimId", "nvidia-gtc2024-gpt-moe-1.8t-training-2000-vs-8000")
                .put("subjectOption", 1).put("baselineClaimedPowerMW", -15)), 400, "INVALID_BODY", "claim.baselineClaimedPowerMW");
        assertError(put(id, null, b -> {
            b.removeAll();
            b.setAll(inference);
            b.put("name", "30x at FP2");
            b.putObject("claim").put("claimId", "nvidia-gtc2024-gb200-nvl72-30x-inference").put("subjectOption", 2)
                    .put("subjectPrecision", "fp2");
        }), 400, "INVALID_BODY", "claim.subjectPrecision");
        assertError(get("GET /scenarios/{scenarioId}", id, null), 404, "SCENARIO_NOT_FOUND", null);

        // A user scenario may tie itself to a claim that names no specific chips.
        String tied = "test-tied-" + System.nanoTime();
        APIGatewayV2HTTPResponse created = put(tied, null, b -> b.putObject("claim")
                .put("claimId", "nvidia-gtc2024-gpt-moe-1.8t-training-2000-vs-8000").put("subjectOption", 1));
        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode check = ok(get("GET /scenarios/{scenarioId}/comparison", tied, null)).path("claimCheck");
        assertEquals("nvidia-gtc2024-gpt-moe-1.8t-training-2000-vs-8000", check.path("claim").path("id").asText());
        assertTrue(check.path("unexplainedFactor").isNumber());
    }

    @Test
    void theLocalServerRefusesUnsignedWritesLikeApiGateway() throws Exception {
        try (LocalServer server = new LocalServer(TestStack.env(), 0)) {
            server.start();
            HttpClient http = HttpClient.newHttpClient();
            String body = LocalJson.MAPPER.readTree(TestStack.event("put-scenario.json").getBody()).toString();
            String path = server.url() + "/scenarios/test-http-" + System.nanoTime();
            HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(path))
                    .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, unsigned.statusCode(), unsigned.body());
            HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(path))
                    .header("content-type", "application/json")
                    .header("authorization", TestStack.event("put-scenario.json").getHeaders().get("authorization"))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, signed.statusCode(), signed.body());
            HttpResponse<String> compare = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/scenarios/compare"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestStack.event("compare-market.json").getBody())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, compare.statusCode(), "reads and compares need no signature: " + compare.body());
        }
    }

    @Test
    void seededScenariosMatchTheirClaims() throws Exception {
        // Every seeded scenario runs, and each claim it names is in data/claims.json with a source.
        Set<String> claimIds = new HashSet<>();
        for (chipcast.core.scenario.VendorClaim c : chipcast.loader.Dataset.claims()) {
            claimIds.add(c.id());
            assertNotNull(c.source(), c.id());
        }
        for (chipcast.core.scenario.StoredScenario s : chipcast.loader.Dataset.scenarios()) {
            ok(get("GET /scenarios/{scenarioId}/comparison", s.scenarioId(), null));
            if (s.claim() != null) {
                assertTrue(claimIds.contains(s.claim().claimId()), s.scenarioId());
            }
        }
    }
}
