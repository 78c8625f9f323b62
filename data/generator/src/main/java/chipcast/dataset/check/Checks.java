package chipcast.dataset.check;

import chipcast.dataset.DatasetException;
import chipcast.dataset.chips.Chip;
import chipcast.dataset.chips.Source;
import chipcast.dataset.chips.SourceCatalogue;
import chipcast.dataset.claims.Claim;
import chipcast.dataset.forecasts.Forecast;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every written dataset keeps (build_data.py's --check): unique ids, all ten dense keys, a known
 * workload, every source titled and dated, forecast points sorted and non-null, claims pointing at chips that
 * exist. All problems are reported at once.
 */
public final class Checks {
    public static final Pattern DATE = Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Set<String> WORKLOADS = Set.of("training", "inference", "both");
    private static final Set<String> KINDS = Set.of(SourceCatalogue.PUBLISHED, SourceCatalogue.CHECKED);
    private static final Set<String> TIERS = Set.of(Chip.TIER_CURATED, Chip.TIER_EPOCH_ONLY);
    private static final Set<String> FP64_KINDS = Set.of("vector", "matrix");

    private final List<String> problems = new ArrayList<>();
    private final String checkedDate;

    private Checks(String checkedDate) {
        this.checkedDate = checkedDate;
    }

    public static void all(List<Chip> chips, Forecast.File forecasts, List<Claim> claims, String checkedDate) {
        Checks c = new Checks(checkedDate);
        c.chips(chips);
        c.forecasts(forecasts);
        c.claims(claims, chips);
        if (!c.problems.isEmpty()) {
            List<String> out = new ArrayList<>();
            out.add("the built dataset breaks its rules:");
            c.problems.forEach(p -> out.add("  " + p));
            throw new DatasetException(out);
        }
    }

    private void chips(List<Chip> chips) {
        unique("chips", chips.stream().map(Chip::id).toList());
        for (Chip c : chips) {
            if (c.denseTFLOPS() == null || !new HashSet<>(c.denseTFLOPS().keySet()).equals(new HashSet<>(Chip.PRECISIONS))) {
                problems.add(c.id() + ": denseTFLOPS must have exactly the keys " + Chip.PRECISIONS);
            }
            if (!WORKLOADS.contains(c.workload())) {
                problems.add(c.id() + ": workload '" + c.workload() + "' is not one of " + WORKLOADS);
            }
            if (c.vendorKey() == null || !SLUG.matcher(c.vendorKey()).matches()) {
                problems.add(c.id() + ": vendorKey '" + c.vendorKey() + "' is not a lowercase slug");
            }
            if (!TIERS.contains(c.tier())) {
                problems.add(c.id() + ": tier '" + c.tier() + "' is not one of " + TIERS);
            }
            if (c.fp64Kind() != null && !FP64_KINDS.contains(c.fp64Kind())) {
                problems.add(c.id() + ": fp64Kind '" + c.fp64Kind() + "' is not one of " + FP64_KINDS + " (or null)");
            }
            if (c.denseTFLOPS() != null && (c.fp64Kind() == null) != (c.denseTFLOPS().get("fp64") == null)) {
                problems.add(c.id() + ": fp64Kind says which FP64 figure denseTFLOPS.fp64 is: set it exactly when fp64 is set"
                        + " (fp64 " + c.denseTFLOPS().get("fp64") + ", fp64Kind " + c.fp64Kind() + ")");
            }
            if (c.sources() == null || c.sources().isEmpty()) {
                problems.add(c.id() + ": no sources");
                continue;
            }
            for (Source s : c.sources()) {
                if (blank(s.title()) || s.asOf() == null || !DATE.matcher(s.asOf()).matches() || s.supports() == null
                        || !KINDS.contains(s.asOfKind())) {
                    problems.add(c.id() + ": bad source " + s);
                } else if (SourceCatalogue.CHECKED.equals(s.asOfKind()) && !s.asOf().equals(checkedDate)) {
                    problems.add(c.id() + ": a 'checked' source must be dated " + checkedDate + ": " + s);
                }
            }
        }
    }

    private void forecasts(Forecast.File file) {
        unique("forecasts", file.forecasts().stream().map(Forecast::id).toList());
        for (Forecast f : file.forecasts()) {
            if (f.points() == null || f.points().isEmpty()) {
                problems.add(f.id() + ": no points");
            } else {
                List<Integer> years = f.points().stream().map(Forecast.Point::year).toList();
                if (!years.equals(years.stream().sorted().toList()) || f.points().stream().anyMatch(p -> p.value() == null)) {
                    problems.add(f.id() + ": points must be sorted by year and have values");
                }
            }
            if (f.market() == null || !SLUG.matcher(f.market()).matches()) {
                problems.add(f.id() + ": market key '" + f.market() + "' is not a lowercase slug");
            }
            if (f.source() == null || blank(f.source().title()) || f.source().asOf() == null
                    || !DATE.matcher(f.source().asOf()).matches()) {
                problems.add(f.id() + ": source needs a title and a date");
            }
        }
        for (Forecast.FxRate r : file.fxRates()) {
            if (r.source() == null || blank(r.source().title()) || r.asOf() == null || !DATE.matcher(r.asOf()).matches()) {
                problems.add("fx rate " + r.pair() + " " + r.asOf() + ": needs a titled source and a date");
            }
        }
    }

    private void claims(List<Claim> claims, List<Chip> chips) {
        unique("claims", claims.stream().map(Claim::id).toList());
        Set<String> chipIds = new HashSet<>(chips.stream().map(Chip::id).toList());
        for (Claim c : claims) {
            for (String chip : new String[] {c.subject(), c.baseline()}) {
                if (chip != null && !chipIds.contains(chip)) {
                    problems.add(c.id() + ": " + chip + " is not a chip id");
                }
            }
            if (c.source() == null || blank(c.source().title()) || c.source().asOf() == null
                    || !DATE.matcher(c.source().asOf()).matches()) {
                problems.add(c.id() + ": source needs a title and a date");
            }
        }
    }

    private void unique(String what, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                problems.add(what + ": an entry has no id");
            } else if (!seen.add(id)) {
                problems.add(what + ": id " + id + " is used twice");
            }
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
