package chipcast.chips;

import chipcast.core.chip.Chip;
import chipcast.core.chip.ChipComparison;
import chipcast.core.chip.ChipMetrics;
import chipcast.core.chip.ChipQuery;
import chipcast.core.chip.ChipRepository;
import chipcast.core.http.ApiException;
import chipcast.core.http.ApiHandler;
import chipcast.core.http.ApiRequest;
import chipcast.core.http.ApiResponse;
import chipcast.core.http.ErrorCode;
import chipcast.core.http.Ids;
import chipcast.core.http.Text;
import chipcast.core.json.Json;
import chipcast.core.snapstart.Priming;
import chipcast.core.store.DynamoClients;
import chipcast.core.store.Environment;
import chipcast.core.store.PageToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** ChipSpecFunction: GET /chips, GET /chips/{chipId}, GET /chips/compare. */
public final class ChipSpecHandler extends ApiHandler {
    private static final Set<String> WORKLOADS = Set.of("training", "inference", "both");

    private final ChipRepository chips;
    private final PageToken pageTokens;

    /** The Lambda runtime's constructor: collaborators from the function's environment, built once per container. */
    public ChipSpecHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
        // SnapStart: one chip lookup before the snapshot (see Priming).
        Priming.register(this, () -> Priming.apiGet("GET /chips/{chipId}", "/chips/nvidia-h100-sxm",
                Map.of("chipId", "nvidia-h100-sxm")));
    }

    /** Tests and the local server pass a client pointed at dynalite and the template's environment. */
    public ChipSpecHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this.chips = new ChipRepository(dynamo, Environment.require(env, ChipRepository.TABLE_ENV));
        this.pageTokens = new PageToken(Environment.require(env, "PAGE_TOKEN_SECRET"));
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "GET /chips" -> list(request);
            case "GET /chips/compare" -> compare(request);
            case "GET /chips/{chipId}" -> get(request);
            default -> throw new ApiException(ErrorCode.ROUTE_NOT_FOUND, "no such route; see docs/openapi.yaml");
        };
    }

    private ApiResponse get(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        String id = chipId(request.pathParameter("chipId"), "chipId");
        Chip chip = chips.find(id).orElseThrow(() -> notFound(List.of(id)));
        return ApiResponse.ok(view(chip));
    }

    private ApiResponse list(ApiRequest request) {
        request.allowOnlyQuery(Set.of("vendor", "workload", "minMemoryGB", "limit", "nextToken"));
        String vendor = request.query("vendor");
        if (vendor != null) {
            vendor = vendor.trim().toLowerCase(Locale.ROOT);
            if (!Ids.isSlug(vendor)) {
                throw ApiException.invalidParameter("vendor", "'vendor' must be a vendor key such as nvidia, amd, google, aws, furiosa");
            }
        }
        String workload = request.query("workload");
        if (workload != null && !WORKLOADS.contains(workload)) {
            throw ApiException.invalidParameter("workload", "'workload' must be one of training, inference, both");
        }
        Double minMemory = request.queryDouble("minMemoryGB", 0, 1_000_000);
        int limit = request.queryInt("limit", 1, 100, 20);
        ChipQuery query = new ChipQuery(vendor, workload, minMemory);
        String token = request.query("nextToken");
        Map<String, String> start = token == null ? null : pageTokens.decode(query.scope(), token);
        ChipRepository.Page page = chips.list(query, limit, start);
        List<Object> items = new ArrayList<>();
        for (Chip chip : page.items()) {
            items.add(view(chip));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextToken", page.lastKey() == null ? null : pageTokens.encode(query.scope(), page.lastKey()));
        return ApiResponse.ok(body);
    }

    private ApiResponse compare(ApiRequest request) {
        request.allowOnlyQuery(Set.of("ids"));
        String raw = request.query("ids");
        if (raw == null) {
            throw ApiException.invalidParameter("ids", "'ids' is required: 2 to 10 chip ids separated by commas");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : raw.split(",", -1)) {
            String id = chipId(part.trim(), "ids");
            if (!ids.add(id)) {
                throw ApiException.invalidParameter("ids", "'ids' names " + id + " twice");
            }
            if (ids.size() > 10) {
                break;
            }
        }
        if (ids.size() < 2 || ids.size() > 10) {
            throw ApiException.invalidParameter("ids", "'ids' must name 2 to 10 distinct chips");
        }
        List<String> ordered = List.copyOf(ids);
        Map<String, Chip> found = chips.findAll(ordered);
        List<String> missing = ordered.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw notFound(missing);
        }
        return ApiResponse.ok(ChipComparison.compare(ordered.stream().map(found::get).toList()));
    }

    /** The chip as stored plus the figures derived from it. */
    static Object view(Chip chip) {
        ObjectNode node = (ObjectNode) Json.toTree(chip);
        node.set("derived", Json.toTree(ChipMetrics.derive(chip)));
        return node;
    }

    private static String chipId(String raw, String parameter) {
        return Ids.requireSlug(raw, parameter, "nvidia-h100-sxm");
    }

    private static ApiException notFound(List<String> ids) {
        return new ApiException(ErrorCode.CHIP_NOT_FOUND, "no chip with id " + Text.quoteList(ids)
                + "; GET /chips lists the known ids");
    }
}
