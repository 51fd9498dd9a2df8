package attndx.metrics;

/**
 * Sensitivity at a fixed specificity (paper 7.4, 7.6): the full-data operating point chosen by
 * {@link RankedScores#sensitivityAtSpecificity} on the evaluated images themselves, and the sensitivity
 * with its bootstrap CI (the threshold is re-chosen in each resample). Optimistic by construction; the
 * figure a deployment would see is {@link ValidationOperatingPoint}.
 *
 * @param targetSpecificity the required specificity
 * @param threshold positive-class probability threshold on the full data ({@code >=} is positive; NaN when undefined)
 * @param specificity specificity achieved at the threshold
 * @param sensitivity sensitivity at the threshold, with CI
 */
public record FixedSpecificity(double targetSpecificity, double threshold, double specificity, Estimate sensitivity) {
}
