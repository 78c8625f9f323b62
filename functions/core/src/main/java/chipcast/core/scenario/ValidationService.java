package chipcast.core.scenario;

import chipcast.core.benchmark.Benchmark;
import chipcast.core.benchmark.BenchmarkStore;
import chipcast.core.chip.Chip;
import chipcast.core.chip.ChipStore;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET /benchmarks/validation: the measured results (one Query) and their chips (one BatchGetItem) through
 * {@link Validation}. The report is kept while its inputs are unchanged: the results and chips only change when
 * the dataset is loaded again, and the fits take tens of milliseconds.
 */
public final class ValidationService {
    private final BenchmarkStore benchmarks;
    private final ChipStore chips;
    private final ReferenceData reference;
    private volatile Cached cached;

    private record Cached(List<Benchmark> benchmarks, Map<String, ChipFigures> figures, ValidationReport report) {
    }

    public ValidationService(BenchmarkStore benchmarks, ChipStore chips, ReferenceData reference) {
        this.benchmarks = benchmarks;
        this.chips = chips;
        this.reference = reference;
    }

    public ValidationReport report() {
        List<Benchmark> all = benchmarks.all();
        Set<String> ids = new LinkedHashSet<>();
        for (Benchmark b : all) {
            if (b.chipId() != null) {
                ids.add(b.chipId());
            }
        }
        Map<String, ChipFigures> figures = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            Map<String, Chip> found = chips.findAll(List.copyOf(ids));
            for (String id : ids) {
                if (found.containsKey(id)) {
                    figures.put(id, ChipFigures.of(found.get(id)));
                }
            }
        }
        Cached c = cached;
        if (c != null && c.benchmarks().equals(all) && c.figures().equals(figures)) {
            return c.report();
        }
        ValidationReport report = Validation.report(all, figures, reference::model);
        cached = new Cached(all, figures, report);
        return report;
    }
}
