package chipcast.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import chipcast.core.store.dynamodb.DynamoScenarioStore;
import chipcast.loader.Dataset;
import chipcast.scenarios.ScenarioHandler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answers users already rely on, byte for byte: every events/ file and the README's examples,
 * success and error, against the files in src/test/resources/golden (status, headers, body). A change
 * to an answer is deliberate: regenerate with {@code -Dgolden.update=true} and list it in
 * docs/api-changelog.md. Times the stack sets itself (when a series was computed, a scenario saved)
 * are replaced by placeholders before comparing.
 */
class GoldenAnswersTest {
    static final Path DIR = TestStack.ROOT.resolve("local/src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    record Case(String name, String function, Supplier<APIGatewayV2HTTPEvent> event) {
    }

    static APIGatewayV2HTTPEvent file(String name) {
        return TestStack.event(name);
    }

    static APIGatewayV2HTTPEvent get(String base, String route, Map<String, String> path, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = TestStack.event(base);
        event.setRouteKey(route);
        event.setPathParameters(path);
        event.setQueryStringParameters(query);
        event.setBody(null);
        return event;
    }

    static APIGatewayV2HTTPEvent body(String base, Consumer<ObjectNode> edit) {
        APIGatewayV2HTTPEvent event = TestStack.event(base);
        try {
            ObjectNode body = (ObjectNode) LocalJson.MAPPER.readTree(event.getBody());
            edit.accept(body);
            event.setBody(LocalJson.MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    static APIGatewayV2HTTPEvent raw(String base, String body, String contentType) {
        APIGatewayV2HTTPEvent event = TestStack.event(base);
        event.setBody(body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        event.setHeaders(headers);
        return event;
    }

    static APIGatewayV2HTTPEvent put(String id, String ifMatch, Consumer<ObjectNode> edit) {
        APIGatewayV2HTTPEvent event = body("put-scenario.json", edit);
        event.setPathParameters(Map.of("scenarioId", id));
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        event.setHeaders(headers);
        return event;
    }

    static Map<String, String> q(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    static final String CHIPS = "ChipSpecFunction";
    static final String FORECASTS = "ForecastFunction";
    static final String SCENARIOS = "ScenarioFunction";
    static final String BENCHMARKS = "BenchmarkFunction";

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // every API Gateway event in events/
        for (String[] e : new String[][] {
                {"get-chip", CHIPS}, {"get-chip-not-found", CHIPS}, {"list-chips", CHIPS}, {"list-chips-by-vendor", CHIPS},
                {"list-chips-inference", CHIPS}, {"compare-chips", CHIPS}, {"unknown-route", CHIPS},
                {"list-forecasts", FORECASTS}, {"get-forecast", FORECASTS}, {"get-forecast-extrapolated", FORECASTS},
                {"forecast-consensus", FORECASTS}, {"calculate-forecast-points", FORECASTS},
                {"calculate-forecast-cagr", FORECASTS}, {"compare-training", SCENARIOS}, {"compare-inference", SCENARIOS},
                {"compare-market", SCENARIOS}, {"list-scenarios", SCENARIOS}, {"get-scenario", SCENARIOS},
                {"get-scenario-comparison", SCENARIOS}, {"compare-inference-preset", SCENARIOS},
                {"compare-training-tokens", SCENARIOS}, {"list-benchmarks", BENCHMARKS},
                {"list-benchmarks-by-chip", BENCHMARKS}, {"list-benchmarks-inferencex", BENCHMARKS},
                {"get-benchmark", BENCHMARKS}, {"get-benchmark-not-found", BENCHMARKS},
                {"benchmark-validation", BENCHMARKS}, {"list-vendors", CHIPS}, {"list-markets", FORECASTS},
                {"list-fx-rates", FORECASTS}, {"forecast-consensus-all-editions", FORECASTS}, {"list-claims", SCENARIOS},
                {"get-claim", SCENARIOS}}) {
            cases.add(new Case("event-" + e[0], e[1], () -> file(e[0] + ".json")));
        }
        // README: chips
        cases.add(new Case("readme-chips-limit-2", CHIPS, () -> get("list-chips.json", "GET /chips", null, q("limit", "2"))));
        cases.add(new Case("readme-chips-token-other-query", CHIPS, () -> get("list-chips.json", "GET /chips", null,
                q("limit", "2", "vendor", "amd", "nextToken", firstPageToken()))));
        cases.add(new Case("readme-chips-bad-limit", CHIPS, () -> get("list-chips.json", "GET /chips", null, q("limit", "0"))));
        cases.add(new Case("readme-chips-unknown-query", CHIPS, () -> get("list-chips.json", "GET /chips", null, q("vendr", "nvidia"))));
        cases.add(new Case("readme-chips-compare-h100-mi300x", CHIPS, () -> get("list-chips.json", "GET /chips/compare", null,
                q("ids", "nvidia-h100-sxm,amd-mi300x"))));
        cases.add(new Case("readme-chips-compare-one-id", CHIPS, () -> get("list-chips.json", "GET /chips/compare", null,
                q("ids", "nvidia-h100-sxm"))));
        cases.add(new Case("readme-chips-compare-unknown", CHIPS, () -> get("list-chips.json", "GET /chips/compare", null,
                q("ids", "nvidia-h100-sxm,nvidia-h900"))));
        cases.add(new Case("readme-chip-bad-id", CHIPS, () -> get("list-chips.json", "GET /chips/{chipId}",
                Map.of("chipId", "NVIDIA H100"), null)));
        // README: forecasts
        cases.add(new Case("readme-forecast-krw-2023-2025", FORECASTS, () -> get("get-forecast.json", "GET /forecasts/{forecastId}",
                Map.of("forecastId", "vmr-2024-inference-chips"), q("currency", "KRW", "from", "2023", "to", "2025"))));
        cases.add(new Case("readme-forecasts-by-market", FORECASTS, () -> get("list-forecasts.json", "GET /forecasts", null,
                q("market", "ai-inference-chips"))));
        cases.add(new Case("readme-forecast-kb-to-2032", FORECASTS, () -> get("get-forecast.json", "GET /forecasts/{forecastId}",
                Map.of("forecastId", "kb-2024-inference-chips"), q("to", "2032"))));
        cases.add(new Case("readme-consensus-2029-2030", FORECASTS, () -> get("forecast-consensus.json", "GET /forecasts/consensus",
                null, q("market", "ai-inference-chips", "from", "2029", "to", "2030"))));
        cases.add(new Case("readme-consensus-krw", FORECASTS, () -> get("forecast-consensus.json", "GET /forecasts/consensus",
                null, q("market", "ai-semiconductors", "currency", "KRW"))));
        cases.add(new Case("readme-forecast-not-found", FORECASTS, () -> get("get-forecast.json", "GET /forecasts/{forecastId}",
                Map.of("forecastId", "no-such-forecast"), null)));
        cases.add(new Case("readme-consensus-no-market", FORECASTS, () -> get("forecast-consensus.json", "GET /forecasts/consensus",
                null, q("market", "no-such-market"))));
        cases.add(new Case("readme-forecast-bad-currency", FORECASTS, () -> get("get-forecast.json", "GET /forecasts/{forecastId}",
                Map.of("forecastId", "vmr-2024-inference-chips"), q("currency", "EUR"))));
        cases.add(new Case("readme-calculate-unknown-field", FORECASTS, () -> raw("calculate-forecast-points.json",
                "{\"knownPoints\":[{\"year\":2023,\"value\":15.8}],\"utilisation\":1}", null)));
        cases.add(new Case("readme-calculate-one-point-no-cagr", FORECASTS, () -> raw("calculate-forecast-points.json",
                "{\"knownPoints\":[{\"year\":2023,\"value\":15.8}]}", null)));
        cases.add(new Case("readme-calculate-bad-value", FORECASTS, () -> raw("calculate-forecast-points.json",
                "{\"knownPoints\":[{\"year\":2023,\"value\":15.8},{\"year\":2030,\"value\":-1}]}", null)));
        cases.add(new Case("readme-calculate-not-json", FORECASTS, () -> raw("calculate-forecast-points.json", "{\"knownPoints\":", null)));
        cases.add(new Case("readme-calculate-text-plain", FORECASTS, () -> raw("calculate-forecast-points.json", "{}", "text/plain")));
        cases.add(new Case("readme-forecast-past-the-cap", FORECASTS, () -> get("get-forecast.json", "GET /forecasts/{forecastId}",
                Map.of("forecastId", "vmr-2024-inference-chips"), q("to", "2041"))));
        cases.add(new Case("readme-consensus-bad-editions", FORECASTS, () -> get("forecast-consensus.json",
                "GET /forecasts/consensus", null, q("market", "ai-inference-chips", "editions", "newest"))));
        cases.add(new Case("readme-markets-page-2", FORECASTS, () -> get("list-markets.json", "GET /markets", null,
                q("limit", "3", "nextToken", pageToken(FORECASTS, "list-markets.json")))));
        // README: discovery
        cases.add(new Case("readme-vendors-bad-limit", CHIPS, () -> get("list-vendors.json", "GET /vendors", null, q("limit", "101"))));
        cases.add(new Case("readme-claim-not-found", SCENARIOS, () -> get("get-claim.json", "GET /claims/{claimId}",
                Map.of("claimId", "no-such-claim"), null)));
        cases.add(new Case("readme-claim-bad-id", SCENARIOS, () -> get("get-claim.json", "GET /claims/{claimId}",
                Map.of("claimId", "Not A Claim"), null)));
        cases.add(new Case("readme-compare-market-past-the-cap", SCENARIOS, () -> body("compare-market.json", b -> b.put("to", 2045))));
        // README: scenarios
        cases.add(new Case("readme-compare-missing-figure", SCENARIOS, () -> body("compare-training.json",
                b -> ((ObjectNode) b.path("options").get(1)).put("chipId", "google-tpu-v5e"))));
        cases.add(new Case("readme-compare-utilisation-typo", SCENARIOS, () -> body("compare-training.json",
                b -> b.put("utilisation", 0.5))));
        cases.add(new Case("readme-compare-option-typo", SCENARIOS, () -> body("compare-training.json",
                b -> ((ObjectNode) b.path("options").get(0)).put("cout", 1))));
        cases.add(new Case("readme-compare-count-zero", SCENARIOS, () -> body("compare-training.json",
                b -> ((ObjectNode) b.path("options").get(0)).put("count", 0))));
        cases.add(new Case("readme-compare-utilization-text", SCENARIOS, () -> body("compare-training.json",
                b -> b.put("utilization", "high"))));
        cases.add(new Case("readme-compare-unknown-kind", SCENARIOS, () -> body("compare-training.json", b -> b.put("kind", "mining"))));
        cases.add(new Case("readme-compare-no-options", SCENARIOS, () -> body("compare-training.json", b -> b.putArray("options"))));
        cases.add(new Case("readme-compare-market-krw", SCENARIOS, () -> body("compare-market.json", b -> b.put("currency", "KRW"))));
        cases.add(new Case("readme-compare-market-repeat", SCENARIOS, () -> body("compare-market.json", b -> {
            ArrayNode ids = b.putArray("forecastIds");
            ids.add("vmr-2024-inference-chips").add("vmr-2024-inference-chips");
        })));
        cases.add(new Case("readme-scenario-training", SCENARIOS, () -> get("get-scenario.json",
                "GET /scenarios/{scenarioId}/comparison", Map.of("scenarioId", "gtc-2024-training"), null)));
        cases.add(new Case("readme-scenario-market", SCENARIOS, () -> get("get-scenario.json",
                "GET /scenarios/{scenarioId}/comparison", Map.of("scenarioId", "vmr-vs-kb-2030"), null)));
        cases.add(new Case("readme-scenario-inference-30x", SCENARIOS, () -> get("get-scenario.json",
                "GET /scenarios/{scenarioId}/comparison", Map.of("scenarioId", "gtc-2024-inference-30x"), null)));
        cases.add(new Case("readme-compare-bytes-contradict", SCENARIOS, () -> body("compare-inference.json",
                b -> ((ObjectNode) b.path("model")).put("bytesPerParameter", 2))));
        cases.add(new Case("readme-compare-no-fit", SCENARIOS, () -> body("compare-inference-preset.json", b -> {
            b.putObject("model").put("preset", "llama-3.1-405b");
            b.put("precision", "bf16");
            ((ObjectNode) b.path("options").get(0)).put("chipsPerReplica", 1);
        })));
        cases.add(new Case("readme-compare-context", SCENARIOS, () -> body("compare-inference-preset.json", b -> {
            b.putObject("model").put("preset", "llama-2-70b");
            b.putObject("workload").put("preset", "8k/1k");
        })));
        cases.add(new Case("readme-benchmarks-bad-id", BENCHMARKS, () -> get("get-benchmark.json",
                "GET /benchmarks/{benchmarkId}", Map.of("benchmarkId", "MLPerf B200"), null)));
        cases.add(new Case("readme-benchmarks-scenario-and-workload", BENCHMARKS, () -> get("list-benchmarks.json",
                "GET /benchmarks", null, q("scenario", "Server", "workload", "1k/1k"))));
        cases.add(new Case("readme-benchmarks-gaudi2-server", BENCHMARKS, () -> get("list-benchmarks.json",
                "GET /benchmarks", null, q("chipId", "intel-gaudi2", "scenario", "server"))));
        cases.add(new Case("readme-scenario-get-inference", SCENARIOS, () -> get("get-scenario.json",
                "GET /scenarios/{scenarioId}", Map.of("scenarioId", "gtc-2024-inference-30x"), null)));
        cases.add(new Case("readme-scenario-not-found", SCENARIOS, () -> get("get-scenario.json",
                "GET /scenarios/{scenarioId}", Map.of("scenarioId", "no-such-scenario"), null)));
        cases.add(new Case("readme-scenarios-limit-1", SCENARIOS, () -> get("list-scenarios.json", "GET /scenarios", null,
                q("limit", "1"))));
        cases.add(new Case("readme-put-create", SCENARIOS, () -> put("golden-h200-vs-mi325x", null, b -> { })));
        cases.add(new Case("readme-put-exists", SCENARIOS, () -> put("golden-h200-vs-mi325x", null, b -> { })));
        cases.add(new Case("readme-put-update", SCENARIOS, () -> put("golden-h200-vs-mi325x", "\"1\"", b -> b.put("days", 60))));
        cases.add(new Case("readme-put-stale", SCENARIOS, () -> put("golden-h200-vs-mi325x", "\"1\"", b -> { })));
        cases.add(new Case("readme-put-seeded", SCENARIOS, () -> put("gtc-2024-training", "\"1\"", b -> { })));
        cases.add(new Case("readme-put-claim", SCENARIOS, () -> put("golden-claim", null, b -> {
            b.put("kind", "inference").put("precision", "fp8").put("batchSize", 32).put("targetTokensPerSecond", 1000);
            b.remove("days");
            b.remove("utilization");
            b.putObject("model").put("parametersB", 70).put("bytesPerParameter", 1);
            ArrayNode options = b.putArray("options");
            options.addObject().put("chipId", "nvidia-h100-sxm");
            options.addObject().put("chipId", "nvidia-gb200");
            b.putObject("claim").put("claimId", "nvidia-gtc2024-gb200-nvl72-30x-inference").put("subjectOption", 1)
                    .put("subjectPrecision", "fp4").put("baselinePrecision", "fp8");
        })));
        cases.add(new Case("readme-put-bad-claim", SCENARIOS, () -> put("golden-bad-claim", null,
                b -> b.putObject("claim").put("claimId", "no-such-claim").put("subjectOption", 1))));
        // CSV (Accept: text/csv or format=csv): the bytes as served, BOM and CRLF included (.gitattributes keeps them)
        cases.add(new Case("csv-chips-limit-2", CHIPS, () -> get("list-chips.json", "GET /chips", null,
                q("limit", "2", "format", "csv"))));
        cases.add(new Case("csv-chips-amd-accept", CHIPS, () -> accept(get("list-chips.json", "GET /chips", null,
                q("vendor", "amd")), "text/csv")));
        cases.add(new Case("csv-chips-compare-h100-mi300x", CHIPS, () -> get("list-chips.json", "GET /chips/compare", null,
                q("ids", "nvidia-h100-sxm,amd-mi300x", "format", "csv"))));
        cases.add(new Case("csv-forecasts-by-market", FORECASTS, () -> get("list-forecasts.json", "GET /forecasts", null,
                q("market", "ai-inference-chips", "format", "csv"))));
        cases.add(new Case("csv-forecast-krw-2023-2025", FORECASTS, () -> get("get-forecast.json", "GET /forecasts/{forecastId}",
                Map.of("forecastId", "vmr-2024-inference-chips"), q("currency", "KRW", "from", "2023", "to", "2025", "format", "csv"))));
        cases.add(new Case("csv-consensus-krw", FORECASTS, () -> get("forecast-consensus.json", "GET /forecasts/consensus",
                null, q("market", "ai-semiconductors", "currency", "KRW", "format", "csv"))));
        cases.add(new Case("csv-compare-training", SCENARIOS, () -> accept(file("compare-training.json"), "text/csv")));
        cases.add(new Case("csv-compare-inference", SCENARIOS, () -> accept(file("compare-inference.json"), "text/csv")));
        cases.add(new Case("csv-compare-market", SCENARIOS, () -> accept(file("compare-market.json"), "text/csv")));
        cases.add(new Case("csv-scenario-training", SCENARIOS, () -> get("get-scenario.json",
                "GET /scenarios/{scenarioId}/comparison", Map.of("scenarioId", "gtc-2024-training"), q("format", "csv"))));
        cases.add(new Case("csv-benchmarks-h100-llama2-70b", BENCHMARKS, () -> get("list-benchmarks.json", "GET /benchmarks",
                null, q("chipId", "nvidia-h100-sxm", "model", "llama-2-70b", "limit", "3", "format", "csv"))));
        cases.add(new Case("csv-benchmarks-inferencex-accept", BENCHMARKS, () -> accept(get("list-benchmarks.json",
                "GET /benchmarks", null, q("sourceKind", "inferencex", "workload", "1k/1k", "limit", "2")), "text/csv")));
        cases.add(new Case("csv-bad-format", FORECASTS, () -> get("get-forecast.json", "GET /forecasts/{forecastId}",
                Map.of("forecastId", "vmr-2024-inference-chips"), q("format", "xlsx"))));
        cases.add(new Case("csv-compare-unknown-is-json", CHIPS, () -> accept(get("list-chips.json", "GET /chips/compare", null,
                q("ids", "nvidia-h100-sxm,nvidia-h900", "format", "csv")), "text/csv")));
        return cases;
    }

    /** The event with an Accept header. */
    static APIGatewayV2HTTPEvent accept(APIGatewayV2HTTPEvent event, String accept) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("accept", accept);
        event.setHeaders(headers);
        return event;
    }

    /** The first page's token of GET /chips?limit=2, for the README's token-reuse example. */
    /** The nextToken of an events/ file's answer. */
    static String pageToken(String function, String eventFile) {
        try {
            return LocalJson.MAPPER.readTree(TestStack.invoke(function, file(eventFile)).getBody()).path("nextToken").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String firstPageToken() {
        APIGatewayV2HTTPResponse first = TestStack.invoke(CHIPS, get("list-chips.json", "GET /chips", null, q("limit", "2")));
        try {
            return LocalJson.MAPPER.readTree(first.getBody()).path("nextToken").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String render(APIGatewayV2HTTPResponse response) {
        StringBuilder out = new StringBuilder();
        out.append(response.getStatusCode()).append('\n');
        new TreeMap<>(response.getHeaders()).forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        out.append('\n').append(normalise(response.getBody())).append('\n');
        return out.toString();
    }

    /** Times the local stack sets at start-up or on a save: the same request gives them anew each run. */
    static String normalise(String body) {
        return body.replaceAll("\"computedAt\":\"[^\"]+\"", "\"computedAt\":\"<time>\"")
                .replaceAll("\"updatedAt\":\"20[^\"]+\"", "\"updatedAt\":\"<time>\"");
    }

    /**
     * The scenario function on a scenarios table of its own, holding the seeded scenarios only: other tests save
     * scenarios of their own into the shared one, and listings must not depend on which ran first.
     */
    static Object scenarioHandler() {
        String table = "GoldenScenariosTable";
        LocalEnvironment.createTable(TestStack.env().dynamo(), LocalEnvironment.createTableRequest(table,
                TestStack.env().template().properties("ScenariosTable")));
        DynamoScenarioStore store = new DynamoScenarioStore(TestStack.env().dynamo(), table);
        Dataset.scenarios().forEach(store::create);
        Map<String, String> env = new HashMap<>(TestStack.env().environment(SCENARIOS));
        env.put(DynamoScenarioStore.TABLE_ENV, table);
        return new ScenarioHandler(TestStack.env().dynamo(), env);
    }

    @Test
    void answersAreByteIdenticalToTheGoldenFiles() throws IOException {
        Files.createDirectories(DIR);
        List<String> differ = new ArrayList<>();
        Object scenarios = scenarioHandler();
        for (Case c : cases()) {
            Object handler = c.function().equals(SCENARIOS) ? scenarios : TestStack.handler(c.function());
            APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) Invoker.invoke(handler, c.event().get(),
                    new LocalContext(c.function(), true));
            String actual = render(response);
            Path golden = DIR.resolve(c.name() + ".txt");
            if (UPDATE || !Files.exists(golden)) {
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                continue;
            }
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                differ.add(c.name() + ":\n  expected " + firstDifference(expected, actual) + "\n  actual   "
                        + firstDifference(actual, expected));
            }
        }
        assertTrue(differ.isEmpty(), differ.size() + " answers differ from src/test/resources/golden"
                + " (deliberate? rerun with -Dgolden.update=true and write it in docs/api-changelog.md):\n"
                + String.join("\n", differ));
        assertEquals(cases().size(), Files.list(DIR).count(), "one golden file per case, no stale ones");
    }

    /** The text around the first character where a differs from b. */
    static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return "…" + a.substring(Math.max(0, i - 60), Math.min(a.length(), i + 80)).replace("\n", "\\n") + "…";
    }
}
