package chipcast.core.forecast;

import chipcast.core.json.Json;
import chipcast.core.request.ErrorCode;
import chipcast.core.request.Fields;
import chipcast.core.request.RequestException;
import chipcast.core.series.SeriesStore;
import chipcast.core.store.Listing;
import chipcast.core.store.PageToken;
import chipcast.core.store.Pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The forecast routes' work. GETs serve the series the recalculation materialised (one GetItem) and compute
 * on request, saying so, when nothing is materialised yet or the range asks for extrapolation; the
 * calculation route runs the same maths on the caller's own figures. The discovery routes list the market keys
 * (bundled with the function) and the FX rates, paged with signed tokens.
 */
public final class ForecastService {
    static final String NOT_MATERIALISED = "no materialised series yet (the scheduled recalculation has not run):"
            + " computed on request";

    static final String MARKETS_SCOPE = "markets";
    static final String FX_RATES_SCOPE = "fx-rates";

    private final ForecastStore forecasts;
    private final FxRateStore fxRates;
    private final SeriesStore series;
    private final MarketCatalog markets;
    private final PageToken pageTokens;

    public ForecastService(ForecastStore forecasts, FxRateStore fxRates, SeriesStore series, MarketCatalog markets,
                           PageToken pageTokens) {
        this.forecasts = forecasts;
        this.fxRates = fxRates;
        this.series = series;
        this.markets = markets;
        this.pageTokens = pageTokens;
    }

    /** Currencies a report can be in: USD, the forecasts' pivot, and every quote the FX table holds. */
    public static List<String> currencies() {
        List<String> currencies = new ArrayList<>();
        currencies.add(FxRates.USD);
        currencies.addAll(FxRateStore.QUOTES);
        return currencies;
    }

    /** Every forecast, or those of one market (null: all). */
    public ForecastList list(String market) {
        List<ForecastSummary> items = (market == null ? forecasts.all() : forecasts.byMarket(market)).stream()
                .map(ForecastReports::summary).toList();
        return new ForecastList(items, items.size());
    }

    /** A forecast in {@code currency} over [from, to] (null: its known range). */
    public ForecastReport get(String id, String currency, Integer from, Integer to) {
        Optional<SeriesStore.Series> stored = series.find(SeriesStore.forecastId(id, currency));
        String reason = NOT_MATERIALISED;
        if (stored.isPresent()) {
            ForecastReport doc = Json.readStored(stored.get().doc(), ForecastReport.class);
            int first = doc.firstKnownYear();
            int last = doc.lastKnownYear();
            if ((from == null || from >= first) && (to == null || to <= last)) {
                return doc.years(from, to).from(materialised(stored.get()), null);
            }
            reason = "the range asked for goes past the known points (" + first + "-" + last
                    + "): extrapolated on request at the implied CAGR";
        }
        Forecast forecast = forecasts.find(id).orElseThrow(() -> forecastNotFound(id));
        List<FxRate> rates = currency.equals(forecast.currency()) ? List.of() : fxRates.all();
        return query(() -> ForecastReports.forecast(forecast, rates, currency, from, to)).from(null, reason);
    }

    /**
     * A market's consensus in {@code currency} over [from, to] (null: every year a source covers): the latest edition
     * of each series (materialised), or every edition ({@code allEditions}, computed on request).
     */
    public ConsensusReport consensus(String market, String currency, Integer from, Integer to, boolean allEditions) {
        if (!allEditions) {
            Optional<SeriesStore.Series> stored = series.find(SeriesStore.consensusId(market, currency));
            if (stored.isPresent()) {
                // A consensus never extrapolates, so any range is a slice of the materialised years.
                return Json.readStored(stored.get().doc(), ConsensusReport.class).years(from, to)
                        .from(materialised(stored.get()), null);
            }
        }
        List<Forecast> members = forecasts.byMarket(market);
        if (members.isEmpty()) {
            throw new RequestException(ErrorCode.MARKET_NOT_FOUND, "no forecast covers market '" + market
                    + "'; GET /markets lists the market keys");
        }
        List<FxRate> rates = fxRates.all();
        return query(() -> ForecastReports.consensus(market, members, rates, currency, from, to, allEditions))
                .from(null, allEditions ? "editions=all: every edition, computed on request"
                        : "no materialised consensus yet: computed on request");
    }

