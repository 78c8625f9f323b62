package chipcast.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.atlassian.oai.validator.model.ApiOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract: every route of template.yaml through the local server over HTTP, every success shape (each compare
 * kind, CSV, pages with their tokens, KRW, editions=all, the site's files) and every documented error of every
 * operation, each answer validated against docs/openapi.yaml ({@link Contract}): its status must be one the operation
 * lists, its headers documented, its body the schema's (all fields, their types and nulls, nothing else). Then every
 * status the document gives each operation must have been seen, but those no request can provoke locally (see
 * {@link #NOT_PROVOKED}); the store's 503 is provoked in-process on a store that is down.
 */
class ContractTest {
    @RegisterExtension
    static final LocalServerExtension SERVER = new LocalServerExtension();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/us-east-1/execute-api/aws4_request, "
            + "SignedHeaders=host, Signature=0"; // the local gateway checks the scheme only, as the README says

    /** Operation and status -> what provoked it. */
    static final Map<String, String> SEEN = new TreeMap<>();
    static final List<String> FAILURES = new ArrayList<>();


    /** Statuses a request to the local server cannot provoke; each documented all the same, and why. */
    static final Map<String, String> NOT_PROVOKED = Map.of(
            "500", "an unexpected fault of ours: no request provokes one (the hostile suite checks there is none)",
            "503", "the store down: provoked in-process, storeFailuresAreTheDocumented503",
            "GET /scenarios/{scenarioId}/comparison 422",
            "a stored scenario passed the figure checks when saved; a later dataset without the figure would fail it");

    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() throws Exception {
            return LocalJson.MAPPER.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    /** Sends one request, validates its answer against the document, and checks the status expected. */
    static Answer check(int expected, String method, String target, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.url() + target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> answerHeaders.put(k, String.join(",", v)));
        return judge(expected, method, target, new Answer(response.statusCode(), answerHeaders, response.body()));
    }

    /** A request the HTTP client will not send (a malformed one), written to a socket. */
    static Answer checkRaw(int expected, String method, String target, String rawRequest) throws Exception {
        LocalServerTest.Raw raw = rawAnswer(rawRequest);
        return judge(expected, method, target, new Answer(raw.status(), raw.headers(), raw.body()));
    }

    static LocalServerTest.Raw rawAnswer(String request) throws Exception {
        return LocalServerTest.raw(SERVER.port(), request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Answer judge(int expected, String method, String target, Answer answer) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        List<String> problems = Contract.DOCUMENT.problems(method, path, answer.status(), answer.headers(), answer.body());
        String what = method + " " + target + " -> " + answer.status();
        if (answer.status() != expected) {
            problems.add("expected " + expected);
        }
        if (!problems.isEmpty()) {
            FAILURES.add(what + ": " + problems + " " + cut(answer.body()));
        }
        ApiOperation operation = Contract.DOCUMENT.operation(method, path);
        if (operation != null) {
            SEEN.putIfAbsent(method.toUpperCase(Locale.ROOT) + " " + operation.getApiPath().original() + " " + answer.status(), what);
        }
        return answer;
    }

    static String cut(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static String body(String eventFile) throws Exception {
        return LocalJson.MAPPER.readTree(TestStack.read("events/" + eventFile)).path("body").asText();
    }

    static final String JSON = "Content-Type";
    static final String CSV = "Accept";

    @Test
    void everyRouteAnswersAsDocumentedAndEveryDocumentedAnswerIsServed() throws Exception {
        chips();
        forecasts();
        scenarios();
        claimsAndBenchmarks();
        site();
        gateway();
        assertTrue(FAILURES.isEmpty(), FAILURES.size() + " answers differ from docs/openapi.yaml:\n" + String.join("\n", FAILURES));

        List<String> unseen = new ArrayList<>();
        Contract.DOCUMENT.api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation.getResponses().keySet().forEach(status -> {
                    String key = method.name() + " " + path + " " + status;
                    if (!SEEN.containsKey(key) && !NOT_PROVOKED.containsKey(status) && !NOT_PROVOKED.containsKey(key)) {
                        unseen.add(key);
                    }
                })));
        assertEquals(List.of(), unseen, "documented answers no request provoked");
    }

    void chips() throws Exception {
        JsonNode page = check(200, "GET", "/chips?limit=2", null).json();
        check(200, "GET", "/chips?limit=2&nextToken=" + page.path("nextToken").asText(), null);
        check(200, "GET", "/chips?vendor=amd&workload=both&minMemoryGB=100", null);
        check(200, "GET", "/chips?limit=100", null);
        Answer csvPage = check(200, "GET", "/chips?limit=5&format=csv", null);
        assertTrue(csvPage.header("X-Next-Token") != null, "a CSV page names the next one");
        check(200, "GET", "/chips?vendor=amd", null, CSV, "text/csv");
        check(400, "GET", "/chips?limit=0", null);
        check(400, "GET", "/chips?vendr=nvidia", null);
        check(400, "GET", "/chips?limit=2&vendor=amd&nextToken=" + page.path("nextToken").asText(), null);
        check(400, "GET", "/chips?format=xlsx", null);
        check(200, "GET", "/chips/compare?ids=nvidia-h100-sxm,amd-mi300x,google-tpu-v5e", null);
        check(200, "GET", "/chips/compare?ids=nvidia-h100-sxm,amd-mi300x&format=csv", null);
        check(400, "GET", "/chips/compare?ids=nvidia-h100-sxm", null);
        check(404, "GET", "/chips/compare?ids=nvidia-h100-sxm,nvidia-h900", null);
        for (String id : List.of("nvidia-h100-sxm", "google-tpu-v5e", "nvidia-b200", "furiosa-rngd")) {
            check(200, "GET", "/chips/" + id, null);
        }
        check(400, "GET", "/chips/NVIDIA%20H100", null);
        check(400, "GET", "/chips/nvidia-h100-sxm?x=1", null);
        check(404, "GET", "/chips/nvidia-h900", null);
        JsonNode vendors = check(200, "GET", "/vendors?limit=3", null).json();
        check(200, "GET", "/vendors?limit=3&nextToken=" + vendors.path("nextToken").asText(), null);
        check(200, "GET", "/vendors", null);
        check(400, "GET", "/vendors?limit=101", null);
    }

    void forecasts() throws Exception {
        JsonNode all = check(200, "GET", "/forecasts", null).json();
        check(200, "GET", "/forecasts?market=ai-inference-chips", null);
        check(200, "GET", "/forecasts?market=no-such-market", null);
        check(200, "GET", "/forecasts?market=ai-inference-chips&format=csv", null);
        check(400, "GET", "/forecasts?currency=KRW", null);
        for (JsonNode f : all.path("items")) {
            String id = f.path("id").asText();
            check(200, "GET", "/forecasts/" + id, null);
            check(200, "GET", "/forecasts/" + id + "?currency=KRW", null, CSV, "text/csv");
        }
        check(200, "GET", "/forecasts/vmr-2024-inference-chips?currency=KRW&from=2023&to=2025", null);
        check(200, "GET", "/forecasts/kb-2024-inference-chips?to=2032", null);
        check(200, "GET", "/forecasts/vmr-2024-inference-chips?from=2020", null);
        check(200, "GET", "/forecasts/yole-2022-dc-processors?format=csv", null);
        check(400, "GET", "/forecasts/vmr-2024-inference-chips?currency=EUR", null);
        check(400, "GET", "/forecasts/vmr-2024-inference-chips?to=2041", null);
        check(404, "GET", "/forecasts/no-such-forecast", null);
        JsonNode markets = check(200, "GET", "/markets?limit=3", null).json();
        check(200, "GET", "/markets?limit=3&nextToken=" + markets.path("nextToken").asText(), null);
        for (JsonNode m : check(200, "GET", "/markets?limit=100", null).json().path("items")) {
            String key = m.path("key").asText();
            check(200, "GET", "/forecasts/consensus?market=" + key, null);
            check(200, "GET", "/forecasts/consensus?market=" + key + "&editions=all&currency=KRW", null);
        }
        check(200, "GET", "/forecasts/consensus?market=ai-inference-chips&from=2029&to=2030&format=csv", null);
        check(400, "GET", "/forecasts/consensus", null);
        check(400, "GET", "/forecasts/consensus?market=ai-inference-chips&editions=newest", null);
        check(404, "GET", "/forecasts/consensus?market=no-such-market", null);
        check(400, "GET", "/markets?limit=0", null);
        check(200, "GET", "/fx-rates", null);
        JsonNode rates = check(200, "GET", "/fx-rates?limit=2", null).json();
        check(200, "GET", "/fx-rates?limit=2&nextToken=" + rates.path("nextToken").asText(), null);
        check(400, "GET", "/fx-rates?quote=KRW", null);
        String calculate = "/forecasts/calculate";
        check(200, "POST", calculate, body("calculate-forecast-points.json"), JSON, "application/json");
        check(200, "POST", calculate, body("calculate-forecast-cagr.json"), JSON, "application/json");
        check(200, "POST", calculate, "{\"knownPoints\":[{\"year\":2023,\"value\":15.8}],\"statedCagrPercent\":28}", JSON, "application/json");
        check(200, "POST", calculate, "{\"knownPoints\":[{\"year\":2020,\"value\":1},{\"year\":2022,\"value\":2},"
                + "{\"year\":2025,\"value\":5}],\"statedCagrPercent\":30,\"from\":2019,\"to\":2027}", JSON, "application/json");
        check(400, "POST", calculate, "{\"points\":[{\"year\":2023,\"value\":15.8}]}", JSON, "application/json");
        check(400, "POST", calculate, "{\"knownPoints\":", JSON, "application/json");
        check(415, "POST", calculate, "{}", JSON, "text/plain");
        check(413, "POST", calculate, "{\"pad\":\"" + "x".repeat(70_000) + "\"}", JSON, "application/json");
    }

    void scenarios() throws Exception {
        for (String file : List.of("compare-training.json", "compare-inference.json", "compare-inference-preset.json",
                "compare-market.json", "compare-training-tokens.json")) {
            check(200, "POST", "/scenarios/compare", body(file), JSON, "application/json");
            check(200, "POST", "/scenarios/compare?format=csv", body(file), JSON, "application/json");
        }
        String compare = "/scenarios/compare";
        check(200, "POST", compare, "{\"kind\":\"inference\",\"model\":{\"preset\":\"llama-3.1-8b\"},\"targetTokensPerSecondPerUser\":50,"
                + "\"options\":[{\"chipId\":\"nvidia-h100-sxm\",\"chipPriceUsd\":30000},{\"chipId\":\"google-tpu-v6e\",\"precision\":\"bf16\"}]}",
                JSON, "application/json");
        check(200, "POST", compare, "{\"kind\":\"training\",\"days\":30,\"options\":[{\"chipId\":\"google-tpu-v5e\",\"count\":100},"
                + "{\"chipId\":\"nvidia-a100-sxm-80gb\",\"count\":100,\"usdPerChipHour\":1.5,\"chipPriceUsd\":10000}]}", JSON, "application/json");
        check(200, "POST", compare, "{\"kind\":\"market\",\"forecastIds\":[\"vmr-2024-inference-chips\",\"kb-2024-inference-chips\"],"
                + "\"currency\":\"KRW\",\"from\":2020,\"to\":2034}", JSON, "application/json");
        check(400, "POST", compare, "{\"kind\":\"training\",\"utilisation\":0.5,\"days\":1,\"options\":[{\"chipId\":\"nvidia-h100-sxm\",\"count\":1}]}",
                JSON, "application/json");
        check(400, "POST", compare, "{\"kind\":\"mining\"}", JSON, "application/json");
        check(404, "POST", compare, "{\"kind\":\"training\",\"days\":1,\"options\":[{\"chipId\":\"nvidia-h900\",\"count\":1}]}", JSON, "application/json");
        check(404, "POST", compare, "{\"kind\":\"market\",\"forecastIds\":[\"vmr-2024-inference-chips\",\"no-such-forecast\"],\"from\":2023,\"to\":2030}", JSON, "application/json");
        check(422, "POST", compare, "{\"kind\":\"inference\",\"model\":{\"preset\":\"llama-3.1-8b\"},\"options\":[{\"chipId\":\"nvidia-h100-sxm\"},"
                + "{\"chipId\":\"google-tpu-v5e\"}]}", JSON, "application/json");
        check(413, "POST", compare, "{\"kind\":\"market\",\"pad\":\"" + "x".repeat(70_000) + "\"}", JSON, "application/json");
        check(415, "POST", compare, body("compare-market.json"), JSON, "application/x-www-form-urlencoded");

        JsonNode page = check(200, "GET", "/scenarios?limit=1", null).json();
        check(200, "GET", "/scenarios?limit=1&nextToken=" + page.path("nextToken").asText(), null);
        check(400, "GET", "/scenarios?limit=x", null);
        for (String id : List.of("gtc-2024-training", "gtc-2024-inference-30x", "vmr-vs-kb-2030")) {
            check(200, "GET", "/scenarios/" + id, null);
            check(200, "GET", "/scenarios/" + id + "/comparison", null);
            check(200, "GET", "/scenarios/" + id + "/comparison?format=csv", null);
        }
        check(404, "GET", "/scenarios/no-such-scenario", null);
        check(404, "GET", "/scenarios/no-such-scenario/comparison", null);
        check(400, "GET", "/scenarios/Not%20An%20Id", null);
        check(400, "GET", "/scenarios/gtc-2024-training/comparison?format=xml", null);

        String id = "contract-" + Long.toString(System.nanoTime(), 36);
        String put = "/scenarios/" + id;
        String scenario = body("put-scenario.json");
        check(403, "PUT", put, scenario, JSON, "application/json");
        check(201, "PUT", put, scenario, JSON, "application/json", "Authorization", SIGNED);
        check(409, "PUT", put, scenario, JSON, "application/json", "Authorization", SIGNED);
        check(200, "PUT", put, scenario, JSON, "application/json", "Authorization", SIGNED, "If-Match", "\"1\"");
        check(412, "PUT", put, scenario, JSON, "application/json", "Authorization", SIGNED, "If-Match", "\"1\"");
        check(409, "PUT", "/scenarios/gtc-2024-training", scenario, JSON, "application/json", "Authorization", SIGNED, "If-Match", "\"1\"");
        check(400, "PUT", put, "{\"name\":\"x\"}", JSON, "application/json", "Authorization", SIGNED);
        check(400, "PUT", put, scenario, JSON, "application/json", "Authorization", SIGNED, "If-Match", "soon");
        check(404, "PUT", put + "-2", "{\"name\":\"x\",\"kind\":\"training\",\"days\":1,\"options\":[{\"chipId\":\"nvidia-h900\",\"count\":1}]}",
                JSON, "application/json", "Authorization", SIGNED);
        check(422, "PUT", put + "-3", "{\"name\":\"x\",\"kind\":\"inference\",\"model\":{\"preset\":\"llama-3.1-8b\"},"
                + "\"options\":[{\"chipId\":\"google-tpu-v5e\"}]}", JSON, "application/json", "Authorization", SIGNED);
        check(413, "PUT", put, "{\"name\":\"" + "x".repeat(70_000) + "\"}", JSON, "application/json", "Authorization", SIGNED);
        check(415, "PUT", put, scenario, JSON, "text/plain", "Authorization", SIGNED);
        check(201, "PUT", put + "-claim", "{\"name\":\"claim\",\"kind\":\"inference\",\"precision\":\"fp8\",\"batchSize\":32,"
                + "\"model\":{\"parametersB\":70,\"bytesPerParameter\":1},\"options\":[{\"chipId\":\"nvidia-h100-sxm\"},"
                + "{\"chipId\":\"nvidia-gb200\"}],\"claim\":{\"claimId\":\"nvidia-gtc2024-gb200-nvl72-30x-inference\","
                + "\"subjectOption\":1,\"subjectPrecision\":\"fp4\",\"baselinePrecision\":\"fp8\"}}", JSON, "application/json",
                "Authorization", SIGNED);
        check(200, "GET", put + "-claim", null);
        check(200, "GET", put + "-claim/comparison", null);
    }

    void claimsAndBenchmarks() throws Exception {
        JsonNode claims = check(200, "GET", "/claims?limit=1", null).json();
        check(200, "GET", "/claims?limit=1&nextToken=" + claims.path("nextToken").asText(), null);
        for (JsonNode c : check(200, "GET", "/claims", null).json().path("items")) {
            check(200, "GET", "/claims/" + c.path("id").asText(), null);
        }
        check(400, "GET", "/claims?limit=-1", null);
        check(400, "GET", "/claims/Not%20A%20Claim", null);
        check(404, "GET", "/claims/no-such-claim", null);
        String token = null;
        do {
            JsonNode page = check(200, "GET", "/benchmarks?limit=100" + (token == null ? "" : "&nextToken=" + token), null).json();
            token = page.path("nextToken").isNull() ? null : page.path("nextToken").asText();
        } while (token != null);
        check(200, "GET", "/benchmarks?chipId=intel-gaudi2&scenario=server", null);
        check(400, "GET", "/benchmarks?scenario=Server&workload=1k/1k", null);
        check(200, "GET", "/benchmarks?model=llama-2-70b&scenario=Offline&limit=5", null);
        check(200, "GET", "/benchmarks?sourceKind=inferencex&workload=1k1k", null);
        Answer csvResults = check(200, "GET", "/benchmarks?chipId=nvidia-h100-sxm&limit=5&format=csv", null);
        assertTrue(csvResults.header("X-Next-Token") != null, "a CSV page of results names the next one");
        check(200, "GET", "/benchmarks?model=llama-2-70b", null, CSV, "text/csv");
        check(400, "GET", "/benchmarks?chipId=NVIDIA", null);
        check(200, "GET", "/benchmarks/mlperf-v5.1-nvidia-b200-sxm-180gbx8-trt-llama2-70b-99-offline", null);
        check(400, "GET", "/benchmarks/MLPerf%20B200", null);
        check(404, "GET", "/benchmarks/mlperf-v0.1-nothing", null);
        check(200, "GET", "/benchmarks/validation", null);
        check(400, "GET", "/benchmarks/validation?x=1", null);
    }

    void site() throws Exception {
        for (String page : List.of("/", "/index.html", "/favicon.svg", "/docs", "/docs/", "/docs/index.html", "/openapi.yaml",
                "/assets/" + Files.list(TestStack.ROOT.resolve("web/dist/assets")).findFirst().orElseThrow().getFileName())) {
            check(200, "GET", page, null);
            check(200, "HEAD", page, null);
            // only the file's own spelling is the file; a malformed request is the gateway's
            if (!page.equals("/")) {
                check(404, "GET", page.toUpperCase(Locale.ROOT), null);
                check(404, "HEAD", page.toUpperCase(Locale.ROOT), null);
            }
            checkRaw(400, "GET", page, "GET " + page + "?%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
            checkRaw(400, "HEAD", page, "HEAD " + page + "?%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
        try (Stream<java.nio.file.Path> assets = Files.list(TestStack.ROOT.resolve("web/dist/assets"))) {
            for (java.nio.file.Path asset : assets.sorted().toList()) {
                check(200, "GET", "/assets/" + asset.getFileName(), null);
                check(200, "HEAD", "/assets/" + asset.getFileName(), null);
            }
        }
        check(404, "GET", "/assets/no-such-file.js", null);
        check(404, "HEAD", "/assets/no-such-file.js", null);
        check(404, "GET", "/docs/no-such-file.html", null);
        for (String file : List.of("/favicon.svg", "/index.html", "/openapi.yaml", "/docs")) {
            check(404, "POST", file, "{}", JSON, "application/json");
        }
        check(404, "HEAD", "/docs/no-such-file.html", null);
    }

    void gateway() throws Exception {
        check(404, "GET", "/nope", null);
        check(404, "DELETE", "/chips/nvidia-b200", null);
        check(404, "HEAD", "/chips/nvidia-b200", null);
        check(404, "GET", "/chips/compare/too/deep", null);
        checkRaw(400, "GET", "/chips", "GET /chips?vendor=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        checkRaw(400, "POST", "/forecasts/calculate", "POST /forecasts/calculate HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n");
        checkRaw(400, "GET", "/nope", "GET /nope|x HTTP/1.1\r\nHost: localhost\r\n\r\n");
        // the gateway's 400 on every documented API operation (the site's files are not the gateway's)
        for (Map.Entry<String, PathItem> path : Contract.DOCUMENT.api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                if (op.getValue().getTags().contains("site")) {
                    continue;
                }
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "nvidia-h100-sxm");
                checkRaw(400, op.getKey().name(), concrete, op.getKey().name() + " " + concrete + "?q=%zz HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 0\r\n\r\n");
            }
        }
    }

    @Test
    void everyRouteOfTheTemplateHasItsOperation() {
        List<String> missing = new ArrayList<>();
        for (TemplateModel.Route route : TemplateTest.TEMPLATE.routes()) {
            if (!"$default".equals(route.path()) && Contract.DOCUMENT.operation(route.method(), route.path()) == null) {
                missing.add(route.routeKey());
            }
        }
        assertEquals(List.of(), missing, "routes of template.yaml with no operation in docs/openapi.yaml");
    }

    /** A store that refuses connections: every route that reads it answers the documented 503 (Retry-After included). */
    @Test
    void storeFailuresAreTheDocumented503() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Set<String> answered = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        Router router = new Router(TestStack.env().template().routes());
        try (DynamoDbClient down = StoreFaultTest.clientFor("http://127.0.0.1:" + port)) {
            Map<String, Object> handlers = new TreeMap<>();
            for (Map.Entry<String, PathItem> path : Contract.DOCUMENT.api.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                    if (!op.getValue().getResponses().containsKey("503")) {
                        continue;
                    }
                    String method = op.getKey().name();
                    String concrete = path.getKey().replaceAll("\\{[^}]+}", "gtc-2024-training");
                    Router.Match match = router.match(method, concrete);
                    Object handler = handlers.computeIfAbsent(match.route().functionId(), f -> TestStack.env().newHandler(f, down));
                    APIGatewayV2HTTPEvent event = TestStack.event("get-chip.json", match.route().routeKey(), match.pathParameters(),
                            storeQuery(path.getKey()), storeBody(method, path.getKey()));
                    if (method.equals("PUT")) {
                        event.setHeaders(Map.of("content-type", "application/json"));
                    }
                    APIGatewayV2HTTPResponse response = StoreFaultTest.invoke(handler, event, match.route().functionId());
                    List<String> problems = Contract.DOCUMENT.problems(method, concrete, response.getStatusCode(),
                            response.getHeaders(), response.getBody());
                    if (response.getStatusCode() != 503 || !problems.isEmpty()) {
                        failures.add(method + " " + concrete + " -> " + response.getStatusCode() + " " + problems + " " + cut(response.getBody()));
                    }
                    answered.add(method + " " + path.getKey());
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(answered.size() >= 15, "the routes that read the store: " + answered);
    }

    static Map<String, String> storeQuery(String path) {
        return switch (path) {
            case "/chips/compare" -> Map.of("ids", "nvidia-h100-sxm,amd-mi300x");
            case "/forecasts/consensus" -> Map.of("market", "ai-inference-chips");
            default -> null;
        };
    }

    static String storeBody(String method, String path) throws Exception {
        if (method.equals("PUT")) {
            return body("put-scenario.json");
        }
        return method.equals("POST") ? body("compare-training.json") : null;
    }
}
