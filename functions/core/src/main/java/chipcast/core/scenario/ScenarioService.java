package chipcast.core.scenario;

import chipcast.core.benchmark.Benchmark;
import chipcast.core.benchmark.BenchmarkStore;
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
import chipcast.core.request.Text;
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
    private final ReferenceData reference;
    private final BenchmarkStore benchmarks;
    private final PageToken pageTokens;
    private final Clock clock;

    public ScenarioService(ChipStore chips, ForecastStore forecasts, FxRateStore fxRates, ScenarioStore scenarios,
                           ClaimCatalog claims, ReferenceData reference, BenchmarkStore benchmarks,
                           PageToken pageTokens, Clock clock) {
        this.chips = chips;
        this.forecasts = forecasts;
        this.fxRates = fxRates;
        this.scenarios = scenarios;
        this.claims = claims;
        this.reference = reference;
        this.benchmarks = benchmarks;
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

    /**
     * For SnapStart priming: the save path's conditional write, sent with a condition that cannot hold (a seeded
     * scenario at version -1), so the write path is loaded and compiled and nothing is written.
     */
    public void primeSavePath(String seededId) {
        StoredScenario seed = get(seededId);
        try {
            scenarios.update(seed, -1);
        } catch (WriteConflictException expected) {
            // the condition failed, as it must: nothing was written
        }
        new Saved(seed, false);
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
            Map<String, SourcedPrice> purchases = new LinkedHashMap<>();
            found.forEach((id, chip) -> {
                figures.put(id, ChipFigures.of(chip));
                purchases.put(id, SourcedPrice.latest(chip.prices()));
            });
            List<ChipProvenance> provenance = ids.stream().map(id -> ChipProvenance.of(found.get(id))).toList();
            // The claim check runs after the calculator, so a broken option is named before the claim's mapping.
            if (request instanceof CompareRequest.Training t) {
                TrainingResult result = TrainingCalculator.calculate(training(t, figures, purchases));
                return new ScenarioComparison.Fleet<>(t.kind(), result, provenance,
                        claimCheck(t, binding, figures, result, null), METHOD);
            }
            CompareRequest.Inference i = (CompareRequest.Inference) request;
            InferenceRequest inference = InferenceInputs.request(i, figures, purchases, reference);
            InferenceResult result = InferenceCalculator.calculate(inference);
            return new ScenarioComparison.Fleet<>(i.kind(), result, provenance,
                    claimCheck(i, binding, figures, null, inference), METHOD);
        } catch (ScenarioInputException e) {
            throw new RequestException(ErrorCode.INVALID_BODY, e.getMessage(), e.field());
        }
    }

    private TrainingRequest training(CompareRequest.Training t, Map<String, ChipFigures> figures,
                                     Map<String, SourcedPrice> purchases) {
        List<TrainingRequest.Option> options = new ArrayList<>();
        for (CompareRequest.TrainingOption o : t.options()) {
            options.add(new TrainingRequest.Option(CompareChecks.name(o.name(), o.chipId()), figures.get(o.chipId()),
                    o.count(), o.chipPriceUsd(), o.utilization(), o.usdPerChipHour(), reference.prices(o.chipId()),
                    purchases.get(o.chipId())));
        }
        Double parameters = null;
        String modelName = null;
        CompareRequest.TrainingModel m = t.model();
        if (m != null) {
            if (m.preset() != null) {
                if (m.parametersB() != null || m.activeParametersB() != null) {
                    throw RequestException.invalidField(m.parametersB() != null ? "model.parametersB"
                            : "model.activeParametersB", "give model.preset or the parameter counts, not both");
                }
                ModelPreset p = reference.model(m.preset()).orElseThrow(() -> RequestException.invalidField(
                        "model.preset", "names no preset of data/models.json: '" + Text.printable(m.preset()) + "'"));
                parameters = (p.activeParametersB() == null ? p.parametersB() : p.activeParametersB()) * 1e9;
                modelName = p.id();
            } else {
                Double n = m.activeParametersB() != null ? m.activeParametersB() : m.parametersB();
                if (n == null) {
                    throw RequestException.invalidField("model.parametersB", "is required without model.preset");
                }
                if (m.parametersB() != null && m.activeParametersB() != null
                        && m.activeParametersB() > m.parametersB()) {
                    throw RequestException.invalidField("model.activeParametersB", "exceeds model.parametersB");
                }
                parameters = n * 1e9;
                modelName = "request";
            }
        }
        return new TrainingRequest(options, t.precision(), t.utilization(), t.days(), t.totalFlop(), t.pue(),
                t.serverOverhead(), t.electricityUsdPerKWh(), t.tokens(), parameters, modelName, t.recompute(),
                t.buyerType());
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
    private ClaimCheckView claimCheck(CompareRequest request, ClaimBinding b, Map<String, ChipFigures> figures,
                                      TrainingResult training, InferenceRequest inference) {
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
            result = ClaimCheck.check(claimOf(claim, request, b, baseline, subject, cite, training));
        } catch (ScenarioInputException e) {
            // The check's fields are the mapping's: name them as the body does.
            throw new RequestException(ErrorCode.INVALID_BODY, "claim." + e.getMessage(), "claim." + e.field());
        }
        List<MeasuredRatio> measured = null;
        String summary = null;
        if (inference != null) {
            Map<String, List<Benchmark>> byChip = new LinkedHashMap<>();
            for (String id : CompareChecks.chipIds(request)) {
                byChip.put(id, benchmarks.forChip(id));
            }
            InferenceRequest.Workload w = inference.workload();
            String model = inference.modelSource() != null && inference.modelSource().preset() != null
                    ? inference.modelSource().preset() : Checks.num(inference.model().parameters() / 1e9)
                    + "B parameters, " + Checks.num(inference.model().active() / 1e9) + "B active (the scenario's model)";
            measured = MeasuredRatios.of(baseline.id(), optionChips, byChip, model, Checks.num(w.inputTokens())
                    + " prompt / " + Checks.num(w.outputTokens()) + " generated tokens (the scenario's workload)",
                    b.subjectPrecision(), b.baselinePrecision(), claim.conditions());
            summary = measuredSummary(measured, result.claimedRatio(), subject.id());
        }
        return new ClaimCheckView(claim, b, result.claimedRatio(), result.specRatios(), result.bestSpecRatio(),
                result.unexplainedFactor(), result.assumptionsToCloseGap(), SCOPE_NOTE, measured, summary);
    }

    private static String measuredSummary(List<MeasuredRatio> measured, double claimed, String subject) {
        if (measured.isEmpty()) {
            return "No measured result pairs the options' chips with the baseline's in the same round, benchmark and"
                    + " scenario (GET /benchmarks lists the results).";
        }
        List<MeasuredRatio> own = measured.stream().filter(m -> m.subjectChipId().equals(subject)).toList();
        List<MeasuredRatio> basis = own.isEmpty() ? measured : own;
        double lo = basis.stream().mapToDouble(MeasuredRatio::ratio).min().orElse(0);
        double hi = basis.stream().mapToDouble(MeasuredRatio::ratio).max().orElse(0);
        return measured.size() + " measured per-chip ratios; " + (own.isEmpty() ? "none is on " + subject
                + " itself; over the other options' chips " : "on " + subject + " ") + "they range from x"
                + Checks.fmt(lo) + " to x" + Checks.fmt(hi) + ", so the claimed x" + Checks.fmt(claimed)
                + " is x" + Checks.fmt(claimed / hi) + " to x" + Checks.fmt(claimed / lo) + " beyond what was measured,"
                + " under the conditions each ratio lists.";
    }

    private static Claim claimOf(VendorClaim claim, CompareRequest request, ClaimBinding b, ChipFigures baseline,
                                 ChipFigures subject, String cite, TrainingResult training) {
        if (request instanceof CompareRequest.Training t) {
            Double baseMW = training == null ? null : training.options().get(b.baselineOption()).facilityPowerMW();
            Double subjMW = training == null ? null : training.options().get(b.subjectOption()).facilityPowerMW();
            String basis = "TDP x server factor (" + training.options().get(b.baselineOption()).serverPowerFactorFrom()
                    + "; " + training.options().get(b.subjectOption()).serverPowerFactorFrom() + ") x PUE "
                    + Checks.num(training.pue());
            return new TrainingClusterClaim(claim.id(), baseline, t.options().get(b.baselineOption()).count(),
                    b.baselineClaimedPowerMW(), subject, t.options().get(b.subjectOption()).count(),
                    b.subjectClaimedPowerMW(), b.baselineDays(), b.subjectDays(), t.precision(), claim.conditions(), cite,
                    baseMW, subjMW, basis);
        }
        return new InferenceClaim(claim.id(), claim.claimedRatio(), baseline, subject, b.subjectPrecision(),
                b.baselinePrecision(), claim.conditions(), cite);
    }

    private static RequestException stale(String id, long sent, long current) {
        return new RequestException(ErrorCode.PRECONDITION_FAILED, "scenario '" + id + "' is at version " + current
                + ", not " + sent + "; GET it, merge, and retry with its ETag", "If-Match");
    }
}
