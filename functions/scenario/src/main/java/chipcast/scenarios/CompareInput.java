package chipcast.scenarios;

import chipcast.core.forecast.ForecastCalculator;
import chipcast.core.forecast.FxRateRepository;
import chipcast.core.http.ApiException;
import chipcast.core.http.ErrorCode;
import chipcast.core.http.Ids;
import chipcast.core.http.JsonBody;
import chipcast.core.http.Text;
import chipcast.core.scenario.VendorClaim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a compare body (POST /scenarios/compare, PUT /scenarios/{id}, a stored scenario) into typed
 * input. Only shape and types are checked here, plus the bounds the JSON reader itself enforces;
 * the scenario core checks every value bound and names the field, so both speak the same field paths
 * ({@code options[1].count}, {@code model.parametersB}).
 */
final class CompareInput {
    static final int MAX_OPTIONS = 10;
    static final long MAX_COUNT = 10_000_000L;
    static final int MAX_MARKET_YEARS = 101;
    private static final double ANY = Double.MAX_VALUE;

    private CompareInput() {
    }

    sealed interface Input permits Training, Inference, Market {
        String kind();
    }

    record TrainingOption(String name, String chipId, long count, Double chipPriceUsd) {
    }

    record Training(List<TrainingOption> options, String precision, Double utilization, Double days,
                    Double totalFlop, Double pue, Double serverOverhead, Double electricityUsdPerKWh) implements Input {
        public String kind() {
            return "training";
        }
    }

    record InferenceOption(String name, String chipId) {
    }

    record Inference(double parametersB, Double activeParametersB, double bytesPerParameter, int batchSize,
                     double targetTokensPerSecond, List<InferenceOption> options, String precision,
                     Double utilization, Double pue, Double electricityUsdPerKWh) implements Input {
        public String kind() {
            return "inference";
        }
    }

    record Market(List<String> forecastIds, String currency, int from, int to) implements Input {
        public String kind() {
            return "market";
        }
    }

    /**
     * How a scenario maps onto a vendor claim: which options are the claim's baseline and subject, and
     * the figures the claim states (power, days, precisions) that the claim text gives in prose.
     */
    record ClaimBinding(String claimId, int baselineOption, int subjectOption, Double baselineClaimedPowerMW,
                        Double subjectClaimedPowerMW, Double baselineDays, Double subjectDays,
                        String subjectPrecision, String baselinePrecision) {
    }

    static Input parse(ObjectNode body, Set<String> extraFields) {
        String kind = JsonBody.string(body, "", "kind", 16, true);
        return switch (kind) {
            case "training" -> training(body, extraFields);
            case "inference" -> inference(body, extraFields);
            case "market" -> market(body, extraFields);
            default -> throw JsonBody.invalid("kind", "must be one of training, inference, market");
        };
    }

    /** Chip ids in first-seen order, without repeats (BatchGetItem refuses duplicate keys). */
    static List<String> chipIds(Input input) {
        Set<String> ids = new LinkedHashSet<>();
        if (input instanceof Training t) {
            t.options().forEach(o -> ids.add(o.chipId()));
        } else if (input instanceof Inference i) {
            i.options().forEach(o -> ids.add(o.chipId()));
        }
        return List.copyOf(ids);
    }

    private static Training training(ObjectNode body, Set<String> extra) {
        JsonBody.allowOnly(body, "", with(extra, "kind", "options", "precision", "utilization", "days", "totalFlop",
                "pue", "serverOverhead", "electricityUsdPerKWh"));
        List<TrainingOption> options = new ArrayList<>();
        List<JsonNode> items = JsonBody.array(body, "", "options", 1, MAX_OPTIONS);
        for (int i = 0; i < items.size(); i++) {
            String path = "options[" + i + "]";
            ObjectNode o = JsonBody.element(items.get(i), path);
            JsonBody.allowOnly(o, path, Set.of("name", "chipId", "count", "chipPriceUsd"));
            String chipId = chipId(o, path);
            long count = JsonBody.integer(o, path, "count", 1, MAX_COUNT, true);
            options.add(new TrainingOption(name(o, path, chipId), chipId, count,
                    JsonBody.number(o, path, "chipPriceUsd", -ANY, ANY, false)));
        }
        return new Training(options, precision(body), number(body, "utilization"), number(body, "days"),
                number(body, "totalFlop"), number(body, "pue"), number(body, "serverOverhead"),
                number(body, "electricityUsdPerKWh"));
    }

