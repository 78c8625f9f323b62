package chipcast.chips;

import chipcast.core.Environment;
import chipcast.core.chip.ChipCsv;
import chipcast.core.chip.ChipQuery;
import chipcast.core.chip.ChipService;
import chipcast.core.chip.Vendor;
import chipcast.core.http.ApiHandler;
import chipcast.core.http.ApiRequest;
import chipcast.core.http.ApiResponse;
import chipcast.core.json.Bundled;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.Ids;
import chipcast.core.request.RequestException;
import chipcast.core.snapstart.Priming;
import chipcast.core.snapstart.PrimingEvents;
import chipcast.core.store.PageToken;
import chipcast.core.store.dynamodb.DynamoChipStore;
import chipcast.core.store.dynamodb.DynamoClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** ChipSpecFunction: GET /chips, GET /chips/{chipId}, GET /chips/compare, GET /vendors and the $default route. */
public final class ChipSpecHandler extends ApiHandler {
    private static final Set<String> WORKLOADS = Set.of("training", "inference", "both");

    private final ChipService chips;

    /** The Lambda runtime's constructor: collaborators from the function's environment, built once per container. */
    public ChipSpecHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
        Priming.register(this, ChipSpecHandler::primingEvents);
    }

    /** Tests and the local server pass a client pointed at dynalite and the template's environment. */
    public ChipSpecHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this.chips = new ChipService(new DynamoChipStore(dynamo, Environment.require(env, DynamoChipStore.TABLE_ENV)),
                Bundled.lazy("vendors.json", Vendor[].class)::get, new PageToken(Environment.require(env, "PAGE_TOKEN_SECRET")));
    }

    /** SnapStart: every route once before the snapshot, its answers and its errors (reads only). */
    public static List<byte[]> primingEvents() {
        return List.of(
                PrimingEvents.get("GET /chips/{chipId}", "/chips/nvidia-h100-sxm", Map.of("chipId", "nvidia-h100-sxm")),
                PrimingEvents.get("GET /chips/{chipId}", "/chips/nvidia-h900", Map.of("chipId", "nvidia-h900")),
                PrimingEvents.get("GET /chips", "/chips", Map.of(), Map.of("limit", "2")),
                PrimingEvents.get("GET /chips", "/chips", Map.of(),
                        Map.of("vendor", "nvidia", "workload", "both", "minMemoryGB", "100", "nextToken", "not.ours")),
                PrimingEvents.get("GET /chips/compare", "/chips/compare", Map.of(),
                        Map.of("ids", "nvidia-h100-sxm,nvidia-b200,amd-mi300x,furiosa-rngd")),
                PrimingEvents.get("GET /chips", "/chips", Map.of(), Map.of("limit", "2", "format", "csv")),
                PrimingEvents.get("GET /chips/compare", "/chips/compare", Map.of(),
                        Map.of("ids", "nvidia-h100-sxm,amd-mi300x", "format", "csv")),
                PrimingEvents.get("GET /vendors", "/vendors", Map.of(), Map.of("limit", "2")),
                PrimingEvents.get("$default", "/chip", Map.of()));
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "GET /chips" -> list(request);
            case "GET /chips/compare" -> compare(request);
            case "GET /chips/{chipId}" -> get(request);
            case "GET /vendors" -> vendors(request);
            default -> throw new RequestException(ErrorCode.ROUTE_NOT_FOUND, "no such route; see docs/openapi.yaml");
        };
    }

    private ApiResponse get(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        return ApiResponse.ok(chips.get(chipId(request.pathParameter("chipId"), "chipId")));
    }

    private ApiResponse list(ApiRequest request) {
        request.allowOnlyQueryAndFormat(Set.of("vendor", "workload", "minMemoryGB", "limit", "nextToken"));
        String vendor = request.query("vendor");
        if (vendor != null) {
            vendor = vendor.trim().toLowerCase(Locale.ROOT);
            if (!Ids.isSlug(vendor)) {
                throw RequestException.invalidParameter("vendor", "'vendor' must be a vendor key such as nvidia, amd, google, aws, furiosa");
            }
        }
        String workload = request.query("workload");
        if (workload != null && !WORKLOADS.contains(workload)) {
            throw RequestException.invalidParameter("workload", "'workload' must be one of training, inference, both");
        }
        Double minMemory = request.queryDouble("minMemoryGB", 0, 1_000_000);
        int limit = request.queryInt("limit", 1, 100, 20);
        return ApiResponse.ok(request, chips.list(new ChipQuery(vendor, workload, minMemory), limit, request.query("nextToken")),
                ChipCsv::page);
    }

    private ApiResponse vendors(ApiRequest request) {
        request.allowOnlyQuery(Set.of("limit", "nextToken"));
        return ApiResponse.ok(chips.vendors(request.queryInt("limit", 1, 100, 50), request.query("nextToken")));
    }

    private ApiResponse compare(ApiRequest request) {
        request.allowOnlyQueryAndFormat(Set.of("ids"));
        String raw = request.query("ids");
        if (raw == null) {
            throw RequestException.invalidParameter("ids", "'ids' is required: 2 to 10 chip ids separated by commas");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : raw.split(",", -1)) {
            String id = chipId(part.trim(), "ids");
            if (!ids.add(id)) {
                throw RequestException.invalidParameter("ids", "'ids' names " + id + " twice");
            }
            if (ids.size() > 10) {
                break;
            }
        }
        if (ids.size() < 2 || ids.size() > 10) {
            throw RequestException.invalidParameter("ids", "'ids' must name 2 to 10 distinct chips");
        }
        return ApiResponse.ok(request, chips.compare(List.copyOf(ids)), ChipCsv::comparison);
    }

    private static String chipId(String raw, String parameter) {
        return Ids.requireSlug(raw, parameter, "nvidia-h100-sxm");
    }
}
