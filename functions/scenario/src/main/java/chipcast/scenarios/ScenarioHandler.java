package chipcast.scenarios;

import chipcast.core.Environment;
import chipcast.core.bundled.BundledReference;
import chipcast.core.http.ApiHandler;
import chipcast.core.http.ApiRequest;
import chipcast.core.http.ApiResponse;
import chipcast.core.http.JsonBody;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.Ids;
import chipcast.core.request.RequestException;
import chipcast.core.request.Text;
import chipcast.core.scenario.ClaimService;
import chipcast.core.scenario.CompareRequest;
import chipcast.core.scenario.ScenarioCsv;
import chipcast.core.scenario.ScenarioMeta;
import chipcast.core.scenario.ScenarioService;
import chipcast.core.scenario.StoredScenario;
import chipcast.core.snapstart.Priming;
import chipcast.core.snapstart.PrimingEvents;
import chipcast.core.store.PageToken;
import chipcast.core.store.dynamodb.DynamoBenchmarkStore;
import chipcast.core.store.dynamodb.DynamoChipStore;
import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.core.store.dynamodb.DynamoForecastStore;
import chipcast.core.store.dynamodb.DynamoFxRateStore;
import chipcast.core.store.dynamodb.DynamoScenarioStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ScenarioFunction: POST /scenarios/compare, GET /scenarios, GET /scenarios/{scenarioId},
 * GET /scenarios/{scenarioId}/comparison, PUT /scenarios/{scenarioId}, GET /claims, GET /claims/{claimId}.
 */
public final class ScenarioHandler extends ApiHandler {
    /** Claim ids are slugs that may hold a dot inside a word ("gpt-moe-1.8t"). */
    private static final Pattern CLAIM_ID = Pattern.compile("[a-z0-9]+(?:[-.][a-z0-9]+)*");

    private final ScenarioService scenarios;
    private final ClaimService claims;

