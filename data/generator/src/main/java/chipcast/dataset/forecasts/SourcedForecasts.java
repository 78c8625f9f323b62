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

/**
 * data/sources/forecasts.json (optional, extended build): {fxRates, forecasts} in the served forecast schema plus
 * edition (the edition's publication date), editionOf (the id of the series of editions: one publisher, one
 * market definition) and scope (a label of what the market covers). When present it replaces the reference
 * forecasts. Editions are linked here: within an editionOf series sorted by edition, each forecast supersedes the
 * one before and is superseded by the one after.
 */
public final class SourcedForecasts {
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
                if (!Forecast.EXTENDED_FIELDS.contains(c.getName()) && !list.get(i).has(c.getName())) {
                    missing.add(c.getName());
                }
            }
            if (!missing.isEmpty()) {
                throw new DatasetException(Layout.FORECASTS + ": forecasts[" + i + "] (" + list.get(i).path("id").asText()
                        + "): missing served fields " + missing + " (write null where there is no value)");
            }
        }
        Forecast.File file = Mapper.fromTree(root, Forecast.File.class, Layout.FORECASTS);
        return new Forecast.File(file.fxRates(), linkEditions(file.forecasts()));
    }

    /** Sets supersedes/supersededBy within each editionOf series; fails on a series that is not one. */
    public static List<Forecast> linkEditions(List<Forecast> forecasts) {
        Map<String, List<Forecast>> series = new LinkedHashMap<>();
        for (Forecast f : forecasts) {
            if (f.edition() != null && !Checks.DATE.matcher(f.edition()).matches()) {
                throw new DatasetException(f.id() + ": edition must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not " + f.edition());
            }
            if (f.editionOf() != null) {
                if (f.edition() == null) {
                    throw new DatasetException(f.id() + ": is an edition of " + f.editionOf() + " but has no edition date");
                }
                series.computeIfAbsent(f.editionOf(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, String[]> links = new LinkedHashMap<>();
        for (Map.Entry<String, List<Forecast>> s : series.entrySet()) {
            List<Forecast> editions = new ArrayList<>(s.getValue());
            editions.sort(Comparator.comparing(Forecast::edition));
            for (int i = 0; i < editions.size(); i++) {
                Forecast f = editions.get(i);
                Forecast first = editions.get(0);
                if (!Objects.equals(f.publisher(), first.publisher()) || !Objects.equals(f.market(), first.market())) {
                    throw new DatasetException("editions of " + s.getKey() + " must share publisher and market: "
                            + first.id() + " and " + f.id() + " differ");
                }
                if (i > 0 && f.edition().equals(editions.get(i - 1).edition())) {
                    throw new DatasetException("editions of " + s.getKey() + ": " + editions.get(i - 1).id() + " and " + f.id()
                            + " have the same edition " + f.edition());
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
