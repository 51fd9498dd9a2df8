package attndx.metrics;

/**
 * Specificity at a fixed sensitivity: the full-data operating point chosen by
 * {@link RankedScores#specificityAtSensitivity}, and the specificity with its bootstrap CI.
 *
 * @param targetSensitivity the required sensitivity
 * @param threshold positive-class probability threshold on the full data ({@code >=} is positive; NaN when undefined)
 * @param sensitivity sensitivity achieved at the threshold
 * @param specificity specificity at the threshold, with CI
 */
public record FixedSensitivity(double targetSensitivity, double threshold, double sensitivity, Estimate specificity) {
}
