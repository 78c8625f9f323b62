package chipcast.forecasts;

import chipcast.core.Environment;
import chipcast.core.forecast.CalculationRequest;
import chipcast.core.forecast.ConsensusReport;
import chipcast.core.forecast.ForecastCalculator;
import chipcast.core.forecast.ForecastCsv;
import chipcast.core.forecast.ForecastService;
import chipcast.core.forecast.MarketSummary;
import chipcast.core.http.ApiHandler;
import chipcast.core.http.ApiRequest;
import chipcast.core.http.ApiResponse;
import chipcast.core.http.JsonBody;
import chipcast.core.json.Bundled;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.Ids;
import chipcast.core.request.RequestException;
import chipcast.core.snapstart.Priming;
import chipcast.core.snapstart.PrimingEvents;
import chipcast.core.store.PageToken;
import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.core.store.dynamodb.DynamoForecastStore;
import chipcast.core.store.dynamodb.DynamoFxRateStore;
import chipcast.core.store.dynamodb.DynamoSeriesStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ForecastFunction: GET /forecasts, GET /forecasts/{forecastId}, GET /forecasts/consensus,
 * POST /forecasts/calculate, GET /markets and GET /fx-rates.
 */
public final class ForecastHandler extends ApiHandler {
    private static final Set<String> RANGE_PARAMS = Set.of("currency", "from", "to");

    private final ForecastService forecasts;

