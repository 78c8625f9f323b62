package chipcast.core.forecast;

import java.util.List;

/** Per year, the spread of one market's forecasts, as GET /forecasts/consensus serves it. */
public record ConsensusReport(
        String market,
        String currency,
        String unit,
        Integer from,
        Integer to,
        List<Member> sources,
        List<ConsensusYear> years,
        String method,
        Materialised materialised,
        String computedOnTheFly) implements SeriesDocument {

    /** One forecast counted in the consensus. */
    public record Member(String id, String publisher, String marketDefinition, int firstYear, int lastYear, Double cagr,
                         FxApplied fx, Forecast.SourceRef source) {
    }

    /** The years [from, to] of the consensus (null: keep the stored bound). */
    public ConsensusReport years(Integer from, Integer to) {
        return new ConsensusReport(market, currency, unit, from != null ? from : this.from, to != null ? to : this.to,
                sources, years.stream().filter(y -> Materialised.within(y.year(), from, to)).toList(), method,
                materialised, computedOnTheFly);
    }

    public ConsensusReport from(Materialised stored, String onTheFlyReason) {
        return new ConsensusReport(market, currency, unit, from, to, sources, years, method, stored, onTheFlyReason);
    }
}