    /** One page of the market keys, in key order: definition, counts, year range, member forecasts. */
    public Listing<MarketSummary> markets(int limit, String nextToken) {
        return Pages.listing(markets.all(), MarketSummary::key, "key", limit, pageTokens, MARKETS_SCOPE, nextToken);
    }

    /** One page of the dated FX rates, by quote currency and date. */
    public Listing<FxRate> fxRates(int limit, String nextToken) {
        List<FxRate> sorted = fxRates.all().stream().sorted(Comparator.comparing(ForecastService::rateKey)).toList();
        return Pages.listing(sorted, ForecastService::rateKey, "rate", limit, pageTokens, FX_RATES_SCOPE, nextToken);
    }

    /** A rate's page key: quote and date ("KRW#2024-03"), the characters a page token carries. */
    static String rateKey(FxRate rate) {
        return rate.quote() + "#" + rate.asOf();
    }

    /** The calculation of POST /forecasts/calculate: known points, or a base point and a CAGR. */
    public CalculationReport calculate(CalculationRequest body) {
        Integer from = year("from", body.from(), false);
        Integer to = year("to", body.to(), false);
        if (from != null && to != null && from > to) {
            throw RequestException.invalidField("from", "must not be after 'to'");
        }
        ForecastCalculation calc;
        if (body.knownPoints() != null) {
            List<String> others = new ArrayList<>();
            if (body.baseYear() != null) {
                others.add("baseYear");
            }
            if (body.baseValue() != null) {
                others.add("baseValue");
            }
            if (body.cagrPercent() != null) {
                others.add("cagrPercent");
            }
            if (body.targetYear() != null) {
                others.add("targetYear");
            }
            if (!others.isEmpty()) {
                throw RequestException.invalidField(others.get(0),
                        "cannot be combined with '" + ForecastCalculator.POINTS + "': give known points, or a base point with a CAGR");
            }
            List<CalculationRequest.Point> given = Fields.list(ForecastCalculator.POINTS, body.knownPoints(), 1, ForecastCalculator.MAX_POINTS);
            List<KnownPoint> points = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                String path = Fields.element(ForecastCalculator.POINTS, i);
                int year = year(Fields.join(path, "year"), given.get(i).year(), true);
                double value = Fields.positive(Fields.join(path, "value"), given.get(i).value(), 1e12, true);
                points.add(new KnownPoint(year, value));
            }
            Double stated = Fields.number("statedCagrPercent", body.statedCagrPercent(), -99.999, 10_000, false);
            calc = body(() -> ForecastCalculator.fromPoints(points, stated == null ? null : stated / 100, from, to));
        } else if (body.baseYear() != null || body.cagrPercent() != null) {
            int baseYear = year("baseYear", body.baseYear(), true);
            double baseValue = Fields.positive("baseValue", body.baseValue(), 1e12, true);
            double cagrPercent = Fields.number("cagrPercent", body.cagrPercent(), -99.999, 10_000, true);
            int targetYear = year("targetYear", body.targetYear(), true);
            calc = body(() -> ForecastCalculator.fromCagr(baseYear, baseValue, cagrPercent / 100, targetYear, from, to));
        } else {
            throw RequestException.invalidField(ForecastCalculator.POINTS, "is required (or baseYear, baseValue, cagrPercent and targetYear)");
        }
        return CalculationReport.of(calc, ForecastReports.METHOD);
    }

    public static RequestException forecastNotFound(String id) {
        return new RequestException(ErrorCode.FORECAST_NOT_FOUND, "no forecast with id '" + id
                + "'; GET /forecasts lists them");
    }

    private static Materialised materialised(SeriesStore.Series stored) {
        return Materialised.of(stored.computedAt(), stored.inputHash());
    }

    private static Integer year(String field, Long value, boolean required) {
        Long year = Fields.integer(field, value, ForecastCalculator.MIN_YEAR, ForecastCalculator.MAX_YEAR, required);
        return year == null ? null : year.intValue();
    }

    /** Range problems of a stored forecast (e.g. an extrapolation that overflows) are the query's 400. */
    private static <T> T query(Supplier<T> compute) {
        try {
            return compute.get();
        } catch (ForecastInputException e) {
            throw RequestException.invalidParameter(e.field(), e.getMessage());
        }
    }

    private static ForecastCalculation body(Supplier<ForecastCalculation> compute) {
        try {
            return compute.get();
        } catch (ForecastInputException e) {
            throw new RequestException(ErrorCode.INVALID_BODY, e.getMessage(), e.field());
        }
    }
}
