package chipcast.core.scenario;

import chipcast.core.forecast.ForecastCalculator;
import chipcast.core.forecast.ForecastService;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.Fields;
import chipcast.core.request.Ids;
import chipcast.core.request.RequestException;
import chipcast.core.request.Text;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of a compare body that JSON binding does not make: required fields, counts, lengths, ids,
 * and a claim mapping against its scenario and the claim catalog. Value bounds the calculators own
 * (utilization, days, pue, ...) are theirs to check, with the same field names.
 */
public final class CompareChecks {
    public static final int MAX_OPTIONS = 10;
    public static final long MAX_COUNT = 10_000_000L;
    public static final int MAX_MARKET_YEARS = 101;
    static final Set<String> TRAINING_CLAIM_FIELDS = Set.of("claimId", "baselineOption", "subjectOption",
            "baselineClaimedPowerMW", "subjectClaimedPowerMW", "baselineDays", "subjectDays");
    static final Set<String> INFERENCE_CLAIM_FIELDS = Set.of("claimId", "baselineOption", "subjectOption",
            "subjectPrecision", "baselinePrecision");

    private CompareChecks() {
    }

    /** A body whose {@code kind} names no request type (none, or an unknown one). */
    public static RequestException unknownKind(boolean missing) {
        return RequestException.invalidField("kind", missing ? "is required" : "must be one of training, inference, market");
    }