    private static Inference inference(ObjectNode body, Set<String> extra) {
        JsonBody.allowOnly(body, "", with(extra, "kind", "model", "batchSize", "targetTokensPerSecond", "options",
                "precision", "utilization", "pue", "electricityUsdPerKWh"));
        if (!body.has("model")) {
            throw JsonBody.invalid("model", "is required: {parametersB, activeParametersB, bytesPerParameter}");
        }
        ObjectNode model = JsonBody.objectField(body, "", "model");
        JsonBody.allowOnly(model, "model", Set.of("parametersB", "activeParametersB", "bytesPerParameter"));
        double params = JsonBody.number(model, "model", "parametersB", -ANY, ANY, true);
        Double active = JsonBody.number(model, "model", "activeParametersB", -ANY, ANY, false);
        double bytes = JsonBody.number(model, "model", "bytesPerParameter", -ANY, ANY, true);
        int batch = JsonBody.integer(body, "", "batchSize", 1, 100_000, true).intValue();
        double target = JsonBody.number(body, "", "targetTokensPerSecond", -ANY, ANY, true);
        List<InferenceOption> options = new ArrayList<>();
        List<JsonNode> items = JsonBody.array(body, "", "options", 1, MAX_OPTIONS);
        for (int i = 0; i < items.size(); i++) {
            String path = "options[" + i + "]";
            ObjectNode o = JsonBody.element(items.get(i), path);
            JsonBody.allowOnly(o, path, Set.of("name", "chipId"));
            String chipId = chipId(o, path);
            options.add(new InferenceOption(name(o, path, chipId), chipId));
        }
        return new Inference(params, active, bytes, batch, target, options, precision(body),
                number(body, "utilization"), number(body, "pue"), number(body, "electricityUsdPerKWh"));
    }

    private static Market market(ObjectNode body, Set<String> extra) {
        JsonBody.allowOnly(body, "", with(extra, "kind", "forecastIds", "currency", "from", "to"));
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> items = JsonBody.array(body, "", "forecastIds", 2, MAX_OPTIONS);
        for (int i = 0; i < items.size(); i++) {
            String path = "forecastIds[" + i + "]";
            JsonNode id = items.get(i);
            if (!id.isTextual() || !Ids.isSlug(id.asText())) {
                throw JsonBody.invalid(path, "must be a forecast id such as vmr-2024-inference-chips");
            }
            if (!seen.add(id.asText())) {
                throw JsonBody.invalid(path, "repeats forecast " + id.asText());
            }
            ids.add(id.asText());
        }
        String currency = JsonBody.string(body, "", "currency", 8, false);
        currency = currency == null ? "USD" : currency.toUpperCase(Locale.ROOT);
        List<String> supported = new ArrayList<>(List.of("USD"));
        supported.addAll(FxRateRepository.QUOTES);
        if (!supported.contains(currency)) {
            throw JsonBody.invalid("currency", "must be one of " + String.join(", ", supported));
        }
        int from = JsonBody.integer(body, "", "from", ForecastCalculator.MIN_YEAR, ForecastCalculator.MAX_YEAR, true).intValue();
        int to = JsonBody.integer(body, "", "to", ForecastCalculator.MIN_YEAR, ForecastCalculator.MAX_YEAR, true).intValue();
        if (to < from) {
            throw JsonBody.invalid("to", "must not be before 'from' (" + from + ")");
        }
        // Checked before any forecast is read; the comparison core holds the same limit.
        if (to - from + 1 > MAX_MARKET_YEARS) {
            throw JsonBody.invalid("to", "the range may span at most " + MAX_MARKET_YEARS + " years");
        }
        return new Market(List.copyOf(ids), currency, from, to);
    }