    public ScenarioHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
        Priming.register(this, ScenarioHandler::primingEvents);
        Priming.register(savePathPriming(), Priming.ROUNDS);
    }

    public ScenarioHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this.scenarios = new ScenarioService(
                new DynamoChipStore(dynamo, Environment.require(env, DynamoChipStore.TABLE_ENV)),
                new DynamoForecastStore(dynamo, Environment.require(env, DynamoForecastStore.TABLE_ENV)),
                new DynamoFxRateStore(dynamo, Environment.require(env, DynamoFxRateStore.TABLE_ENV)),
                new DynamoScenarioStore(dynamo, Environment.require(env, DynamoScenarioStore.TABLE_ENV)),
                BundledClaims.INSTANCE, BundledReference.INSTANCE,
                new DynamoBenchmarkStore(dynamo, Environment.require(env, DynamoBenchmarkStore.TABLE_ENV)),
                new PageToken(Environment.require(env, "PAGE_TOKEN_SECRET")), Clock.systemUTC());
        this.claims = new ClaimService(BundledClaims.INSTANCE, new PageToken(Environment.require(env, "PAGE_TOKEN_SECRET")));
    }

    /**
     * SnapStart: every route once before the snapshot. The PUT goes to a seeded scenario with its version, which
     * is read-only: the whole save path runs (binding, checks, the comparison, the read) and nothing is written.
     */
    public static List<byte[]> primingEvents() {
        String training = "{\"kind\":\"training\",\"precision\":\"bf16\",\"days\":90,\"options\":["
                + "{\"name\":\"H100\",\"chipId\":\"nvidia-h100-sxm\",\"count\":8000},{\"chipId\":\"nvidia-b200\",\"count\":2000}]}";
        String inference = "{\"kind\":\"inference\",\"precision\":\"fp8\",\"batchSize\":32,\"targetTokensPerSecond\":100000,"
                + "\"model\":{\"parametersB\":1800,\"activeParametersB\":280,\"bytesPerParameter\":1},"
                + "\"options\":[{\"chipId\":\"nvidia-h100-sxm\"},{\"chipId\":\"nvidia-gb200\"}]}";
        String preset = "{\"kind\":\"inference\",\"model\":{\"preset\":\"llama-3.1-70b\"},\"workload\":{\"preset\":"
                + "\"1k/1k\"},\"targetTokensPerSecondPerUser\":30,\"options\":[{\"chipId\":\"nvidia-h100-sxm\","
                + "\"chipsPerReplica\":8},{\"chipId\":\"nvidia-b200\",\"precision\":\"fp4\"}]}";
        String market = "{\"kind\":\"market\",\"forecastIds\":[\"vmr-2024-inference-chips\",\"kb-2024-inference-chips\"],"
                + "\"currency\":\"KRW\",\"from\":2023,\"to\":2031}";
        String save = "{\"name\":\"priming\",\"description\":\"read-only\",\"claim\":{\"claimId\":"
                + "\"nvidia-gtc2024-gpt-moe-1.8t-training-2000-vs-8000\",\"subjectOption\":1,\"baselineDays\":90},"
                + training.substring(1);
        Map<String, String> seeded = Map.of("scenarioId", "gtc-2024-training");
        return List.of(
                PrimingEvents.withBody("POST", "POST /scenarios/compare", "/scenarios/compare", Map.of(), Map.of(), training),
                PrimingEvents.withBody("POST", "POST /scenarios/compare", "/scenarios/compare", Map.of(), Map.of(), inference),
                PrimingEvents.withBody("POST", "POST /scenarios/compare", "/scenarios/compare", Map.of(), Map.of(), preset),
                PrimingEvents.withBody("POST", "POST /scenarios/compare", "/scenarios/compare", Map.of(), Map.of(), market),
                PrimingEvents.withBody("POST", "POST /scenarios/compare", "/scenarios/compare", Map.of(), Map.of(),
                        "{\"kind\":\"training\",\"utilisation\":0.5}"),
                PrimingEvents.withBody("POST", "POST /scenarios/compare", "/scenarios/compare", Map.of(),
                        Map.of("accept", "text/csv"), inference),
                PrimingEvents.get("GET /scenarios", "/scenarios", Map.of(), Map.of("limit", "2")),
                PrimingEvents.get("GET /scenarios/{scenarioId}", "/scenarios/gtc-2024-training", seeded),
                PrimingEvents.get("GET /scenarios/{scenarioId}/comparison", "/scenarios/gtc-2024-training/comparison", seeded),
                PrimingEvents.get("GET /scenarios/{scenarioId}/comparison", "/scenarios/gtc-2024-inference-30x/comparison",
                        Map.of("scenarioId", "gtc-2024-inference-30x")),
                PrimingEvents.get("GET /scenarios/{scenarioId}/comparison", "/scenarios/gtc-2024-training/comparison",
                        seeded, Map.of("format", "csv")),
                PrimingEvents.get("GET /scenarios/{scenarioId}/comparison", "/scenarios/vmr-vs-kb-2030/comparison",
                        Map.of("scenarioId", "vmr-vs-kb-2030"), Map.of("format", "csv")),
                PrimingEvents.withBody("PUT", "PUT /scenarios/{scenarioId}", "/scenarios/gtc-2024-training", seeded,
                        Map.of("if-match", "\"1\""), save),
                PrimingEvents.get("GET /claims", "/claims", Map.of(), Map.of("limit", "2")),
                PrimingEvents.get("GET /claims/{claimId}", "/claims/nvidia-gtc2024-gb200-nvl72-30x-inference",
                        Map.of("claimId", "nvidia-gtc2024-gb200-nvl72-30x-inference")));
    }

    /** SnapStart: the PUT's conditional write, with a condition that cannot hold (see ScenarioService.primeSavePath). */
    public Priming.RequestPath savePathPriming() {
        return () -> scenarios.primeSavePath("gtc-2024-training");
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "POST /scenarios/compare" -> compare(request);
            case "GET /scenarios" -> list(request);
            case "GET /scenarios/{scenarioId}" -> get(request);
            case "GET /scenarios/{scenarioId}/comparison" -> comparison(request);
            case "PUT /scenarios/{scenarioId}" -> put(request);
            case "GET /claims" -> listClaims(request);
            case "GET /claims/{claimId}" -> getClaim(request);
            default -> throw new RequestException(ErrorCode.ROUTE_NOT_FOUND, "no such route; see docs/openapi.yaml");
        };
    }

    private ApiResponse compare(ApiRequest request) {
        request.allowOnlyQueryAndFormat(Set.of());
        return ApiResponse.ok(request, scenarios.compare(JsonBody.read(request, CompareRequest.class)), ScenarioCsv::of);
    }

    private ApiResponse list(ApiRequest request) {
        request.allowOnlyQuery(Set.of("limit", "nextToken"));
        return ApiResponse.ok(scenarios.list(request.queryInt("limit", 1, 100, 50), request.query("nextToken")));
    }

    private ApiResponse get(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        StoredScenario s = scenarios.get(scenarioId(request, "gtc-2024-training"));
        return ApiResponse.ok(s).withHeader("ETag", etag(s.version()));
    }

    private ApiResponse comparison(ApiRequest request) {
        request.allowOnlyQueryAndFormat(Set.of());
        var comparison = scenarios.comparison(scenarioId(request, "gtc-2024-training"));
        return ApiResponse.ok(request, comparison, ScenarioCsv::stored)
                .withHeader("ETag", etag(comparison.scenario().version()));
    }

    private ApiResponse put(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        String id = scenarioId(request, "my-h200-cluster");
        Long ifMatch = ifMatch(request.header("if-match"));
        CompareRequest body = JsonBody.read(request, CompareRequest.class, ScenarioMeta.FIELDS);
        ScenarioMeta meta = JsonBody.readPart(request, ScenarioMeta.class);
        ScenarioService.Saved saved = scenarios.save(id, ifMatch, meta, body);
        ApiResponse response = ApiResponse.json(saved.created() ? 201 : 200, saved.scenario())
                .withHeader("ETag", etag(saved.scenario().version()));
        return saved.created() ? response.withHeader("Location", "/scenarios/" + id) : response;
    }

    private ApiResponse listClaims(ApiRequest request) {
        request.allowOnlyQuery(Set.of("limit", "nextToken"));
        return ApiResponse.ok(claims.list(request.queryInt("limit", 1, 100, 50), request.query("nextToken")));
    }

    private ApiResponse getClaim(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        String id = request.pathParameter("claimId");
        if (id == null || id.length() > Ids.MAX_LENGTH || !CLAIM_ID.matcher(id).matches()) {
            throw RequestException.invalidParameter("claimId", "'" + Text.printable(id) + "' is not a valid claimId:"
                    + " lowercase words joined by hyphens, such as nvidia-gtc2024-gb200-nvl72-30x-inference");
        }
        return ApiResponse.ok(claims.get(id));
    }

    private static String scenarioId(ApiRequest request, String example) {
        return Ids.requireSlug(request.pathParameter("scenarioId"), "scenarioId", example);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** If-Match as a version: 3, "3" or W/"3"; anything else is a 400, not a silent overwrite. */
    static Long ifMatch(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (!v.matches("[0-9]{1,18}")) {
            throw RequestException.invalidParameter("If-Match", "If-Match must be the scenario's version as its ETag"
                    + " gives it, e.g. \"3\"");
        }
        return Long.parseLong(v);
    }
}
