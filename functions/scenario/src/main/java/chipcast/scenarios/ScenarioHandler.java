package chipcast.scenarios;

import chipcast.core.chip.Chip;
import chipcast.core.chip.ChipRepository;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastInputException;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.ForecastRepository;
import chipcast.core.forecast.FxRate;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.http.ApiException;
import chipcast.core.http.ApiHandler;
import chipcast.core.http.ApiRequest;
import chipcast.core.http.ApiResponse;
import chipcast.core.http.ErrorCode;
import chipcast.core.http.JsonBody;
import chipcast.core.http.Text;
import chipcast.core.scenario.ChipFigures;
import chipcast.core.scenario.ClaimCheck;
import chipcast.core.scenario.ClaimCheckResult;
import chipcast.core.scenario.InferenceCalculator;
import chipcast.core.scenario.InferenceClaim;
import chipcast.core.scenario.InferenceRequest;
import chipcast.core.scenario.MarketComparison;
import chipcast.core.scenario.MarketSeries;
import chipcast.core.scenario.MissingFigureException;
import chipcast.core.scenario.ScenarioInputException;
import chipcast.core.scenario.ScenarioRepository;
import chipcast.core.scenario.StoredScenario;
import chipcast.core.scenario.TrainingCalculator;
import chipcast.core.scenario.TrainingClusterClaim;
import chipcast.core.scenario.TrainingRequest;
import chipcast.core.scenario.VendorClaim;
import chipcast.core.snapstart.Priming;
import chipcast.core.store.DynamoClients;
import chipcast.core.store.Environment;
import chipcast.core.store.PageToken;
import chipcast.scenarios.CompareInput.ClaimBinding;
import chipcast.scenarios.CompareInput.Inference;
import chipcast.scenarios.CompareInput.Input;
import chipcast.scenarios.CompareInput.Market;
import chipcast.scenarios.CompareInput.Training;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * ScenarioFunction: POST /scenarios/compare, GET /scenarios, GET /scenarios/{scenarioId},
 * GET /scenarios/{scenarioId}/comparison, PUT /scenarios/{scenarioId}. Parse, hand to the pure
 * scenario core (chipcast.core.scenario), answer with the result and the sources of every figure used.
 */
