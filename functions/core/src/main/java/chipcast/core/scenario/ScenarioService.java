package chipcast.core.scenario;

import chipcast.core.chip.Chip;
import chipcast.core.chip.ChipService;
import chipcast.core.chip.ChipStore;
import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastInputException;
import chipcast.core.forecast.ForecastReport;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.ForecastService;
import chipcast.core.forecast.ForecastStore;
import chipcast.core.forecast.FxRate;
import chipcast.core.forecast.FxRateStore;
import chipcast.core.forecast.SeriesPoint;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.Fields;
import chipcast.core.request.RequestException;
import chipcast.core.scenario.ScenarioComparison.ChipProvenance;
import chipcast.core.scenario.ScenarioComparison.ClaimCheckView;
import chipcast.core.scenario.ScenarioComparison.MarketSource;
import chipcast.core.scenario.ScenarioComparison.ScenarioSummary;
import chipcast.core.store.Listing;
import chipcast.core.store.Page;
import chipcast.core.store.PageToken;
import chipcast.core.store.WriteConflictException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scenario routes' work: run a comparison through the pure calculators with the chips' and forecasts'
 * figures, list and read stored scenarios, check one against its vendor claim, and save a user's scenario
 * with optimistic locking (a version per scenario, If-Match to replace it).
 */
public final class ScenarioService {
    static final String LIST_SCOPE = "scenarios";
    static final String METHOD = "docs/scenarios.md";
    static final String SCOPE_NOTE = "Datasheet figures only: measured utilization, interconnect, batching and"
            + " latency trade-offs, software and model accuracy at low precision are not captured. An unexplained"
            + " factor above 1 does not prove a claim false; it is the factor those effects must supply."
            + " Formulas: docs/scenarios.md.";

    private final ChipStore chips;
    private final ForecastStore forecasts;
    private final FxRateStore fxRates;
    private final ScenarioStore scenarios;
    private final ClaimCatalog claims;
    private final PageToken pageTokens;
    private final Clock clock;

