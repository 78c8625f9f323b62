package chipcast.forecasts;

import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastCalculation;
import chipcast.core.forecast.ForecastCalculator;
import chipcast.core.forecast.ForecastInputException;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRate;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.forecast.KnownPoint;
import chipcast.core.http.ApiException;
import chipcast.core.http.ApiHandler;
import chipcast.core.http.ApiRequest;
import chipcast.core.http.ApiResponse;
import chipcast.core.http.ErrorCode;
import chipcast.core.http.Ids;
import chipcast.core.http.JsonBody;
import chipcast.core.json.Json;
import chipcast.core.snapstart.Priming;
import chipcast.core.series.SeriesRepository;
import chipcast.core.store.DynamoClients;
import chipcast.core.store.Environment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * ForecastFunction: GET /forecasts, GET /forecasts/{forecastId}, GET /forecasts/consensus and
 * POST /forecasts/calculate. GETs read the series the recalculation materialised (one GetItem) and
 * compute on the fly, saying so, when nothing is materialised or the range asks for extrapolation.
 */
public final class ForecastHandler extends ApiHandler {
    private static final Set<String> RANGE_PARAMS = Set.of("currency", "from", "to");

    private final ForecastRepository forecasts;
    private final FxRateRepository fxRates;
    private final SeriesRepository series;

