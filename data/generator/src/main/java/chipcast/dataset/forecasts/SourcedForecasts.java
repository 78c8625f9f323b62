package chipcast.dataset.forecasts;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.check.Checks;
import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * data/sources/forecasts.json: {fxRates, forecasts} in the served forecast schema. Each forecast names its edition
 * (publication date; null only for an undated page, which then gives editionNotBefore, the month it cannot be
 * before, and editionNote, how that is known) and editionOf (its series: one publisher, one market definition).
 * Editions are linked here: within a series ordered by edition (or editionNotBefore), each forecast supersedes the
 * one before and is superseded by the one after. The first FX rate must be the reference's (the rate the seed
 * article's KRW figures imply, data/sources/reference/forecasts.json).
 */
public final class SourcedForecasts {
    /** Fields the file may leave out: the links the generator computes, and the bound only undated editions give. */
    private static final Set<String> OPTIONAL = Set.of("supersedes", "supersededBy", "editionNotBefore");

    /** The reference's FX rates (only the first is checked here). */
    record ReferenceFile(List<ReferenceFx> fxRates, JsonNode forecasts) {
    }

    record ReferenceFx(String pair, Number rate, String asOf, String source) {
    }

    private SourcedForecasts() {
    }

    public static Forecast.File read(Layout layout) {
        JsonNode root = Mapper.readTree(layout.path(Layout.FORECASTS), Layout.FORECASTS);
        JsonNode list = root.path("forecasts");
        if (!root.isObject() || !list.isArray() || !root.path("fxRates").isArray()) {
            throw new DatasetException(Layout.FORECASTS + ": must be an object {fxRates: [...], forecasts: [...]}");
        }
        for (int i = 0; i < list.size(); i++) {
            List<String> missing = new ArrayList<>();
            for (RecordComponent c : Forecast.class.getRecordComponents()) {
                if (!OPTIONAL.contains(c.getName()) && !list.get(i).has(c.getName())) {
                    missing.add(c.getName());
                }
            }
            if (!missing.isEmpty()) {
                throw new DatasetException(Layout.FORECASTS + ": forecasts[" + i + "] (" + list.get(i).path("id").asText()
                        + "): missing fields " + missing + " (write null where there is no value)");
            }
        }
        Forecast.File file = Mapper.fromTree(root, Forecast.File.class, Layout.FORECASTS);
        checkReferenceRate(layout, file);
        return new Forecast.File(file.fxRates(), linkEditions(file.forecasts()));
    }

    /** The served rates must start with the reference's own rate, which the seed article's figures imply. */
    private static void checkReferenceRate(Layout layout, Forecast.File file) {
        ReferenceFile ref = Mapper.read(layout.path(Layout.REF_FORECASTS), Layout.REF_FORECASTS, ReferenceFile.class);
        ReferenceFx expected = ref.fxRates().get(0);
        Forecast.FxRate first = file.fxRates().isEmpty() ? null : file.fxRates().get(0);
        if (first == null || !first.pair().equals(expected.pair()) || first.rate().doubleValue() != expected.rate().doubleValue()
                || !first.asOf().equals(expected.asOf())) {
            throw new DatasetException(Layout.FORECASTS + ": fxRates must start with the reference's rate " + expected.pair()
                    + " " + expected.rate() + " (" + expected.asOf() + "), which the seed article's KRW figures imply");
        }
    }

    /** Sets supersedes/supersededBy within each editionOf series; fails on a series that is not one. */
    public static List<Forecast> linkEditions(List<Forecast> forecasts) {
        Map<String, List<Forecast>> series = new LinkedHashMap<>();
        for (Forecast f : forecasts) {
            for (String date : new String[] {f.edition(), f.editionNotBefore()}) {
                if (date != null && !Checks.DATE.matcher(date).matches()) {
                    throw new DatasetException(f.id() + ": edition dates must be YYYY, YYYY-MM or YYYY-MM-DD, not " + date);
                }
            }
            if (f.edition() != null && f.editionNotBefore() != null) {
                throw new DatasetException(f.id() + ": editionNotBefore is only for an undated edition (edition null)");
            }
            if (f.editionOf() != null) {
                if (f.editionOrder() == null) {
                    throw new DatasetException(f.id() + ": is an edition of " + f.editionOf()
                            + " but has no edition date (give edition, or editionNotBefore and editionNote for an undated page)");
                }
                if (f.edition() == null && (f.editionNote() == null || f.editionNote().isBlank())) {
                    throw new DatasetException(f.id() + ": an undated edition needs editionNote (how editionNotBefore is known)");
                }
                series.computeIfAbsent(f.editionOf(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, String[]> links = new LinkedHashMap<>();
        for (Map.Entry<String, List<Forecast>> s : series.entrySet()) {
            List<Forecast> editions = new ArrayList<>(s.getValue());
            editions.sort(Comparator.comparing(Forecast::editionOrder));
            for (int i = 0; i < editions.size(); i++) {
                Forecast f = editions.get(i);
                Forecast first = editions.get(0);
                if (!Objects.equals(f.publisher(), first.publisher()) || !Objects.equals(f.market(), first.market())) {
                    throw new DatasetException("editions of " + s.getKey() + " must share publisher and market: "
                            + first.id() + " and " + f.id() + " differ");
                }
                if (i > 0) {
                    String before = editions.get(i - 1).editionOrder();
                    if (f.editionOrder().startsWith(before) || before.startsWith(f.editionOrder())) {
                        throw new DatasetException("editions of " + s.getKey() + ": " + editions.get(i - 1).id() + " and "
                                + f.id() + " have the same edition " + f.editionOrder()
                                + (before.equals(f.editionOrder()) ? "" : " (to the precision given: " + before + ")"));
                    }
                }
                links.put(f.id(), new String[] {i > 0 ? editions.get(i - 1).id() : null,
                        i + 1 < editions.size() ? editions.get(i + 1).id() : null});
            }
        }
        List<Forecast> out = new ArrayList<>();
        for (Forecast f : forecasts) {
            String[] link = links.getOrDefault(f.id(), new String[] {null, null});
            for (String[] given : new String[][] {{"supersedes", f.supersedes(), link[0]}, {"supersededBy", f.supersededBy(), link[1]}}) {
                if (given[1] != null && !given[1].equals(given[2])) {
                    throw new DatasetException(f.id() + ": " + given[0] + " is " + given[1] + " but the editions give "
                            + given[2] + " (the generator links editions: leave it out)");
                }
            }
            out.add(f.withEditionLinks(link[0], link[1]));
        }
        return out;
    }
}