    public ScenarioService(ChipStore chips, ForecastStore forecasts, FxRateStore fxRates, ScenarioStore scenarios,
                           ClaimCatalog claims, PageToken pageTokens, Clock clock) {
        this.chips = chips;
        this.forecasts = forecasts;
        this.fxRates = fxRates;
        this.scenarios = scenarios;
        this.claims = claims;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** A saved scenario and whether this request created it. */
    public record Saved(StoredScenario scenario, boolean created) {
    }

    public ScenarioComparison compare(CompareRequest request) {
        CompareChecks.check(request);
        return run(request, null);
    }

    public Listing<ScenarioSummary> list(int limit, String nextToken) {
        Page<StoredScenario> page = scenarios.list(limit, pageTokens.start(LIST_SCOPE, nextToken));
        return new Listing<>(page.items().stream().map(ScenarioSummary::of).toList(), pageTokens.next(LIST_SCOPE, page));
    }

    public StoredScenario get(String id) {
        return scenarios.find(id).orElseThrow(() -> new RequestException(ErrorCode.SCENARIO_NOT_FOUND,
                "no scenario with id '" + id + "'; GET /scenarios lists them"));
    }

    /** A stored scenario run now, with its claim check when it is tied to a claim. */
    public ScenarioComparison.Stored comparison(String id) {
        StoredScenario s = get(id);
        CompareChecks.check(s.request());
        ClaimBinding binding = CompareChecks.claim(s.claim(), s.request(), claims);
        return new ScenarioComparison.Stored(ScenarioSummary.of(s), run(s.request(), binding));
    }

    /**
     * Creates a scenario ({@code ifMatch} null: never over an existing id) or replaces a user's scenario at the
     * version it names. A saved scenario must run: it passes the same checks as a compare, chips included.
     */
    public Saved save(String id, Long ifMatch, ScenarioMeta meta, CompareRequest request) {
        CompareChecks.check(request);
        String name = Fields.text("name", meta.name(), 120, true);
        String description = Fields.text("description", meta.description(), 2000, false);
        run(request, CompareChecks.claim(meta.claim(), request, claims));
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        StoredScenario existing = scenarios.find(id).orElse(null);
        if (existing == null) {
            if (ifMatch != null) {
                throw new RequestException(ErrorCode.PRECONDITION_FAILED, "no scenario '" + id + "' to update; send no"
                        + " If-Match to create it", "If-Match");
            }
            StoredScenario created = new StoredScenario(id, name, description, StoredScenario.USER, 1, now,
                    meta.claim(), request);
            try {
                scenarios.create(created);
            } catch (WriteConflictException e) {
                throw new RequestException(ErrorCode.CONFLICT, "scenario '" + id + "' was just created by another"
                        + " request; GET it and send its version as If-Match to update it");
            }
            return new Saved(created, true);
        }
        if (StoredScenario.SEED.equals(existing.origin())) {
            throw new RequestException(ErrorCode.CONFLICT, "scenario '" + id + "' is part of the bundled dataset and"
                    + " is read-only; save your variant under another id");
        }
        if (ifMatch == null) {
            throw new RequestException(ErrorCode.CONFLICT, "scenario '" + id + "' exists (version " + existing.version()
                    + "); send If-Match: \"" + existing.version() + "\" to replace it, or use another id");
        }
        if (ifMatch != existing.version()) {
            throw stale(id, ifMatch, existing.version());
        }
        StoredScenario updated = new StoredScenario(id, name, description, StoredScenario.USER,
                existing.version() + 1, now, meta.claim(), request);
        try {
            scenarios.update(updated, existing.version());
        } catch (WriteConflictException e) {
            throw stale(id, ifMatch, existing.version() + 1);
        }
        return new Saved(updated, false);
    }

    /** Runs a checked compare body through the core; with a claim binding, also the claim check. */
    private ScenarioComparison run(CompareRequest request, ClaimBinding binding) {
        try {
            if (request instanceof CompareRequest.Market m) {
                return market(m);
            }
            List<String> ids = CompareChecks.chipIds(request);
            Map<String, Chip> found = chips.findAll(ids);
            List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                throw ChipService.notFound(missing);
            }
            Map<String, ChipFigures> figures = new LinkedHashMap<>();
            found.forEach((id, chip) -> figures.put(id, figures(chip)));
            List<ChipProvenance> provenance = ids.stream().map(id -> ChipProvenance.of(found.get(id))).toList();
            // The claim check runs after the calculator, so a broken option is named before the claim's mapping.
            if (request instanceof CompareRequest.Training t) {
                TrainingResult result = TrainingCalculator.calculate(training(t, figures));
                return new ScenarioComparison.Fleet<>(t.kind(), result, provenance, claimCheck(t, binding, figures), METHOD);
            }
            CompareRequest.Inference i = (CompareRequest.Inference) request;
            InferenceResult result = InferenceCalculator.calculate(inference(i, figures));
            return new ScenarioComparison.Fleet<>(i.kind(), result, provenance, claimCheck(i, binding, figures), METHOD);
        } catch (ScenarioInputException e) {
            throw new RequestException(ErrorCode.INVALID_BODY, e.getMessage(), e.field());
        }
    }

    private static TrainingRequest training(CompareRequest.Training t, Map<String, ChipFigures> figures) {
        List<TrainingRequest.Option> options = new ArrayList<>();
        for (CompareRequest.TrainingOption o : t.options()) {
            options.add(new TrainingRequest.Option(CompareChecks.name(o.name(), o.chipId()), figures.get(o.chipId()),
                    o.count(), o.chipPriceUsd()));
        }
        return new TrainingRequest(options, t.precision(), t.utilization(), t.days(), t.totalFlop(), t.pue(),
                t.serverOverhead(), t.electricityUsdPerKWh());
    }

    private static InferenceRequest inference(CompareRequest.Inference i, Map<String, ChipFigures> figures) {
        List<InferenceRequest.Option> options = new ArrayList<>();
        for (CompareRequest.InferenceOption o : i.options()) {
            options.add(new InferenceRequest.Option(CompareChecks.name(o.name(), o.chipId()), figures.get(o.chipId())));
        }
        return new InferenceRequest(new InferenceRequest.Model(i.model().parametersB(), i.model().activeParametersB(),
                i.model().bytesPerParameter()), i.batchSize().intValue(), i.targetTokensPerSecond(), options,
                i.precision(), i.utilization(), i.pue(), i.electricityUsdPerKWh());
    }

