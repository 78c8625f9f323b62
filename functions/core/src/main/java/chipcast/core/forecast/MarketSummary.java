package chipcast.core.forecast;

import java.util.List;

/**
 * A market key as GET /markets serves it: its name, what it covers and its caveats (curated), how many forecasts and
 * series of editions it has, how many latest editions (what the consensus counts by default), the years its
 * forecasts give values for, its publishers and currencies, each member forecast, the listing that serves them, and
 * where the definition and counts come from.
 */
public record MarketSummary(String key, String name, String covers, String caveats, int forecastCount, int seriesCount,
                            int latestEditionCount, int firstYear, int lastYear, List<String> publishers,
                            List<String> currencies, List<Member> forecasts, String forecastsListing, String source) {

    /** A forecast of the market: its edition, series and scope, whether it is the latest edition, its known years. */
    public record Member(String forecastId, String publisher, String edition, String editionNotBefore, String scope,
                         String editionOf, boolean latestEdition, int firstYear, int lastYear, String sourceAsOf) {
    }
}