public final class ScenarioHandler extends ApiHandler {
    /** Fields a saved scenario carries besides the compare body. */
    static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "claim");
    private static final String LIST_SCOPE = "scenarios";
    private static final String SCOPE_NOTE = "Datasheet figures only: measured utilization, interconnect, batching and"
            + " latency trade-offs, software and model accuracy at low precision are not captured. An unexplained"
            + " factor above 1 does not prove a claim false; it is the factor those effects must supply."
            + " Formulas: docs/scenarios.md.";

    private final ChipRepository chips;
    private final ForecastRepository forecasts;
    private final FxRateRepository fxRates;
    private final ScenarioRepository scenarios;
    private final PageToken pageTokens;

    public ScenarioHandler() {
        this(DynamoClients.fromEnvironment(System.getenv()), System.getenv());
        // SnapStart: one stored-scenario read before the snapshot (see Priming).
        Priming.register(this, () -> Priming.apiGet("GET /scenarios/{scenarioId}", "/scenarios/gtc-2024-training",
                Map.of("scenarioId", "gtc-2024-training")));
    }

    public ScenarioHandler(DynamoDbClient dynamo, Map<String, String> env) {
        this.chips = new ChipRepository(dynamo, Environment.require(env, ChipRepository.TABLE_ENV));
        this.forecasts = new ForecastRepository(dynamo, Environment.require(env, ForecastRepository.TABLE_ENV));
        this.fxRates = new FxRateRepository(dynamo, Environment.require(env, FxRateRepository.TABLE_ENV));
        this.scenarios = new ScenarioRepository(dynamo, Environment.require(env, ScenarioRepository.TABLE_ENV));
        this.pageTokens = new PageToken(Environment.require(env, "PAGE_TOKEN_SECRET"));
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        try {
            return switch (request.routeKey()) {
                case "POST /scenarios/compare" -> compare(request);
                case "GET /scenarios" -> list(request);
                case "GET /scenarios/{scenarioId}" -> get(request);
                case "GET /scenarios/{scenarioId}/comparison" -> comparison(request);
                case "PUT /scenarios/{scenarioId}" -> put(request);
                default -> throw new ApiException(ErrorCode.ROUTE_NOT_FOUND, "no such route; see docs/openapi.yaml");
            };
        } catch (MissingFigureException e) {
            // Well-formed but not answerable honestly: name the chip and the figure, never substitute a value.
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", ErrorCode.MISSING_FIGURE.name());
            error.put("message", e.getMessage());
            error.put("chipId", e.chipId());
            error.put("figure", e.figure());
            return ApiResponse.json(ErrorCode.MISSING_FIGURE.status(), Map.of("error", error));
        } catch (ScenarioInputException e) {
            throw new ApiException(ErrorCode.INVALID_BODY, e.getMessage(), e.field());
        }
    }

    private ApiResponse compare(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        ObjectNode body = JsonBody.object(request);
        return ApiResponse.ok(run(CompareInput.parse(body, Set.of()), null));
    }

    private ApiResponse list(ApiRequest request) {
        request.allowOnlyQuery(Set.of("limit", "nextToken"));
        int limit = request.queryInt("limit", 1, 100, 50);
        String token = request.query("nextToken");
        Map<String, String> start = token == null ? null : pageTokens.decode(LIST_SCOPE, token);
        ScenarioRepository.Page page = scenarios.list(limit, start);
        List<Object> items = new ArrayList<>();
        for (StoredScenario s : page.items()) {
            items.add(summary(s));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextToken", page.lastKey() == null ? null : pageTokens.encode(LIST_SCOPE, page.lastKey()));
        return ApiResponse.ok(body);
    }

    private ApiResponse get(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        StoredScenario s = stored(request);
        return ApiResponse.ok(s).withHeader("ETag", etag(s.version()));
    }

    private ApiResponse comparison(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        StoredScenario s = stored(request);
        Input input = CompareInput.parse(s.request(), Set.of());
        ClaimBinding binding = null;
        if (s.claim() != null) {
            ObjectNode holder = s.request().objectNode();
            holder.set("claim", s.claim());
            binding = CompareInput.claim(holder, input);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenario", summary(s));
        body.putAll(run(input, binding));
        return ApiResponse.ok(body).withHeader("ETag", etag(s.version()));
    }

    private ApiResponse put(ApiRequest request) {
        request.allowOnlyQuery(Set.of());
        String id = CompareInput.slug(request.pathParameter("scenarioId"), "scenarioId", "my-h200-cluster");
        Long ifMatch = ifMatch(request.header("if-match"));
        ObjectNode body = JsonBody.object(request);
        Input input = CompareInput.parse(body, SCENARIO_FIELDS);
        String name = JsonBody.string(body, "", "name", 120, true);
        String description = JsonBody.string(body, "", "description", 2000, false);
        ClaimBinding binding = CompareInput.claim(body, input);
        // Saved scenarios must run: the same checks as a compare, chips and figures included.
        run(input, binding);

        ObjectNode stored = body.deepCopy();
        stored.remove(SCENARIO_FIELDS);
        ObjectNode claim = JsonBody.has(body, "claim") ? (ObjectNode) body.get("claim") : null;
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        StoredScenario existing = scenarios.find(id).orElse(null);
        if (existing == null) {
            if (ifMatch != null) {
                throw new ApiException(ErrorCode.PRECONDITION_FAILED, "no scenario '" + id + "' to update; send no"
                        + " If-Match to create it", "If-Match");
            }
            StoredScenario created = new StoredScenario(id, name, description, StoredScenario.USER, 1, now, claim, stored);
            try {
                scenarios.create(created);
            } catch (ScenarioRepository.WriteConflict e) {
                throw new ApiException(ErrorCode.CONFLICT, "scenario '" + id + "' was just created by another request;"
                        + " GET it and send its version as If-Match to update it");
            }
            return saved(201, created).withHeader("Location", "/scenarios/" + id);
        }
        if (StoredScenario.SEED.equals(existing.origin())) {
            throw new ApiException(ErrorCode.CONFLICT, "scenario '" + id + "' is part of the bundled dataset and is"
                    + " read-only; save your variant under another id");
        }
        if (ifMatch == null) {
            throw new ApiException(ErrorCode.CONFLICT, "scenario '" + id + "' exists (version " + existing.version()
                    + "); send If-Match: \"" + existing.version() + "\" to replace it, or use another id");
        }
        if (ifMatch != existing.version()) {
            throw stale(id, ifMatch, existing.version());
        }
        StoredScenario updated = new StoredScenario(id, name, description, StoredScenario.USER,
                existing.version() + 1, now, claim, stored);
        try {
            scenarios.update(updated, existing.version());
        } catch (ScenarioRepository.WriteConflict e) {
            throw stale(id, ifMatch, existing.version() + 1);
        }
        return saved(200, updated);
    }

    /** Runs a parsed compare body through the core; with a claim binding, also the claim check. */
    private Map<String, Object> run(Input input, ClaimBinding binding) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", input.kind());
        if (input instanceof Market m) {
            market(m, doc);
            return doc;
        }
        List<String> ids = CompareInput.chipIds(input);
        Map<String, Chip> found = chips.findAll(ids);
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new ApiException(ErrorCode.CHIP_NOT_FOUND, "no chip with id " + Text.quoteList(missing)
                    + "; GET /chips lists the known ids");
        }
        Map<String, ChipFigures> figures = new LinkedHashMap<>();
        found.forEach((id, chip) -> figures.put(id, figures(chip)));
        List<String> optionChips = new ArrayList<>();
        if (input instanceof Training t) {
            List<TrainingRequest.Option> options = new ArrayList<>();
            for (CompareInput.TrainingOption o : t.options()) {
                options.add(new TrainingRequest.Option(o.name(), figures.get(o.chipId()), o.count(), o.chipPriceUsd()));
                optionChips.add(o.chipId());
            }
            doc.put("result", TrainingCalculator.calculate(new TrainingRequest(options, t.precision(), t.utilization(),
                    t.days(), t.totalFlop(), t.pue(), t.serverOverhead(), t.electricityUsdPerKWh())));
        } else if (input instanceof Inference i) {
            List<InferenceRequest.Option> options = new ArrayList<>();
            for (CompareInput.InferenceOption o : i.options()) {
                options.add(new InferenceRequest.Option(o.name(), figures.get(o.chipId())));
                optionChips.add(o.chipId());
            }
            doc.put("result", InferenceCalculator.calculate(new InferenceRequest(new InferenceRequest.Model(
                    i.parametersB(), i.activeParametersB(), i.bytesPerParameter()), i.batchSize(),
                    i.targetTokensPerSecond(), options, i.precision(), i.utilization(), i.pue(),
                    i.electricityUsdPerKWh())));
        }
        List<Object> provenance = new ArrayList<>();
        for (String id : ids) {
            provenance.add(provenance(found.get(id)));
        }
        doc.put("chips", provenance);
        if (binding != null) {
            doc.put("claimCheck", claimCheck(input, binding, optionChips, figures));
        }
        doc.put("method", "docs/scenarios.md");
        return doc;
    }

    private void market(Market m, Map<String, Object> doc) {
        List<Forecast> found = new ArrayList<>();
        for (String id : m.forecastIds()) {
            found.add(forecasts.find(id).orElseThrow(() -> new ApiException(ErrorCode.FORECAST_NOT_FOUND,
                    "no forecast with id '" + id + "'; GET /forecasts lists them")));
        }
        // FX rates are read only when a forecast is in another currency than the one asked for.
        boolean convert = found.stream().anyMatch(f -> !m.currency().equals(f.currency()));
        List<FxRate> rates = convert ? fxRates.all() : List.of();
        List<MarketSeries> series = new ArrayList<>();
        List<Object> sources = new ArrayList<>();
        for (Forecast f : found) {
            Map<String, Object> report;
            try {
                report = ForecastReports.forecast(f, rates, m.currency(), m.from(), m.to());
            } catch (ForecastInputException e) {
                String field = "from".equals(e.field()) || "to".equals(e.field()) ? e.field() : "forecastIds";
                throw new ApiException(ErrorCode.INVALID_BODY, f.id() + ": " + e.getMessage(), field);
            }
            Map<Integer, Double> values = new TreeMap<>();
            List<Integer> extrapolated = new ArrayList<>();
            for (Object o : (List<?>) report.get("series")) {
                Map<?, ?> year = (Map<?, ?>) o;
                int y = ((Number) year.get("year")).intValue();
                values.put(y, ((Number) year.get("value")).doubleValue());
                if ("extrapolated".equals(year.get("kind"))) {
                    extrapolated.add(y);
                }
            }
            series.add(new MarketSeries(f.id(), ((Number) report.get("cagr")).doubleValue(), values));
            Map<String, Object> source = new LinkedHashMap<>();
            for (String key : List.of("id", "publisher", "market", "marketDefinition", "source", "publicationDate",
                    "retrievedVia", "confidence", "notes", "fx", "knownPoints", "cagrBasis")) {
                source.put(key, report.get(key));
            }
            source.put("extrapolatedYears", extrapolated);
            sources.add(source);
        }
        doc.put("currency", m.currency());
        doc.put("unit", "billion");
        doc.put("result", MarketComparison.compare(series, m.from(), m.to()));
        doc.put("sources", sources);
        doc.put("method", ForecastReports.METHOD);
    }

    private Map<String, Object> claimCheck(Input input, ClaimBinding b, List<String> optionChips,
                                           Map<String, ChipFigures> figures) {
        VendorClaim claim = ClaimCatalog.find(b.claimId()).orElseThrow();
        ChipFigures baseline = figures.get(optionChips.get(b.baselineOption()));
        ChipFigures subject = figures.get(optionChips.get(b.subjectOption()));
        String cite = claim.source() == null ? null
                : claim.source().url() != null ? claim.source().url() : claim.source().title();
        ClaimCheckResult result;
        try {
            result = check(claim, input, b, baseline, subject, cite);
        } catch (ScenarioInputException e) {
            // The check's fields are the mapping's: name them as the body does.
            throw new ApiException(ErrorCode.INVALID_BODY, "claim." + e.getMessage(), "claim." + e.field());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("claim", claim);
        doc.put("mapping", b);
        doc.put("claimedRatio", result.claimedRatio());
        doc.put("specRatios", result.specRatios());
        doc.put("bestSpecRatio", result.bestSpecRatio());
        doc.put("unexplainedFactor", result.unexplainedFactor());
        doc.put("assumptionsToCloseGap", result.assumptionsToCloseGap());
        doc.put("scope", SCOPE_NOTE);
        return doc;
    }

    private static ClaimCheckResult check(VendorClaim claim, Input input, ClaimBinding b, ChipFigures baseline,
                                          ChipFigures subject, String cite) {
        if (input instanceof Training t) {
            return ClaimCheck.check(new TrainingClusterClaim(claim.id(), baseline,
                    t.options().get(b.baselineOption()).count(), b.baselineClaimedPowerMW(), subject,
                    t.options().get(b.subjectOption()).count(), b.subjectClaimedPowerMW(), b.baselineDays(),
                    b.subjectDays(), t.precision(), claim.conditions(), cite));
        }
        return ClaimCheck.check(new InferenceClaim(claim.id(), claim.claimedRatio(), baseline, subject,
                b.subjectPrecision(), b.baselinePrecision(), claim.conditions(), cite));
    }

    private StoredScenario stored(ApiRequest request) {
        String id = CompareInput.slug(request.pathParameter("scenarioId"), "scenarioId", "gtc-2024-training");
        return scenarios.find(id).orElseThrow(() -> new ApiException(ErrorCode.SCENARIO_NOT_FOUND,
                "no scenario with id '" + id + "'; GET /scenarios lists them"));
    }

    private static Map<String, Object> summary(StoredScenario s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenarioId", s.scenarioId());
        doc.put("name", s.name());
        doc.put("description", s.description());
        doc.put("kind", s.kind());
        doc.put("origin", s.origin());
        doc.put("version", s.version());
        doc.put("updatedAt", s.updatedAt());
        doc.put("claimId", s.claim() == null ? null : s.claim().path("claimId").asText(null));
        return doc;
    }

    private static ApiResponse saved(int status, StoredScenario s) {
        return ApiResponse.json(status, s).withHeader("ETag", etag(s.version()));
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
            throw ApiException.invalidParameter("If-Match", "If-Match must be the scenario's version as its ETag"
                    + " gives it, e.g. \"3\"");
        }
        return Long.parseLong(v);
    }

    private static ApiException stale(String id, long sent, long current) {
        return new ApiException(ErrorCode.PRECONDITION_FAILED, "scenario '" + id + "' is at version " + current
                + ", not " + sent + "; GET it, merge, and retry with its ETag", "If-Match");
    }

    static ChipFigures figures(Chip chip) {
        return new ChipFigures(chip.id(), chip.name(), chip.tdpWatts(), chip.memoryGB(), chip.memoryBandwidthTBs(),
                chip.denseTFLOPS() == null ? null : chip.denseTFLOPS().asMap());
    }

    /** The figures a scenario may use, with the sources that give them. */
    private static Map<String, Object> provenance(Chip chip) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", chip.id());
        doc.put("name", chip.name());
        doc.put("tdpWatts", chip.tdpWatts());
        doc.put("memoryGB", chip.memoryGB());
        doc.put("memoryBandwidthTBs", chip.memoryBandwidthTBs());
        doc.put("denseTFLOPS", chip.denseTFLOPS());
        doc.put("confidence", chip.confidence());
        doc.put("sources", chip.sources());
        return doc;
    }
}