    private ScenarioComparison market(CompareRequest.Market m) {
        String currency = CompareChecks.currency(m);
        int from = m.from().intValue();
        int to = m.to().intValue();
        List<Forecast> found = new ArrayList<>();
        for (String id : m.forecastIds()) {
            found.add(forecasts.find(id).orElseThrow(() -> ForecastService.forecastNotFound(id)));
        }
        // FX rates are read only when a forecast is in another currency than the one asked for.
        boolean convert = found.stream().anyMatch(f -> !currency.equals(f.currency()));
        List<FxRate> rates = convert ? fxRates.all() : List.of();
        List<MarketSeries> series = new ArrayList<>();
        List<MarketSource> sources = new ArrayList<>();
        List<MarketComparison.Definition> definitions = new ArrayList<>();
        for (Forecast f : found) {
            ForecastReport report;
            try {
                report = ForecastReports.forecast(f, rates, currency, from, to);
            } catch (ForecastInputException e) {
                String field = "from".equals(e.field()) || "to".equals(e.field()) ? e.field() : "forecastIds";
                throw new RequestException(ErrorCode.INVALID_BODY, f.id() + ": " + e.getMessage(), field);
            }
            Map<Integer, Double> values = new TreeMap<>();
            List<Integer> extrapolated = new ArrayList<>();
            for (SeriesPoint p : report.series()) {
                values.put(p.year(), p.value());
                if (SeriesPoint.EXTRAPOLATED.equals(p.kind())) {
                    extrapolated.add(p.year());
                }
            }
            series.add(new MarketSeries(f.id(), report.cagr(), values, Set.copyOf(extrapolated)));
            sources.add(new MarketSource(report.id(), report.publisher(), report.market(), report.marketDefinition(),
                    report.source(), report.publicationDate(), report.retrievedVia(), report.confidence(),
                    report.notes(), report.fx(), report.knownPoints(), report.cagrBasis(), extrapolated, f.scope(),
                    f.edition(), f.supersededBy(), report.extrapolation().backcastYears()));
            definitions.add(new MarketComparison.Definition(f.id(), f.market(), f.marketDefinition(), f.scope(),
                    f.supersededBy()));
        }
        return new ScenarioComparison.Market(m.kind(), currency, "billion", MarketComparison.warnings(definitions),
                MarketComparison.compare(series, from, to), sources, ForecastReports.METHOD);
    }

    /** The claim check of a scenario tied to a claim; null for one that is not. */
    private ClaimCheckView claimCheck(CompareRequest request, ClaimBinding b, Map<String, ChipFigures> figures) {
        if (b == null) {
            return null;
        }
        VendorClaim claim = claims.find(b.claimId()).orElseThrow();
        List<String> optionChips = CompareChecks.optionChips(request);
        ChipFigures baseline = figures.get(optionChips.get(b.baselineOption()));
        ChipFigures subject = figures.get(optionChips.get(b.subjectOption()));
        String cite = claim.source() == null ? null
                : claim.source().url() != null ? claim.source().url() : claim.source().title();
        ClaimCheckResult result;
        try {
            result = ClaimCheck.check(claimOf(claim, request, b, baseline, subject, cite));
        } catch (ScenarioInputException e) {
            // The check's fields are the mapping's: name them as the body does.
            throw new RequestException(ErrorCode.INVALID_BODY, "claim." + e.getMessage(), "claim." + e.field());
        }
        return new ClaimCheckView(claim, b, result.claimedRatio(), result.specRatios(), result.bestSpecRatio(),
                result.unexplainedFactor(), result.assumptionsToCloseGap(), SCOPE_NOTE);
    }

    private static Claim claimOf(VendorClaim claim, CompareRequest request, ClaimBinding b, ChipFigures baseline,
                                 ChipFigures subject, String cite) {
        if (request instanceof CompareRequest.Training t) {
            return new TrainingClusterClaim(claim.id(), baseline, t.options().get(b.baselineOption()).count(),
                    b.baselineClaimedPowerMW(), subject, t.options().get(b.subjectOption()).count(),
                    b.subjectClaimedPowerMW(), b.baselineDays(), b.subjectDays(), t.precision(), claim.conditions(), cite);
        }
        return new InferenceClaim(claim.id(), claim.claimedRatio(), baseline, subject, b.subjectPrecision(),
                b.baselinePrecision(), claim.conditions(), cite);
    }

    private static RequestException stale(String id, long sent, long current) {
        return new RequestException(ErrorCode.PRECONDITION_FAILED, "scenario '" + id + "' is at version " + current
                + ", not " + sent + "; GET it, merge, and retry with its ETag", "If-Match");
    }

    static ChipFigures figures(Chip chip) {
        return new ChipFigures(chip.id(), chip.name(), chip.tdpWatts(), chip.memoryGB(), chip.memoryBandwidthTBs(),
                chip.denseTFLOPS() == null ? null : chip.denseTFLOPS().asMap());
    }
}