    public ForecastHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
        // SnapStart: one materialised forecast read before the snapshot (see Priming).
        Priming.register(this, () -> Priming.apiGet("GET /forecasts/{forecastId}", "/forecasts/vmr-2024-inference-chips",
                Map.of("forecastId", "vmr-2024-inference-chips")));
    }

    public ForecastHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this.forecasts = new ForecastRepository(dynamo, Environment.require(env, ForecastRepository.TABLE_ENV));
        this.fxRates = new FxRateRepository(dynamo, Environment.require(env, FxRateRepository.TABLE_ENV));
        this.series = new SeriesRepository(dynamo, Environment.require(env, SeriesRepository.TABLE_ENV));
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "GET /forecasts" -> list(request);
            case "GET /forecasts/consensus" -> consensus(request);
            case "GET /forecasts/{forecastId}" -> get(request);
            case "POST /forecasts/calculate" -> calculate(request);
            default -> throw new ApiException(ErrorCode.ROUTE_NOT_FOUND, "no such route; see docs/openapi.yaml");
        };
    }

    private ApiResponse list(ApiRequest request) {
        request.allowOnlyQuery(Set.of("market"));
        String market = slug(request.query("market"), "market");
        List<Forecast> found = market == null ? forecasts.all() : forecasts.byMarket(market);
        List<Object> items = new ArrayList<>();
        for (Forecast f : found) {
            items.add(ForecastReports.summary(f));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("count", items.size());
        return ApiResponse.ok(body);
    }

    private ApiResponse get(ApiRequest request) {
        request.allowOnlyQuery(RANGE_PARAMS);
        String id = slug(request.pathParameter("forecastId"), "forecastId");
        String currency = currency(request);
        Integer from = year(request, "from");
        Integer to = year(request, "to");
        checkRange(from, to);
        Optional<SeriesRepository.Series> stored = series.find(SeriesRepository.forecastId(id, currency));
        String reason = "no materialised series yet (the scheduled recalculation has not run): computed on request";
        if (stored.isPresent()) {
            ObjectNode doc = (ObjectNode) readStored(stored.get().doc());
            ArrayNode known = (ArrayNode) doc.path("knownPoints");
            int first = known.get(0).path("year").asInt();
            int last = known.get(known.size() - 1).path("year").asInt();
            if ((from == null || from >= first) && (to == null || to <= last)) {
                sliceYears((ArrayNode) doc.path("series"), from, to);
                doc.set("materialised", Json.toTree(provenance(stored.get())));
                doc.putNull("computedOnTheFly");
                return ApiResponse.ok(doc);
            }
            reason = "the range asked for goes past the known points (" + first + "-" + last
                    + "): extrapolated on request at the implied CAGR";
        }
        Forecast forecast = forecasts.find(id).orElseThrow(() -> new ApiException(ErrorCode.FORECAST_NOT_FOUND,
                "no forecast with id '" + id + "'; GET /forecasts lists them"));
        List<FxRate> rates = currency.equals(forecast.currency()) ? List.of() : fxRates.all();
        Map<String, Object> doc = onRequest(() -> ForecastReports.forecast(forecast, rates, currency, from, to));
        doc.put("materialised", null);
        doc.put("computedOnTheFly", reason);
        return ApiResponse.ok(doc);
    }

    private ApiResponse consensus(ApiRequest request) {
        request.allowOnlyQuery(Set.of("market", "currency", "from", "to"));
        String market = slug(request.query("market"), "market");
        if (market == null) {
            throw ApiException.invalidParameter("market", "'market' is required, e.g. ai-inference-chips");
        }
        String currency = currency(request);
        Integer from = year(request, "from");
        Integer to = year(request, "to");
        checkRange(from, to);
        Optional<SeriesRepository.Series> stored = series.find(SeriesRepository.consensusId(market, currency));
        if (stored.isPresent()) {
            // Consensus never extrapolates, so any range is a slice of the materialised years.
            ObjectNode doc = (ObjectNode) readStored(stored.get().doc());
            sliceYears((ArrayNode) doc.path("years"), from, to);
            if (from != null) {
                doc.put("from", from);
            }
            if (to != null) {
                doc.put("to", to);
            }
            doc.set("materialised", Json.toTree(provenance(stored.get())));
            doc.putNull("computedOnTheFly");
            return ApiResponse.ok(doc);
        }
        List<Forecast> members = forecasts.byMarket(market);
        if (members.isEmpty()) {
            throw new ApiException(ErrorCode.MARKET_NOT_FOUND, "no forecast covers market '" + market
                    + "'; GET /forecasts lists each forecast's market");
        }
        List<FxRate> rates = fxRates.all();
        Map<String, Object> doc = onRequest(() -> ForecastReports.consensus(market, members, rates, currency, from, to));
        doc.put("materialised", null);
        doc.put("computedOnTheFly", "no materialised consensus yet: computed on request");
        return ApiResponse.ok(doc);
    }

    private ApiResponse calculate(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        ObjectNode body = JsonBody.object(request);
        JsonBody.allowOnly(body, "", Set.of("points", "statedCagrPercent", "baseYear", "baseValue", "cagrPercent",
                "targetYear", "from", "to"));
        Integer from = yearField(body, "from", false);
        Integer to = yearField(body, "to", false);
        if (from != null && to != null && from > to) {
            throw JsonBody.invalid("from", "must not be after 'to'");
        }
        ForecastCalculation calc;
        if (body.has("points")) {
            for (String other : List.of("baseYear", "baseValue", "cagrPercent", "targetYear")) {
                if (body.has(other)) {
                    throw JsonBody.invalid(other, "cannot be combined with 'points': give known points, or a base point with a CAGR");
                }
            }
            List<KnownPoint> points = new ArrayList<>();
            List<JsonNode> items = JsonBody.array(body, "", "points", 1, ForecastCalculator.MAX_POINTS);
            for (int i = 0; i < items.size(); i++) {
                String path = "points[" + i + "]";
                ObjectNode point = JsonBody.element(items.get(i), path);
                JsonBody.allowOnly(point, path, Set.of("year", "value"));
                int year = yearField(point, path, "year");
                double value = JsonBody.positive(point, path, "value", 1e12, true);
                points.add(new KnownPoint(year, value));
            }
            Double stated = JsonBody.number(body, "", "statedCagrPercent", -99.999, 10_000, false);
            calc = input(() -> ForecastCalculator.fromPoints(points, stated == null ? null : stated / 100, from, to));
        } else if (body.has("baseYear") || body.has("cagrPercent")) {
            int baseYear = yearField(body, "", "baseYear");
            double baseValue = JsonBody.positive(body, "", "baseValue", 1e12, true);
            double cagrPercent = JsonBody.number(body, "", "cagrPercent", -99.999, 10_000, true);
            int targetYear = yearField(body, "", "targetYear");
            calc = input(() -> ForecastCalculator.fromCagr(baseYear, baseValue, cagrPercent / 100, targetYear, from, to));
        } else {
            throw JsonBody.invalid("points", "is required (or baseYear, baseValue, cagrPercent and targetYear)");
        }
        ObjectNode out = (ObjectNode) Json.toTree(calc);
        out.put("cagrPercent", calc.cagr() * 100);
        out.put("method", ForecastReports.METHOD);
        return ApiResponse.ok(out);
    }

    private static Map<String, Object> provenance(SeriesRepository.Series stored) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("computedAt", stored.computedAt());
        p.put("inputHash", stored.inputHash());
        p.put("by", "RecalculationFunction (scheduled daily)");
        return p;
    }

    private static void sliceYears(ArrayNode years, Integer from, Integer to) {
        for (int i = years.size() - 1; i >= 0; i--) {
            int year = years.get(i).path("year").asInt();
            if ((from != null && year < from) || (to != null && year > to)) {
                years.remove(i);
            }
        }
    }

    private static JsonNode readStored(String doc) {
        try {
            return Json.readTree(doc);
        } catch (Exception e) {
            throw new IllegalStateException("stored series is not JSON", e);
        }
    }

    private static String currency(ApiRequest request) {
        String raw = request.query("currency");
        if (raw == null) {
            return "USD";
        }
        String currency = raw.trim().toUpperCase(Locale.ROOT);
        List<String> supported = new ArrayList<>(List.of("USD"));
        supported.addAll(FxRateRepository.QUOTES);
        if (!supported.contains(currency)) {
            throw ApiException.invalidParameter("currency", "'currency' must be one of " + String.join(", ", supported));
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
            throw ApiException.invalidParameter("from", "'from' (" + from + ") must not be after 'to' (" + to + ")");
        }
    }

    private static Integer yearField(ObjectNode node, String field, boolean required) {
        Long year = JsonBody.integer(node, "", field, ForecastCalculator.MIN_YEAR, ForecastCalculator.MAX_YEAR, required);
        return year == null ? null : year.intValue();
    }

    private static int yearField(ObjectNode node, String path, String field) {
        return JsonBody.integer(node, path, field, ForecastCalculator.MIN_YEAR, ForecastCalculator.MAX_YEAR, true).intValue();
    }

    private static String slug(String raw, String parameter) {
        if (raw == null) {
            return null;
        }
        return Ids.requireSlug(raw, parameter, "market".equals(parameter) ? "ai-inference-chips" : "vmr-2024-inference-chips");
    }

    /** Range problems of a stored forecast (e.g. extrapolation that overflows) are the caller's 400. */
    private static Map<String, Object> onRequest(Supplier<Map<String, Object>> compute) {
        try {
            return compute.get();
        } catch (ForecastInputException e) {
            throw ApiException.invalidParameter(e.field(), e.getMessage());
        }
    }

    private static ForecastCalculation input(Supplier<ForecastCalculation> compute) {
        try {
            return compute.get();
        } catch (ForecastInputException e) {
            throw new ApiException(ErrorCode.INVALID_BODY, e.getMessage(), e.field());
        }
    }
}
