package chipcast.core.forecast;

import java.util.List;

/**
 * Per year, the spread of one market's forecasts, as GET /forecasts/consensus serves it. {@code editions} says which
 * editions it counts: "latest" (the default: the latest edition of each publisher's series for this market; the
 * editions left out are in {@code superseded}) or "all" (every edition). {@code warnings} name what the numbers do
 * not show, e.g. one publisher counted twice through two concurrent series.
 */
public record ConsensusReport(
        String market,
        String currency,
        String unit,
        Integer from,
        Integer to,
        String editions,
        List<Member> sources,
        List<Superseded> superseded,
        List<String> warnings,
        List<ConsensusYear> years,
        String method,
        Materialised materialised,
        String computedOnTheFly) implements SeriesDocument {

    public static final String LATEST = "latest";
    public static final String ALL = "all";

    /** One forecast counted in the consensus, with the edition it is and its series. */
    public record Member(String id, String publisher, String marketDefinition, int firstYear, int lastYear, Double cagr,
                         FxApplied fx, Forecast.SourceRef source, String edition, String editionOf) {
    }

    /** An edition the consensus left out, and the later edition of its series that it counts instead. */
    public record Superseded(String id, String supersededBy) {
    }

    /** The years [from, to] of the consensus (null: keep the stored bound). */
    public ConsensusReport years(Integer from, Integer to) {
        return new ConsensusReport(market, currency, unit, from != null ? from : this.from, to != null ? to : this.to,
                editions, sources, superseded, warnings, years.stream().filter(y -> Materialised.within(y.year(), from, to)).toList(), method,
                materialised, computedOnTheFly);
    }

    public ConsensusReport from(Materialised stored, String onTheFlyReason) {
        return new ConsensusReport(market, currency, unit, from, to, editions, sources, superseded, warnings, years, method,
                stored, onTheFlyReason);
    }
}
