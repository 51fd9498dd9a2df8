package attndx.metrics;

/**
 * A metric value with its patient-level percentile bootstrap confidence interval (paper 7.6).
 *
 * @param value the metric on the full data (NaN when undefined)
 * @param lower lower CI bound (NaN when no resample was usable or bootstrapping was off)
 * @param upper upper CI bound
 * @param level nominal coverage, e.g. 0.95
 * @param resamples resamples used for the interval
 * @param skipped resamples where the metric was undefined (e.g. a single class) and was skipped
 */
public record Estimate(double value, double lower, double upper, double level, int resamples, int skipped) {
}
