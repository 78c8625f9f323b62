package chipcast.core.forecast;

import java.util.List;

/**
 * One source's series for a market, as input to {@link ConsensusCalculator}. All sources passed together
 * must describe the same market in the same currency and unit; that is the caller's responsibility.
 *
 * @param sourceId stable id of the source, echoed in {@link ConsensusYear#forecastIds()}
 * @param series   the source's yearly series (validated by the calculator, which can name the index)
 */
public record ConsensusSource(String sourceId, List<SeriesPoint> series) {

    public static ConsensusSource of(String sourceId, ForecastCalculation calculation) {
        if (calculation == null) {
            throw new ForecastInputException("calculation", "calculation is required for source " + sourceId);
        }
        return new ConsensusSource(sourceId, calculation.series());
    }
}