    public ForecastHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
        Priming.register(this, ForecastHandler::primingEvents);
    }

    public ForecastHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this.forecasts = new ForecastService(
                new DynamoForecastStore(dynamo, Environment.require(env, DynamoForecastStore.TABLE_ENV)),
                new DynamoFxRateStore(dynamo, Environment.require(env, DynamoFxRateStore.TABLE_ENV)),
                new DynamoSeriesStore(dynamo, Environment.require(env, DynamoSeriesStore.TABLE_ENV)),
                Bundled.lazy("markets.json", MarketSummary[].class)::get, new PageToken(Environment.require(env, "PAGE_TOKEN_SECRET")));
    }

    /** SnapStart: every route once before the snapshot, materialised and computed on request (reads only). */
    public static List<byte[]> primingEvents() {
        Map<String, String> vmr = Map.of("forecastId", "vmr-2024-inference-chips");
        return List.of(
                PrimingEvents.get("GET /forecasts", "/forecasts", Map.of()),
                PrimingEvents.get("GET /forecasts", "/forecasts", Map.of(), Map.of("market", "ai-inference-chips")),
                PrimingEvents.get("GET /forecasts/{forecastId}", "/forecasts/vmr-2024-inference-chips", vmr,
                        Map.of("currency", "KRW", "from", "2024")),
                PrimingEvents.get("GET /forecasts/{forecastId}", "/forecasts/vmr-2024-inference-chips", vmr,
                        Map.of("to", "2032")),
                PrimingEvents.get("GET /forecasts/consensus", "/forecasts/consensus", Map.of(),
                        Map.of("market", "ai-inference-chips", "from", "2025")),
                PrimingEvents.get("GET /forecasts/consensus", "/forecasts/consensus", Map.of(),
                        Map.of("market", "ai-semiconductors", "editions", "all")),
                PrimingEvents.get("GET /markets", "/markets", Map.of(), Map.of("limit", "2")),
                PrimingEvents.get("GET /fx-rates", "/fx-rates", Map.of(), Map.of("limit", "2")),
                PrimingEvents.get("GET /forecasts", "/forecasts", Map.of(), Map.of("format", "csv")),
                PrimingEvents.get("GET /forecasts/{forecastId}", "/forecasts/vmr-2024-inference-chips", vmr,
                        Map.of("currency", "KRW", "format", "csv")),
                PrimingEvents.get("GET /forecasts/consensus", "/forecasts/consensus", Map.of(),
                        Map.of("market", "ai-inference-chips", "format", "csv")),
                PrimingEvents.withBody("POST", "POST /forecasts/calculate", "/forecasts/calculate", Map.of(), Map.of(),
                        "{\"knownPoints\":[{\"year\":2023,\"value\":15.8},{\"year\":2030,\"value\":90.6}],\"statedCagrPercent\":28}"),
                PrimingEvents.withBody("POST", "POST /forecasts/calculate", "/forecasts/calculate", Map.of(), Map.of(),
                        "{\"baseYear\":2023,\"baseValue\":6,\"cagrPercent\":57.3,\"targetYear\":2030}"),
                PrimingEvents.withBody("POST", "POST /forecasts/calculate", "/forecasts/calculate", Map.of(), Map.of(),
                        "{\"knownPoints\":[{\"year\":2023,\"value\":15.8}],\"utilisation\":1}"));
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "GET /forecasts" -> list(request);
            case "GET /forecasts/consensus" -> consensus(request);
            case "GET /forecasts/{forecastId}" -> get(request);
            case "POST /forecasts/calculate" -> calculate(request);
            case "GET /markets" -> markets(request);
            case "GET /fx-rates" -> fxRates(request);
            default -> throw new RequestException(ErrorCode.ROUTE_NOT_FOUND, "no such route; see docs/openapi.yaml");
        };
    }

    private ApiResponse list(ApiRequest request) {
        request.allowOnlyQueryAndFormat(Set.of("market"));
        return ApiResponse.ok(request, forecasts.list(slug(request.query("market"), "market")), ForecastCsv::list);
    }

    private ApiResponse get(ApiRequest request) {
        request.allowOnlyQueryAndFormat(RANGE_PARAMS);
        String id = slug(request.pathParameter("forecastId"), "forecastId");
        String currency = currency(request);
        Integer from = year(request, "from");
        Integer to = year(request, "to");
        checkRange(from, to);
        return ApiResponse.ok(request, forecasts.get(id, currency, from, to), ForecastCsv::series);
    }

    private ApiResponse consensus(ApiRequest request) {
        request.allowOnlyQueryAndFormat(Set.of("market", "currency", "from", "to", "editions"));
        String market = slug(request.query("market"), "market");
        if (market == null) {
            throw RequestException.invalidParameter("market", "'market' is required, e.g. ai-inference-chips");
        }
        String currency = currency(request);
        Integer from = year(request, "from");
        Integer to = year(request, "to");
        checkRange(from, to);
        String editions = request.query("editions");
        if (editions != null && !ConsensusReport.LATEST.equals(editions) && !ConsensusReport.ALL.equals(editions)) {
            throw RequestException.invalidParameter("editions", "'editions' must be latest (the default: the latest edition"
                    + " of each publisher's series) or all");
        }
        return ApiResponse.ok(request, forecasts.consensus(market, currency, from, to, ConsensusReport.ALL.equals(editions)),
                ForecastCsv::consensus);
    }

    private ApiResponse markets(ApiRequest request) {
        request.allowOnlyQuery(Set.of("limit", "nextToken"));
        return ApiResponse.ok(forecasts.markets(request.queryInt("limit", 1, 100, 50), request.query("nextToken")));
    }

    private ApiResponse fxRates(ApiRequest request) {
        request.allowOnlyQuery(Set.of("limit", "nextToken"));
        return ApiResponse.ok(forecasts.fxRates(request.queryInt("limit", 1, 100, 50), request.query("nextToken")));
    }

    private ApiResponse calculate(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        return ApiResponse.ok(forecasts.calculate(JsonBody.read(request, CalculationRequest.class)));
    }

    private static String currency(ApiRequest request) {
        String raw = request.query("currency");
        if (raw == null) {
            return "USD";
        }
        String currency = raw.trim().toUpperCase(Locale.ROOT);
        List<String> supported = ForecastService.currencies();
        if (!supported.contains(currency)) {
            throw RequestException.invalidParameter("currency", "'currency' must be one of " + String.join(", ", supported));
        }
        return currency;
    }

    private static Integer year(ApiRequest request, String name) {
        if (!request.hasQuery(name)) {
            return null;
        }
        return request.queryInt(name, ForecastCalculator.MIN_YEAR, ForecastCalculator.MAX_YEAR, 0);
    }

    private static void checkRange(Integer from, Integer to) {
        if (from != null && to != null && from > to) {
            throw RequestException.invalidParameter("from", "'from' (" + from + ") must not be after 'to' (" + to + ")");
        }
    }

    private static String slug(String raw, String parameter) {
        if (raw == null) {
            return null;
        }
        return Ids.requireSlug(raw, parameter, "market".equals(parameter) ? "ai-inference-chips" : "vmr-2024-inference-chips");
    }
}
