package attndx.metrics;

/**
 * Decision metrics when probability {@code >= threshold} is called positive, each with its CI.
 *
 * @param threshold the probability threshold
 * @param accuracy (TP + TN) / all
 * @param sensitivity TP / (TP + FN)
 * @param specificity TN / (TN + FP)
 * @param ppv TP / (TP + FP)
 * @param npv TN / (TN + FN)
 */
public record ThresholdMetrics(double threshold, Estimate accuracy, Estimate sensitivity, Estimate specificity,
        Estimate ppv, Estimate npv) {
}
