package chipcast.core.benchmark;

import chipcast.core.request.ErrorCode;
import chipcast.core.request.RequestException;
import chipcast.core.request.Text;
import chipcast.core.store.Listing;
import chipcast.core.store.Page;
import chipcast.core.store.PageToken;

/** The benchmark routes' reads: one measured result, a page of them. */
public final class BenchmarkService {
    private final BenchmarkStore benchmarks;
    private final PageToken pageTokens;

    public BenchmarkService(BenchmarkStore benchmarks, PageToken pageTokens) {
        this.benchmarks = benchmarks;
        this.pageTokens = pageTokens;
    }

    public Benchmark get(String id) {
        return benchmarks.find(id).orElseThrow(() -> new RequestException(ErrorCode.BENCHMARK_NOT_FOUND,
                "no measured result with id '" + Text.printable(id) + "'; GET /benchmarks lists them"));
    }

    /** One page of the results the query matches; a token from another query is refused. */
    public Listing<Benchmark> list(BenchmarkQuery query, int limit, String nextToken) {
        Page<Benchmark> page = benchmarks.list(query, limit, pageTokens.start(query.scope(), nextToken));
        return new Listing<>(page.items(), pageTokens.next(query.scope(), page));
    }
}
