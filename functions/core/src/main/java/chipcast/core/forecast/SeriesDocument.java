package chipcast.core.forecast;

/** A document the recalculation materialises into the series table: a forecast's report or a market's consensus. */
public sealed interface SeriesDocument permits ForecastReport, ConsensusReport {
}
