package chipcast.benchmarks;

import chipcast.core.Environment;
import chipcast.core.benchmark.Benchmark;
import chipcast.core.benchmark.BenchmarkCsv;
import chipcast.core.benchmark.BenchmarkQuery;
import chipcast.core.benchmark.BenchmarkService;
import chipcast.core.bundled.BundledReference;
import chipcast.core.http.ApiHandler;
import chipcast.core.http.ApiRequest;
import chipcast.core.http.ApiResponse;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.Ids;
import chipcast.core.request.RequestException;
import chipcast.core.request.Text;
import chipcast.core.scenario.ValidationService;
import chipcast.core.snapstart.Priming;
import chipcast.core.snapstart.PrimingEvents;
import chipcast.core.store.PageToken;
import chipcast.core.store.dynamodb.DynamoBenchmarkStore;
import chipcast.core.store.dynamodb.DynamoChipStore;
import chipcast.core.store.dynamodb.DynamoClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** BenchmarkFunction: GET /benchmarks, GET /benchmarks/{benchmarkId}, GET /benchmarks/validation. */
public final class BenchmarkHandler extends ApiHandler {
    /** Result ids and model ids: lowercase words joined by hyphens or dots ("llama-3.1-405b"). */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    static final int MAX_ID = 128;
    static final Set<String> SCENARIOS = Set.of("offline", "server", "interactive");
    static final Set<String> SOURCES = Set.of(Benchmark.MLPERF, Benchmark.INFERENCEX);
    /** "1k1k", "1k/1k", "8k1k", "1024/1024": prompt and generated lengths, as InferenceX names its workloads. */
    static final Pattern WORKLOAD = Pattern.compile("([0-9]{1,7}k?)/?([0-9]{1,7}k?)");

    private final BenchmarkService benchmarks;
    private final ValidationService validation;

    public BenchmarkHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
        Priming.register(this, BenchmarkHandler::primingEvents);
    }

    public BenchmarkHandler(DynamoDbClient dynamo, Map<String, String> env) {
        DynamoBenchmarkStore store = new DynamoBenchmarkStore(dynamo, Environment.require(env,
                DynamoBenchmarkStore.TABLE_ENV));
        this.benchmarks = new BenchmarkService(store, new PageToken(Environment.require(env, "PAGE_TOKEN_SECRET")));
        this.validation = new ValidationService(store, new DynamoChipStore(dynamo, Environment.require(env,
                DynamoChipStore.TABLE_ENV)), BundledReference.INSTANCE);
    }

    /** SnapStart: every route once before the snapshot, its answers and its errors (reads only). */
    public static List<byte[]> primingEvents() {
        String id = "mlperf-v5.1-nvidia-b200-sxm-180gbx8-trt-llama2-70b-99-offline";
        return List.of(
                PrimingEvents.get("GET /benchmarks/{benchmarkId}", "/benchmarks/" + id, Map.of("benchmarkId", id)),
                PrimingEvents.get("GET /benchmarks/{benchmarkId}", "/benchmarks/no-such-result",
                        Map.of("benchmarkId", "no-such-result")),
                PrimingEvents.get("GET /benchmarks", "/benchmarks", Map.of(), Map.of("limit", "2")),
                PrimingEvents.get("GET /benchmarks", "/benchmarks", Map.of(), Map.of("chipId", "nvidia-h100-sxm",
                        "model", "llama-2-70b", "scenario", "Offline", "sourceKind", "mlperf-inference")),
                PrimingEvents.get("GET /benchmarks", "/benchmarks", Map.of(), Map.of("workload", "1k/1k",
                        "nextToken", "not.ours")),
                PrimingEvents.get("GET /benchmarks", "/benchmarks", Map.of(), Map.of("chipId", "nvidia-b200",
                        "limit", "2", "format", "csv")),
                PrimingEvents.get("GET /benchmarks/validation", "/benchmarks/validation", Map.of()));
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "GET /benchmarks" -> list(request);
            case "GET /benchmarks/validation" -> validation(request);
            case "GET /benchmarks/{benchmarkId}" -> get(request);
            default -> throw new RequestException(ErrorCode.ROUTE_NOT_FOUND, "no such route; see docs/openapi.yaml");
        };
    }

    private ApiResponse get(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        return ApiResponse.ok(benchmarks.get(id(request.pathParameter("benchmarkId"), "benchmarkId",
                "mlperf-v5.1-nvidia-b200-sxm-180gbx8-trt-llama2-70b-99-offline")));
    }

    private ApiResponse validation(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        return ApiResponse.ok(validation.report());
    }

    private ApiResponse list(ApiRequest request) {
        request.allowOnlyQueryAndFormat(Set.of("chipId", "model", "scenario", "workload", "sourceKind", "limit",
                "nextToken"));
        String chipId = request.query("chipId") == null ? null
                : Ids.requireSlug(request.query("chipId"), "chipId", "nvidia-h100-sxm");
        String model = request.query("model") == null ? null : id(request.query("model"), "model", "llama-2-70b");
        String scenario = request.query("scenario");
        String workload = request.query("workload");
        if (scenario != null && workload != null) {
            throw RequestException.invalidParameter("workload", "give 'scenario' (an MLPerf scenario) or 'workload'"
                    + " (prompt/generated lengths), not both");
        }
        String key = null;
        if (scenario != null) {
            key = scenario.trim().toLowerCase(Locale.ROOT);
            if (!SCENARIOS.contains(key)) {
                throw RequestException.invalidParameter("scenario", "'scenario' must be one of Offline, Server,"
                        + " Interactive");
            }
        } else if (workload != null) {
            key = workloadKey(workload);
        }
        String source = request.query("sourceKind");
        if (source != null && !SOURCES.contains(source)) {
            throw RequestException.invalidParameter("sourceKind", "'sourceKind' must be one of mlperf-inference,"
                    + " inferencex");
        }
        int limit = request.queryInt("limit", 1, 100, 20);
        return ApiResponse.ok(request, benchmarks.list(new BenchmarkQuery(chipId, model, key, source), limit,
                request.query("nextToken")), BenchmarkCsv::page);
    }

    /** A workload as the index keys it: "1k/1k" and "1024/1024" both become "1k1k". */
    static String workloadKey(String raw) {
        Matcher m = WORKLOAD.matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw RequestException.invalidParameter("workload", "'workload' must be prompt/generated lengths such as"
                    + " 1k/1k, 8k/1k or 1024/1024");
        }
        return length(m.group(1)) + length(m.group(2));
    }

    private static String length(String part) {
        long tokens = part.endsWith("k") ? Long.parseLong(part.substring(0, part.length() - 1)) * 1024
                : Long.parseLong(part);
        return tokens >= 1024 && tokens % 1024 == 0 ? tokens / 1024 + "k" : Long.toString(tokens);
    }

    private static String id(String raw, String parameter, String example) {
        if (raw == null || raw.length() > MAX_ID || !ID.matcher(raw).matches()) {
            throw RequestException.invalidParameter(parameter, "'" + Text.printable(raw) + "' is not a valid "
                    + parameter + ": lowercase words joined by hyphens or dots, such as " + example);
        }
        return raw;
    }
}