    public static void check(CompareRequest request) {
        if (request instanceof CompareRequest.Training t) {
            List<CompareRequest.TrainingOption> options = Fields.list("options", t.options(), 1, MAX_OPTIONS);
            for (int i = 0; i < options.size(); i++) {
                String path = Fields.element("options", i);
                CompareRequest.TrainingOption o = options.get(i);
                chipId(path, o.chipId());
                Fields.integer(Fields.join(path, "count"), o.count(), 1, MAX_COUNT, true);
                Fields.text(Fields.join(path, "name"), o.name(), 120, false);
            }
            Fields.text("precision", t.precision(), 8, false);
        } else if (request instanceof CompareRequest.Inference i) {
            if (i.model() == null) {
                throw RequestException.invalidField("model", "is required: {preset} or {parametersB, activeParametersB,"
                        + " layers, kvHeads, headDim, ...}");
            }
            if (i.model().preset() == null) {
                Fields.required("model.parametersB", i.model().parametersB());
            } else {
                Fields.text("model.preset", i.model().preset(), 64, true);
            }
            Fields.integer("batchSize", i.batchSize(), 1, 100_000, false);
            Fields.text("buyerType", i.buyerType(), 32, false);
            Fields.text("kvCachePrecision", i.kvCachePrecision(), 8, false);
            if (i.workload() != null) {
                Fields.text("workload.preset", i.workload().preset(), 32, false);
            }
            List<CompareRequest.InferenceOption> options = Fields.list("options", i.options(), 1, MAX_OPTIONS);
            for (int k = 0; k < options.size(); k++) {
                String path = Fields.element("options", k);
                CompareRequest.InferenceOption o = options.get(k);
                chipId(path, o.chipId());
                Fields.text(Fields.join(path, "name"), o.name(), 120, false);
                Fields.text(Fields.join(path, "precision"), o.precision(), 8, false);
                Fields.text(Fields.join(path, "weightPrecision"), o.weightPrecision(), 8, false);
                Fields.text(Fields.join(path, "kvCachePrecision"), o.kvCachePrecision(), 8, false);
            }
            Fields.text("precision", i.precision(), 8, false);
        } else if (request instanceof CompareRequest.Market m) {
            List<String> ids = m.forecastIds();
            if (ids == null) {
                throw RequestException.invalidField("forecastIds", "must be an array");
            }
            if (ids.size() < 2 || ids.size() > MAX_OPTIONS) {
                throw RequestException.invalidField("forecastIds", "must hold 2 to " + MAX_OPTIONS + " entries");
            }
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < ids.size(); k++) {
                String path = Fields.element("forecastIds", k);
                if (!Ids.isSlug(ids.get(k))) {
                    throw RequestException.invalidField(path, "must be a forecast id such as vmr-2024-inference-chips");
                }
                if (!seen.add(ids.get(k))) {
                    throw RequestException.invalidField(path, "repeats forecast " + ids.get(k));
                }
            }
            currency(m);
            long from = Fields.integer("from", m.from(), ForecastCalculator.MIN_YEAR, ForecastCalculator.MAX_YEAR, true);
            long to = Fields.integer("to", m.to(), ForecastCalculator.MIN_YEAR, ForecastCalculator.MAX_YEAR, true);
            if (to < from) {
                throw RequestException.invalidField("to", "must not be before 'from' (" + from + ")");
            }
            // Checked before any forecast is read; the comparison core holds the same limit.
            if (to - from + 1 > MAX_MARKET_YEARS) {
                throw RequestException.invalidField("to", "the range may span at most " + MAX_MARKET_YEARS + " years");
            }
        }
    }

    /** The currency of a market comparison, upper-cased; USD when none is given. */
    public static String currency(CompareRequest.Market m) {
        String raw = Fields.text("currency", m.currency(), 8, false);
        String currency = raw == null ? "USD" : raw.toUpperCase(Locale.ROOT);
        List<String> supported = ForecastService.currencies();
        if (!supported.contains(currency)) {
            throw RequestException.invalidField("currency", "must be one of " + String.join(", ", supported));
        }
        return currency;
    }

    /** An option's name, the chip id when none is given. */
    static String name(String name, String chipId) {
        return name == null ? chipId : name;
    }

    /** Chip ids in first-seen order, without repeats (BatchGetItem refuses duplicate keys). */
    static List<String> chipIds(CompareRequest request) {
        Set<String> ids = new LinkedHashSet<>();
        if (request instanceof CompareRequest.Training t) {
            t.options().forEach(o -> ids.add(o.chipId()));
        } else if (request instanceof CompareRequest.Inference i) {
            i.options().forEach(o -> ids.add(o.chipId()));
        }
        return List.copyOf(ids);
    }

    /** The chip id of each option, in option order (a chip may appear in several options). */
    static List<String> optionChips(CompareRequest request) {
        if (request instanceof CompareRequest.Training t) {
            return t.options().stream().map(CompareRequest.TrainingOption::chipId).toList();
        }
        if (request instanceof CompareRequest.Inference i) {
            return i.options().stream().map(CompareRequest.InferenceOption::chipId).toList();
        }
        return List.of();
    }

    /** A saved scenario's claim mapping, checked against its compare body and the catalog; null without one. */
    static ClaimBinding claim(ClaimMapping c, CompareRequest request, ClaimCatalog catalog) {
        if (c == null) {
            return null;
        }
        Set<String> allowed;
        if (request instanceof CompareRequest.Training) {
            allowed = TRAINING_CLAIM_FIELDS;
        } else if (request instanceof CompareRequest.Inference) {
            allowed = INFERENCE_CLAIM_FIELDS;
        } else {
            throw RequestException.invalidField("claim", "only training and inference scenarios can be tied to a claim");
        }
        onlyClaimFields(c, allowed);
        String claimId = Fields.text("claim.claimId", c.claimId(), 128, true);
        VendorClaim claim = catalog.find(claimId).orElseThrow(() -> RequestException.invalidField("claim.claimId",
                "names no claim of data/claims.json: '" + Text.printable(claimId) + "'"));
        if (request instanceof CompareRequest.Inference && claim.claimedRatio() == null) {
            throw RequestException.invalidField("claim.claimId", "claim " + claimId + " states no single ratio to check");
        }
        // Which check a claim gets follows from the scenario's kind; a stated single ratio is what an
        // inference check tests, while a training-cluster check derives its ratio from the claimed days.
        if (request instanceof CompareRequest.Training && claim.claimedRatio() != null) {
            throw RequestException.invalidField("claim.claimId", "claim " + claimId + " states a x"
                    + Text.number(claim.claimedRatio()) + " ratio, which a training-cluster check does not test;"
                    + " tie it to an inference scenario");
        }
        List<String> optionChips = optionChips(request);
        int last = optionChips.size() - 1;
        Long base = Fields.integer("claim.baselineOption", c.baselineOption(), 0, last, false);
        int baseline = base == null ? 0 : base.intValue();
        int subject = Fields.integer("claim.subjectOption", c.subjectOption(), 0, last, true).intValue();
        if (subject == baseline) {
            throw RequestException.invalidField("claim.subjectOption", "must differ from claim.baselineOption");
        }
        // A claim that names its chips may only be checked against those chips.
        if (claim.baseline() != null && !claim.baseline().equals(optionChips.get(baseline))) {
            throw RequestException.invalidField("claim.baselineOption", "claim " + claimId + " is about "
                    + claim.baseline() + ", option " + baseline + " is " + optionChips.get(baseline));
        }
        if (claim.subject() != null && !claim.subject().equals(optionChips.get(subject))) {
            throw RequestException.invalidField("claim.subjectOption", "claim " + claimId + " is about "
                    + claim.subject() + ", option " + subject + " is " + optionChips.get(subject));
        }
        return new ClaimBinding(claimId, baseline, subject, c.baselineClaimedPowerMW(), c.subjectClaimedPowerMW(),
                c.baselineDays(), c.subjectDays(), Fields.text("claim.subjectPrecision", c.subjectPrecision(), 8, false),
                Fields.text("claim.baselinePrecision", c.baselinePrecision(), 8, false));
    }

    /** A claim field the scenario's kind does not use is a typo or a mix-up: refused, never ignored. */
    private static void onlyClaimFields(ClaimMapping c, Set<String> allowed) {
        Set<String> given = new TreeSet<>();
        if (c.baselineClaimedPowerMW() != null) {
            given.add("baselineClaimedPowerMW");
        }
        if (c.subjectClaimedPowerMW() != null) {
            given.add("subjectClaimedPowerMW");
        }
        if (c.baselineDays() != null) {
            given.add("baselineDays");
        }
        if (c.subjectDays() != null) {
            given.add("subjectDays");
        }
        if (c.subjectPrecision() != null) {
            given.add("subjectPrecision");
        }
        if (c.baselinePrecision() != null) {
            given.add("baselinePrecision");
        }
        given.removeAll(allowed);
        if (!given.isEmpty()) {
            String first = given.iterator().next();
            throw new RequestException(ErrorCode.UNKNOWN_FIELD, "unknown field(s) " + Text.quoteList(given)
                    + " in claim; allowed: " + Text.quoteList(new TreeSet<>(allowed)), "claim." + first);
        }
    }

    private static void chipId(String path, String id) {
        String field = Fields.join(path, "chipId");
        Fields.text(field, id, 64, true);
        if (!Ids.isSlug(id)) {
            throw new RequestException(ErrorCode.INVALID_BODY, "'" + field + "' is not a chip id: ids are lowercase"
                    + " slugs such as nvidia-h100-sxm", field);
        }
    }
}
