package chipcast.core.benchmark;

import chipcast.core.store.Page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The benchmarks table as the services see it (the DynamoDB adapter is DynamoBenchmarkStore). */
public interface BenchmarkStore {
    Optional<Benchmark> find(String id);

    /** One page of the results matching the query, in id order, after {@code startKey} (null: from the start). */
    Page<Benchmark> list(BenchmarkQuery query, int limit, Map<String, String> startKey);

    /** Every result measured on one chip, in id order (a Query on the chip index). */
    List<Benchmark> forChip(String chipId);

    /** Every result, in id order (a Query on the catalogue index). */
    List<Benchmark> all();
}
