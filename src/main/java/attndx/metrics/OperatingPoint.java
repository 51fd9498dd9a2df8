package attndx.metrics;

/**
 * A decision threshold on the positive-class score with its sensitivity and specificity; a case
 * is called positive when its score is {@code >= threshold} ({@code +Infinity}: nothing is positive).
 *
 * @param threshold the score threshold
 * @param sensitivity true-positive rate at the threshold
 * @param specificity true-negative rate at the threshold
 */
public record OperatingPoint(double threshold, double sensitivity, double specificity) {
}