    /** The optional "claim" object of a stored scenario, checked against the input and the claim catalog. */
    static ClaimBinding claim(ObjectNode body, Input input) {
        if (!JsonBody.has(body, "claim")) {
            return null;
        }
        ObjectNode c = JsonBody.objectField(body, "", "claim");
        List<String> optionChips;
        Set<String> allowed;
        if (input instanceof Training t) {
            optionChips = t.options().stream().map(TrainingOption::chipId).toList();
            allowed = Set.of("claimId", "baselineOption", "subjectOption", "baselineClaimedPowerMW",
                    "subjectClaimedPowerMW", "baselineDays", "subjectDays");
        } else if (input instanceof Inference i) {
            optionChips = i.options().stream().map(InferenceOption::chipId).toList();
            allowed = Set.of("claimId", "baselineOption", "subjectOption", "subjectPrecision", "baselinePrecision");
        } else {
            throw JsonBody.invalid("claim", "only training and inference scenarios can be tied to a claim");
        }
        JsonBody.allowOnly(c, "claim", allowed);
        String claimId = JsonBody.string(c, "claim", "claimId", 128, true);
        VendorClaim claim = ClaimCatalog.find(claimId).orElseThrow(() -> JsonBody.invalid("claim.claimId",
                "names no claim of data/claims.json: '" + Text.printable(claimId) + "'"));
        if (input instanceof Inference && claim.claimedRatio() == null) {
            throw JsonBody.invalid("claim.claimId", "claim " + claimId + " states no single ratio to check");
        }
        // Which check a claim gets follows from the scenario's kind; a stated single ratio is what an
        // inference check tests, while a training-cluster check derives its ratio from the claimed days.
        if (input instanceof Training && claim.claimedRatio() != null) {
            throw JsonBody.invalid("claim.claimId", "claim " + claimId + " states a x" + Text.number(claim.claimedRatio())
                    + " ratio, which a training-cluster check does not test; tie it to an inference scenario");
        }
        int last = optionChips.size() - 1;
        Long base = JsonBody.integer(c, "claim", "baselineOption", 0, last, false);
        int baseline = base == null ? 0 : base.intValue();
        int subject = JsonBody.integer(c, "claim", "subjectOption", 0, last, true).intValue();
        if (subject == baseline) {
            throw JsonBody.invalid("claim.subjectOption", "must differ from claim.baselineOption");
        }
        // A claim that names its chips may only be checked against those chips.
        if (claim.baseline() != null && !claim.baseline().equals(optionChips.get(baseline))) {
            throw JsonBody.invalid("claim.baselineOption", "claim " + claimId + " is about " + claim.baseline()
                    + ", option " + baseline + " is " + optionChips.get(baseline));
        }
        if (claim.subject() != null && !claim.subject().equals(optionChips.get(subject))) {
            throw JsonBody.invalid("claim.subjectOption", "claim " + claimId + " is about " + claim.subject()
                    + ", option " + subject + " is " + optionChips.get(subject));
        }
        return new ClaimBinding(claimId, baseline, subject,
                JsonBody.number(c, "claim", "baselineClaimedPowerMW", -ANY, ANY, false),
                JsonBody.number(c, "claim", "subjectClaimedPowerMW", -ANY, ANY, false),
                JsonBody.number(c, "claim", "baselineDays", -ANY, ANY, false),
                JsonBody.number(c, "claim", "subjectDays", -ANY, ANY, false),
                JsonBody.string(c, "claim", "subjectPrecision", 8, false),
                JsonBody.string(c, "claim", "baselinePrecision", 8, false));
    }

    static String slug(String raw, String parameter, String example) {
        return Ids.requireSlug(raw, parameter, example);
    }

    private static String chipId(ObjectNode o, String path) {
        String id = JsonBody.string(o, path, "chipId", 64, true);
        if (!Ids.isSlug(id)) {
            throw new ApiException(ErrorCode.INVALID_BODY, "'" + path + ".chipId' is not a chip id: ids are lowercase"
                    + " slugs such as nvidia-h100-sxm", path + ".chipId");
        }
        return id;
    }

    private static String name(ObjectNode o, String path, String fallback) {
        String name = JsonBody.string(o, path, "name", 120, false);
        return name == null ? fallback : name;
    }

    private static String precision(ObjectNode body) {
        return JsonBody.string(body, "", "precision", 8, false);
    }

    /** Type check only: the scenario core owns the bounds and names the field when one is broken. */
    private static Double number(ObjectNode body, String field) {
        return JsonBody.number(body, "", field, -ANY, ANY, false);
    }

    private static Set<String> with(Set<String> extra, String... fields) {
        Set<String> all = new HashSet<>(extra);
        all.addAll(List.of(fields));
        return all;
    }
}
