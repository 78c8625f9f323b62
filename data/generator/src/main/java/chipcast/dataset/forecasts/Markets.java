package chipcast.dataset.forecasts;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * data/sources/markets.json (the market keys: name, what each covers, caveats) joined with the forecasts into
 * data/markets.json, which GET /markets serves: per key, its definition, how many forecasts and series of editions
 * it has, the years they give values for, its publishers and currencies, and each member forecast. Every forecast's
 * market must be a key of the file and every key must be used.
 */
public final class Markets {
    /** A market key as curated. */
    public record Definition(String key, String name, String covers, String caveats) {
    }

    /** A forecast of the market: its id, publisher, edition, scope, and whether it is its series' latest edition. */
    public record Member(String forecastId, String publisher, String edition, String editionNotBefore, String scope,
                        String editionOf, boolean latestEdition, int firstYear, int lastYear, String sourceAsOf) {
    }

    /** data/markets.json: one entry per market key, in key order. */
    public record Market(String key, String name, String covers, String caveats, int forecastCount, int seriesCount,
                         int latestEditionCount, int firstYear, int lastYear, List<String> publishers,
                         List<String> currencies, List<Member> forecasts, String forecastsListing, String source) {
    }

    static final String SOURCE = "definition curated in data/sources/markets.json; counts and years derived from the"
            + " forecasts (data/forecasts.json), each of which cites its publisher's source";

    private Markets() {
    }

    public static List<Definition> read(Layout layout) {
        return Mapper.read(layout.path(Layout.MARKETS), Layout.MARKETS, new TypeReference<List<Definition>>() {
        });
    }

    public static List<Market> build(List<Definition> definitions, List<Forecast> forecasts) {
        Map<String, Definition> byKey = new LinkedHashMap<>();
        for (Definition d : definitions) {
            if (d.key() == null || d.name() == null || d.covers() == null || byKey.put(d.key(), d) != null) {
                throw new DatasetException(Layout.MARKETS + ": each market needs a unique key, a name and what it covers ("
                        + d.key() + ")");
            }
        }
        Map<String, List<Forecast>> members = new LinkedHashMap<>();
        for (Forecast f : forecasts) {
            if (!byKey.containsKey(f.market())) {
                throw new DatasetException(f.id() + ": market '" + f.market() + "' is not a key of " + Layout.MARKETS
                        + " (add it there with its definition)");
            }
            members.computeIfAbsent(f.market(), k -> new ArrayList<>()).add(f);
        }
        List<Market> out = new ArrayList<>();
        for (Definition d : byKey.values().stream().sorted(Comparator.comparing(Definition::key)).toList()) {
            List<Forecast> list = members.get(d.key());
            if (list == null) {
                throw new DatasetException(Layout.MARKETS + ": no forecast has market '" + d.key() + "' (drop it)");
            }
            List<Member> described = new ArrayList<>();
            TreeSet<String> publishers = new TreeSet<>();
            TreeSet<String> currencies = new TreeSet<>();
            TreeSet<String> series = new TreeSet<>();
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            int latest = 0;
            for (Forecast f : list.stream().sorted(Comparator.comparing(Forecast::id)).toList()) {
                int fy = f.points().get(0).year();
                int ly = f.points().get(f.points().size() - 1).year();
                first = Math.min(first, fy);
                last = Math.max(last, ly);
                publishers.add(f.publisher());
                currencies.add(f.currency());
                series.add(f.editionOf() == null ? f.id() : f.editionOf());
                boolean isLatest = f.supersededBy() == null;
                latest += isLatest ? 1 : 0;
                described.add(new Member(f.id(), f.publisher(), f.edition(), f.editionNotBefore(), f.scope(), f.editionOf(),
                        isLatest, fy, ly, f.source().asOf()));
            }
            out.add(new Market(d.key(), d.name(), d.covers(), d.caveats(), list.size(), series.size(), latest, first, last,
                    List.copyOf(publishers), List.copyOf(currencies), described, "/forecasts?market=" + d.key(), SOURCE));
        }
        return out;
    }
}
