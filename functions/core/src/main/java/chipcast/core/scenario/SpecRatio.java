package chipcast.core.scenario;

/** One subject/baseline ratio computed from datasheet figures, with the figures that produced it. */
public record SpecRatio(String name, double ratio, String explanation) {
}
